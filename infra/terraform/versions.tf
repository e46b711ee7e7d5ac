terraform {
  required_version = ">= 1.5.0"

  required_providers {
    alicloud = {
      source = "aliyun/alicloud"
      # role_name / assume_role_policy_document on alicloud_ram_role need 1.252.0.
      version = ">= 1.252.0, < 2.0.0"
    }
  }

  # State in OSS with a Tablestore lock: terraform init -backend-config=backend.hcl
  # (backend.hcl.example shows the keys). CI validates with -backend=false.
  backend "oss" {}
}
