# API Gateway in front of the REST API (/api/*) for third-party clients: a total request
# ceiling per API, access logs and its own domain. Callers still send their OIDC bearer
# token, which the app verifies (auth_type ANONYMOUS here), and the app's per-caller limit
# (FINANCIALS_RATE_LIMIT_*) still applies. Browsers of the exported frontend reach api_domain
# (the ingress) directly: the Reflex websocket does not go through API Gateway.
locals {
  api_methods = toset(["GET", "POST", "DELETE"])
}

resource "alicloud_api_gateway_group" "api" {
  name        = replace("${local.prefix}_api", "-", "_")
  description = "Financials REST API"
}

resource "alicloud_api_gateway_api" "proxy" {
  for_each          = local.api_methods
  name              = replace("${local.prefix}_api_${lower(each.key)}", "-", "_")
  group_id          = alicloud_api_gateway_group.api.id
  description       = "${each.key} /api/* passed through to the backend"
  auth_type         = "ANONYMOUS"
  force_nonce_check = false
  service_type      = "HTTP"
  stage_names       = ["RELEASE"]

  request_config {
    protocol = "HTTPS"
    method   = each.key
    path     = "/api/*"
    mode     = "PASSTHROUGH"
  }

  http_service_config {
    address = "https://${var.api_domain}"
    method  = each.key
    path    = "/api/*"
    # Milliseconds; an analysis with its chart takes well under a second (docs/scaling.md).
    timeout = 30000
  }
}

resource "alicloud_api_gateway_plugin" "rate_limit" {
  plugin_name = replace("${local.prefix}_rate_limit", "-", "_")
  plugin_type = "trafficControl"
  description = "Total requests per minute each API admits."
  plugin_data = yamlencode({
    unit       = "MINUTE"
    apiDefault = var.api_gateway_rate_limit_per_minute
  })
}

resource "alicloud_api_gateway_plugin_attachment" "rate_limit" {
  for_each   = local.api_methods
  api_id     = alicloud_api_gateway_api.proxy[each.key].api_id
  group_id   = alicloud_api_gateway_group.api.id
  plugin_id  = alicloud_api_gateway_plugin.rate_limit.id
  stage_name = "RELEASE"
}
