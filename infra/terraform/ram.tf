# What the backend may do in the cloud, and nothing more: read and write chart images in its
# bucket (with the bucket's KMS key), and use its Tablestore tables. MongoDB and Redis are
# reached by password inside the VPC, so they need no RAM grant.
data "alicloud_ram_policy_document" "app" {
  version = "1"

  statement {
    effect   = "Allow"
    action   = ["oss:PutObject", "oss:GetObject", "oss:DeleteObject"]
    resource = ["acs:oss:*:${local.account_id}:${alicloud_oss_bucket.charts.bucket}/*"]
  }

  statement {
    effect   = "Allow"
    action   = ["kms:GenerateDataKey", "kms:Decrypt"]
    resource = ["acs:kms:${var.region}:${local.account_id}:key/${alicloud_kms_key.storage.id}"]
  }

  # The app lists tables on start to create the ones missing (chat_messages needs an
  # auto-increment key, which Terraform cannot declare) and keeps their TTL in step.
  statement {
    effect   = "Allow"
    action   = ["ots:ListTable"]
    resource = ["acs:ots:${var.region}:${local.account_id}:instance/${alicloud_ots_instance.main.name}"]
  }

  statement {
    effect = "Allow"
    action = [
      "ots:CreateTable", "ots:UpdateTable", "ots:DescribeTable",
      "ots:GetRow", "ots:PutRow", "ots:UpdateRow", "ots:GetRange",
    ]
    resource = [
      "acs:ots:${var.region}:${local.account_id}:instance/${alicloud_ots_instance.main.name}/table/${var.tablestore_table_prefix}chat_*",
    ]
  }
}

resource "alicloud_ram_policy" "app" {
  policy_name     = "${local.prefix}-app"
  policy_document = data.alicloud_ram_policy_document.app.document
  description     = "Financials backend: its charts bucket and Tablestore tables only."
}

# RRSA: pods running as the backend's service account, in the cluster's OIDC provider, may
# assume this role (and nothing else may).
locals {
  oidc_issuer_url   = var.create_ack_cluster ? alicloud_cs_managed_kubernetes.main[0].rrsa_metadata[0].rrsa_oidc_issuer_url : var.existing_cluster_oidc_issuer_url
  oidc_provider_arn = var.create_ack_cluster ? alicloud_cs_managed_kubernetes.main[0].rrsa_metadata[0].ram_oidc_provider_arn : var.existing_cluster_oidc_provider_arn
  has_oidc          = var.create_ack_cluster || var.existing_cluster_oidc_provider_arn != ""
}

resource "alicloud_ram_role" "pods" {
  count       = local.has_oidc ? 1 : 0
  role_name   = "${local.prefix}-backend"
  description = "Assumed by the Financials backend pods through RRSA."
  assume_role_policy_document = jsonencode({
    Version = "1"
    Statement = [{
      Action    = "sts:AssumeRole"
      Effect    = "Allow"
      Principal = { Federated = [local.oidc_provider_arn] }
      Condition = {
        StringEquals = {
          "oidc:aud" = "sts.aliyuncs.com"
          "oidc:iss" = local.oidc_issuer_url
          "oidc:sub" = "system:serviceaccount:${var.name}:${var.service_account}"
        }
      }
    }]
  })
  max_session_duration = 3600
}

resource "alicloud_ram_role_policy_attachment" "pods" {
  count       = local.has_oidc ? 1 : 0
  role_name   = alicloud_ram_role.pods[0].role_name
  policy_name = alicloud_ram_policy.app.policy_name
  policy_type = "Custom"
}

# Opt-in (create_app_access_key, off by default), for a backend outside ACK only: a RAM user
# with the same policy and one long-lived AccessKey. Pods in ACK use the RRSA role above.
resource "alicloud_ram_user" "app" {
  count        = var.create_app_access_key ? 1 : 0
  name         = "${local.prefix}-app"
  display_name = "Financials backend outside ACK (static keys)"
  comments     = "No console login; one AccessKey; policy ${alicloud_ram_policy.app.policy_name}."
}

resource "alicloud_ram_user_policy_attachment" "app" {
  count       = var.create_app_access_key ? 1 : 0
  user_name   = alicloud_ram_user.app[0].name
  policy_name = alicloud_ram_policy.app.policy_name
  policy_type = "Custom"
}

resource "alicloud_ram_access_key" "app" {
  count     = var.create_app_access_key ? 1 : 0
  user_name = alicloud_ram_user.app[0].name
  status    = "Active"
}

# What CI needs to ship a release: push the backend image, upload the site, refresh the CDN,
# and fetch a kubeconfig of the cluster (ACK RBAC then limits it to the app's namespace).
# Attach it to the RAM user whose keys the workflows use.
data "alicloud_ram_policy_document" "ci" {
  version = "1"

  statement {
    effect   = "Allow"
    action   = ["cr:GetAuthorizationToken", "cr:PullRepository", "cr:PushRepository", "cr:GetRepository"]
    resource = ["acs:cr:${var.region}:${local.account_id}:repository/${alicloud_cr_namespace.main.name}/*"]
  }

  statement {
    effect   = "Allow"
    action   = ["oss:PutObject", "oss:GetObject", "oss:DeleteObject", "oss:ListObjects"]
    resource = ["acs:oss:*:${local.account_id}:${alicloud_oss_bucket.site.bucket}", "acs:oss:*:${local.account_id}:${alicloud_oss_bucket.site.bucket}/*"]
  }

  statement {
    effect   = "Allow"
    action   = ["cdn:RefreshObjectCaches", "cdn:DescribeRefreshTasks"]
    resource = ["acs:cdn:*:${local.account_id}:domain/${var.site_domain}"]
  }

  statement {
    effect   = "Allow"
    action   = ["cs:DescribeClusterUserKubeconfig", "cs:DescribeClusterDetail"]
    resource = ["acs:cs:${var.region}:${local.account_id}:cluster/*"]
  }
}

resource "alicloud_ram_policy" "ci" {
  policy_name     = "${local.prefix}-ci"
  policy_document = data.alicloud_ram_policy_document.ci.document
  description     = "Financials CI: push the image, publish the site, fetch the kubeconfig."
}
