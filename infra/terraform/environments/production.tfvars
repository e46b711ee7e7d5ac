# Production's names: with staging.tfvars, the one source of the bucket, Tablestore and role
# names. After `terraform apply -var-file=environments/production.tfvars`, regenerate the
# Helm names with scripts/helm_names_from_terraform.py (docs/operations.md); a test fails when
# infra/helm/names-production.yaml or the manifests disagree with what these inputs name.
account_id  = "1234567890123456" # your Alibaba Cloud account id (Account Center)
region      = "cn-hangzhou"
name        = "financials"
environment = "prod"
