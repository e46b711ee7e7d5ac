# An ACK managed (Pro) cluster, when create_ack_cluster is set; otherwise deploy into yours
# and pass its RRSA issuer and provider ARN (variables.tf).
resource "alicloud_cs_managed_kubernetes" "main" {
  count                = var.create_ack_cluster ? 1 : 0
  name                 = local.prefix
  cluster_spec         = "ack.pro.small"
  vswitch_ids          = local.vswitch_ids
  pod_vswitch_ids      = local.vswitch_ids
  new_nat_gateway      = true
  slb_internet_enabled = var.ack_api_public
  service_cidr         = "192.168.0.0/16"
  proxy_mode           = "ipvs"
  deletion_protection  = true
  enable_rrsa          = true
  # Kubernetes secrets encrypted at rest with the KMS key.
  encryption_provider_key = alicloud_kms_key.storage.id
  control_plane_log_components = [
    "apiserver", "kcm", "scheduler", "ccm", "controlplane-events",
  ]
  tags = local.tags

  audit_log_config {
    enabled = true
  }

  maintenance_window {
    enable           = true
    maintenance_time = "2025-01-06T02:00:00.000+08:00"
    duration         = "3h"
    weekly_period    = "Monday"
  }

  addons {
    name = "terway-eniip"
    # NetworkPolicy enforcement for infra/k8s/networkpolicy.yaml.
    config = jsonencode({ NetworkPolicy = "true" })
  }
  addons {
    name = "csi-plugin"
  }
  addons {
    name = "managed-csiprovisioner"
  }
  addons {
    name   = "nginx-ingress-controller"
    config = jsonencode({ IngressSlbNetworkType = "internet" })
  }
  addons {
    name = "arms-prometheus"
  }
  addons {
    name = "ack-pod-identity-webhook"
  }
  addons {
    name = "managed-aliyun-acr-credential-helper"
  }
}

resource "alicloud_cs_kubernetes_node_pool" "workers" {
  count                = var.create_ack_cluster ? 1 : 0
  cluster_id           = alicloud_cs_managed_kubernetes.main[0].id
  node_pool_name       = "${local.prefix}-workers"
  vswitch_ids          = local.vswitch_ids
  instance_types       = var.ack_worker_instance_types
  system_disk_category = "cloud_essd"
  system_disk_size     = 80
  image_type           = "AliyunLinux3"
  key_name             = var.ack_worker_key_pair
  tags                 = local.tags

  scaling_config {
    enable   = true
    min_size = var.ack_worker_min_size
    max_size = var.ack_worker_max_size
  }

  management {
    enable          = true
    auto_repair     = true
    auto_upgrade    = true
    max_unavailable = 1
  }
}
