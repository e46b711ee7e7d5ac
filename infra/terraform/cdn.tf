# The static frontend on CDN, fetched from the private site bucket.
resource "alicloud_cdn_domain_new" "site" {
  domain_name = var.site_domain
  cdn_type    = "web"
  scope       = var.cdn_scope
  tags        = local.tags

  sources {
    type     = "oss"
    content  = "${alicloud_oss_bucket.site.bucket}.oss-${var.region}.aliyuncs.com"
    port     = 443
    priority = 20
    weight   = 10
  }

  dynamic "certificate_config" {
    for_each = var.site_certificate_id == "" ? [] : [var.site_certificate_id]
    content {
      cert_type                 = "cas"
      cert_id                   = certificate_config.value
      server_certificate_status = "on"
    }
  }
}

# CDN reads the private bucket with its service role (no bucket policy opens it to anyone).
resource "alicloud_cdn_domain_config" "private_origin" {
  domain_name   = alicloud_cdn_domain_new.site.domain_name
  function_name = "l2_oss_key"

  function_args {
    arg_name  = "private_oss_auth"
    arg_value = "on"
  }
}

# HTTPS only, once a certificate is attached.
resource "alicloud_cdn_domain_config" "https_force" {
  count         = var.site_certificate_id == "" ? 0 : 1
  domain_name   = alicloud_cdn_domain_new.site.domain_name
  function_name = "https_force"

  function_args {
    arg_name  = "enable"
    arg_value = "on"
  }
}
