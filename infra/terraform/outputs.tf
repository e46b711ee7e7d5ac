output "backend_image_repository" {
  description = "Push the backend image here (and pull it from the cluster)."
  value       = "registry.${var.region}.aliyuncs.com/${alicloud_cr_namespace.main.name}/${alicloud_cr_repo.backend.name}"
}

output "charts_bucket" {
  description = "FINANCIALS_OSS_BUCKET."
  value       = alicloud_oss_bucket.charts.bucket
}

output "oss_endpoint" {
  description = "FINANCIALS_OSS_ENDPOINT (public: browsers open the signed links)."
  value       = "https://oss-${var.region}.aliyuncs.com"
}

output "oss_region" {
  description = "FINANCIALS_OSS_REGION (Signature V4 scope)."
  value       = var.region
}

output "site_bucket" {
  description = "Upload the exported frontend here (infra/scripts/build_and_push_frontend.sh)."
  value       = alicloud_oss_bucket.site.bucket
}

output "site_cdn_cname" {
  description = "Point site_domain's CNAME record here."
  value       = alicloud_cdn_domain_new.site.cname
}

output "tablestore_instance" {
  description = "FINANCIALS_TABLESTORE_INSTANCE."
  value       = alicloud_ots_instance.main.name
}

output "tablestore_endpoint" {
  description = "FINANCIALS_TABLESTORE_ENDPOINT (the VPC endpoint)."
  value       = "https://${alicloud_ots_instance.main.name}.${var.region}.vpc.tablestore.aliyuncs.com"
}

output "redis_host" {
  description = "Host of REFLEX_REDIS_URL: redis://:<redis_password>@<this>:6379/0."
  value       = alicloud_kvstore_instance.sessions.connection_domain
}

output "mongodb_replica_set" {
  description = "Replica set name and member hosts for FINANCIALS_MONGODB_URI (user root)."
  value = {
    name  = alicloud_mongodb_instance.records.replica_set_name
    hosts = [for member in alicloud_mongodb_instance.records.replica_sets : "${member.connection_domain}:${member.connection_port}"]
  }
}

output "pod_ram_role_name" {
  description = "The ServiceAccount's pod-identity.alibabacloud.com/role-name annotation."
  value       = local.has_oidc ? alicloud_ram_role.pods[0].role_name : null
}

output "app_policy_name" {
  description = "The backend's least-privilege RAM policy."
  value       = alicloud_ram_policy.app.policy_name
}

output "ci_policy_name" {
  description = "Attach to the RAM user whose keys CI uses."
  value       = alicloud_ram_policy.ci.policy_name
}

output "app_access_key_id" {
  description = "FINANCIALS_OSS_ACCESS_KEY_ID and FINANCIALS_TABLESTORE_ACCESS_KEY_ID (create_app_access_key)."
  value       = var.create_app_access_key ? alicloud_ram_access_key.app[0].id : null
}

output "app_access_key_secret" {
  description = "FINANCIALS_OSS_ACCESS_KEY_SECRET and FINANCIALS_TABLESTORE_ACCESS_KEY_SECRET."
  value       = var.create_app_access_key ? alicloud_ram_access_key.app[0].secret : null
  sensitive   = true
}

output "cluster_id" {
  description = "The ACK cluster (when create_ack_cluster)."
  value       = var.create_ack_cluster ? alicloud_cs_managed_kubernetes.main[0].id : null
}

output "api_gateway_domain" {
  description = "API Gateway's domain for third-party API clients (bind your own in the console)."
  value       = alicloud_api_gateway_group.api.sub_domain
}
