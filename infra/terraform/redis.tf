# ApsaraDB for Redis (Tair, Redis-compatible): Reflex's session state, shared by every worker
# of every pod (REFLEX_REDIS_URL). Inside the VPC only.
resource "alicloud_kvstore_instance" "sessions" {
  db_instance_name  = "${local.prefix}-sessions"
  instance_type     = "Redis"
  engine_version    = "7.0"
  instance_class    = var.redis_instance_class
  zone_id           = var.zone_ids[0]
  secondary_zone_id = var.zone_ids[1]
  vswitch_id        = local.vswitch_ids[0]
  security_ips      = [var.vpc_cidr]
  password          = var.redis_password
  payment_type      = "PostPaid"
  tde_status        = "Enabled"
  tags              = local.tags

  config = {
    # Sessions expire on their own (Reflex sets a TTL); evict the oldest under pressure.
    "maxmemory-policy" = "volatile-lru"
  }
}
