data "alicloud_account" "current" {}

locals {
  prefix     = "${var.name}-${var.environment}"
  account_id = var.account_id
  tags = merge(var.tags, {
    app         = var.name
    environment = var.environment
    managed-by  = "terraform"
  })

  # OSS bucket names are global: the account id keeps them unique.
  charts_bucket = "${local.prefix}-charts-${local.account_id}"
  site_bucket   = "${local.prefix}-site-${local.account_id}"
  logs_bucket   = "${local.prefix}-logs-${local.account_id}"

  # Tablestore instance names are 3 to 16 characters.
  tablestore_instance = substr(replace(local.prefix, "_", "-"), 0, 16)
  tablestore_ttl      = var.tablestore_ttl_days < 0 ? -1 : var.tablestore_ttl_days * 86400
}

# The names come from var.account_id (committed per environment): refuse to plan in any other
# account rather than create resources named for one account in another.
resource "terraform_data" "account_guard" {
  input = var.account_id

  lifecycle {
    precondition {
      condition     = var.account_id == data.alicloud_account.current.id
      error_message = "account_id does not match the credentials' account: fix environments/*.tfvars or the credentials."
    }
  }
}
