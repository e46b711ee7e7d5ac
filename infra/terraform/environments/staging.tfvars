# Staging's names (see production.tfvars).
account_id  = "1234567890123456" # your Alibaba Cloud account id (Account Center)
region      = "cn-hangzhou"
name        = "financials"
environment = "staging"
