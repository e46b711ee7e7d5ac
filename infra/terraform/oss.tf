# Access logs of the two buckets below.
resource "alicloud_oss_bucket" "logs" {
  bucket          = local.logs_bucket
  redundancy_type = "ZRS"
  tags            = local.tags

  server_side_encryption_rule {
    sse_algorithm     = "KMS"
    kms_master_key_id = alicloud_kms_key.storage.id
  }

  versioning {
    status = "Enabled"
  }

  lifecycle_rule {
    id      = "expire-logs"
    enabled = true
    expiration {
      days = 180
    }
    noncurrent_version_expiration {
      days = 30
    }
  }
}

# Chart images: private; the app hands out expiring signed links (FINANCIALS_OSS_BUCKET).
resource "alicloud_oss_bucket" "charts" {
  bucket          = local.charts_bucket
  redundancy_type = "ZRS"
  tags            = local.tags

  server_side_encryption_rule {
    sse_algorithm     = "KMS"
    kms_master_key_id = alicloud_kms_key.storage.id
  }

  versioning {
    status = "Enabled"
  }

  logging {
    target_bucket = alicloud_oss_bucket.logs.bucket
    target_prefix = "charts/"
  }

  dynamic "lifecycle_rule" {
    for_each = var.charts_retention_days > 0 ? [var.charts_retention_days] : []
    content {
      id      = "expire-charts"
      enabled = true
      expiration {
        days = lifecycle_rule.value
      }
    }
  }

  lifecycle_rule {
    id      = "expire-old-versions"
    enabled = true
    noncurrent_version_expiration {
      days = 7
    }
  }
}

# The exported frontend; private too: CDN reads it with its own authorization (cdn.tf).
# OSS-managed keys: CDN's back-to-origin role may read OSS but not decrypt with a KMS key, and
# these files are public pages anyway (infra/checkov-skips.yaml).
resource "alicloud_oss_bucket" "site" {
  bucket          = local.site_bucket
  redundancy_type = "ZRS"
  tags            = local.tags

  server_side_encryption_rule {
    sse_algorithm = "AES256"
  }

  versioning {
    status = "Enabled"
  }

  logging {
    target_bucket = alicloud_oss_bucket.logs.bucket
    target_prefix = "site/"
  }

  website {
    index_document = "index.html"
    error_document = "404.html"
  }

  lifecycle_rule {
    id      = "expire-old-versions"
    enabled = true
    noncurrent_version_expiration {
      days = 30
    }
  }
}

resource "alicloud_oss_bucket_acl" "private" {
  for_each = {
    logs   = alicloud_oss_bucket.logs.bucket
    charts = alicloud_oss_bucket.charts.bucket
    site   = alicloud_oss_bucket.site.bucket
  }
  bucket = each.value
  acl    = "private"
}

resource "alicloud_oss_bucket_public_access_block" "private" {
  for_each = {
    logs   = alicloud_oss_bucket.logs.bucket
    charts = alicloud_oss_bucket.charts.bucket
    site   = alicloud_oss_bucket.site.bucket
  }
  bucket              = each.value
  block_public_access = true
}

# One customer-managed key for the buckets, rotated yearly.
resource "alicloud_kms_key" "storage" {
  description            = "${local.prefix}: OSS server-side encryption"
  pending_window_in_days = 7
  automatic_rotation     = "Enabled"
  rotation_interval      = "31536000s"
  status                 = "Enabled"
  tags                   = local.tags
}
