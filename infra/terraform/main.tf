data "alicloud_account" "current" {}

locals {
  prefix     = "${var.name}-${var.environment}"
  account_id = data.alicloud_account.current.id
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
