# Container Registry (Personal Edition namespace and repository) for the backend image.
# For Enterprise Edition (image signing, scanning, VPC-only access) use alicloud_cr_ee_* instead.
resource "alicloud_cr_namespace" "main" {
  name               = var.name
  auto_create        = false
  default_visibility = "PRIVATE"
}

resource "alicloud_cr_repo" "backend" {
  namespace = alicloud_cr_namespace.main.name
  name      = "financials-backend"
  summary   = "Financials backend (REST API, metrics, Reflex event websocket)"
  repo_type = "PRIVATE"
  detail    = "Built by .github/workflows/build-and-push-images.yml from infra/docker/Dockerfile."
}
