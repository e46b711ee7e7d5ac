# ApsaraDB for MongoDB replica set: analysis records (FINANCIALS_MONGODB_URI). Inside the VPC,
# encrypted at rest and in transit, backed up daily. With SSL on, add
# `tls=true&tlsCAFile=/etc/financials/ca/mongodb-ca.pem` to the URI and put the instance's CA
# certificate (console: Data Security > SSL) in the financials-ca ConfigMap (docs/storage.md).
resource "alicloud_mongodb_instance" "records" {
  name                = "${local.prefix}-records"
  engine_version      = "7.0"
  db_instance_class   = var.mongodb_instance_class
  db_instance_storage = var.mongodb_storage_gb
  storage_type        = "cloud_essd1"
  replication_factor  = 3
  network_type        = "VPC"
  vpc_id              = local.vpc_id
  vswitch_id          = local.vswitch_ids[0]
  zone_id             = var.zone_ids[0]
  security_ip_list    = [var.vpc_cidr]
  account_password    = var.mongodb_password
  tde_status          = "enabled"
  ssl_action          = "Open"
  backup_period       = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
  backup_time         = "19:00Z-20:00Z"
  tags                = local.tags

  # Spread the three members over three zones when three are given (the hidden member's zone
  # must differ from the other two); otherwise all three live in the first zone.
  secondary_zone_id = length(var.zone_ids) > 2 ? var.zone_ids[1] : null
  hidden_zone_id    = length(var.zone_ids) > 2 ? var.zone_ids[2] : null
}
