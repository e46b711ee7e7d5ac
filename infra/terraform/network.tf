# One VPC for the cluster and the data services; created unless an existing one is given.
resource "alicloud_vpc" "main" {
  count      = var.vpc_id == "" ? 1 : 0
  vpc_name   = local.prefix
  cidr_block = var.vpc_cidr
  tags       = local.tags
}

resource "alicloud_vswitch" "main" {
  count        = var.vpc_id == "" ? length(var.zone_ids) : 0
  vswitch_name = "${local.prefix}-${var.zone_ids[count.index]}"
  vpc_id       = alicloud_vpc.main[0].id
  cidr_block   = var.vswitch_cidrs[count.index]
  zone_id      = var.zone_ids[count.index]
  tags         = local.tags
}

locals {
  vpc_id      = var.vpc_id == "" ? alicloud_vpc.main[0].id : var.vpc_id
  vswitch_ids = var.vpc_id == "" ? alicloud_vswitch.main[*].id : var.vswitch_ids
}
