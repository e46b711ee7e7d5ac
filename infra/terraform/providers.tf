# Credentials come from the environment (ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET, a profile or
# an assumed role), never from this code.
provider "alicloud" {
  region = var.region
}
