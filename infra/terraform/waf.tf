# Optional: the backend's domain behind an existing WAF 3.0 instance (CNAME mode). Point
# api_domain's DNS at WAF's CNAME afterwards. Timeouts allow Reflex's hour-long websockets.
resource "alicloud_wafv3_domain" "api" {
  count       = var.enable_waf && var.ingress_address != "" ? 1 : 0
  instance_id = var.waf_instance_id
  domain      = var.api_domain
  access_type = "share"

  listen {
    https_ports   = [443]
    cert_id       = var.waf_certificate_id
    http2_enabled = true
    tls_version   = "tlsv1.2"
    cipher_suite  = 2
    enable_tlsv3  = true
  }

  redirect {
    backends        = [var.ingress_address]
    loadbalance     = "roundRobin"
    keepalive       = true
    connect_timeout = 5
    read_timeout    = 3600
    write_timeout   = 3600
    sni_enabled     = true
    sni_host        = var.api_domain
  }
}
