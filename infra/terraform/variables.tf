variable "region" {
  description = "Alibaba Cloud region for everything (e.g. cn-hangzhou, ap-southeast-1)."
  type        = string
  default     = "cn-hangzhou"
}

variable "account_id" {
  description = "The Alibaba Cloud account applied to; global names (buckets) include it, so the committed Helm names can be derived from the tfvars. A plan in another account fails."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{16}$", var.account_id))
    error_message = "An Alibaba Cloud account id is 16 digits (Account Center in the console)."
  }
}

variable "name" {
  description = "Prefix of every resource name; also the Kubernetes namespace."
  type        = string
  default     = "financials"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,20}$", var.name))
    error_message = "Use 3 to 21 lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "environment" {
  description = "Environment suffix (prod, staging); part of bucket and instance names."
  type        = string
  default     = "prod"
}

variable "tags" {
  description = "Tags added to every resource that takes them."
  type        = map(string)
  default     = {}
}

# --- Network ------------------------------------------------------------------------------

variable "vpc_id" {
  description = "Existing VPC to use; empty creates one (with vswitches in zone_ids)."
  type        = string
  default     = ""
}

variable "vswitch_ids" {
  description = "Existing vswitches (one per zone) when vpc_id is set."
  type        = list(string)
  default     = []
}

variable "vpc_cidr" {
  description = "CIDR of the VPC created when vpc_id is empty; Redis and MongoDB admit it."
  type        = string
  default     = "10.0.0.0/8"
}

variable "zone_ids" {
  description = "Zones of the region for the vswitches, ACK nodes, Redis and MongoDB (three spread MongoDB over three)."
  type        = list(string)
  default     = ["cn-hangzhou-i", "cn-hangzhou-j"]

  validation {
    condition     = length(var.zone_ids) >= 2 && length(var.zone_ids) <= 3
    error_message = "Give two or three zones, so one zone's outage does not take the app down."
  }
}

variable "vswitch_cidrs" {
  description = "CIDRs of the vswitches created when vpc_id is empty, one per zone (up to three)."
  type        = list(string)
  default     = ["10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16"]
}

# --- ACK ----------------------------------------------------------------------------------

variable "create_ack_cluster" {
  description = "Create an ACK managed (Pro) cluster; false to deploy into an existing one."
  type        = bool
  default     = false
}

variable "ack_worker_instance_types" {
  description = "ECS instance types of the worker node pool (at least 4 vCPU / 8 GiB each)."
  type        = list(string)
  default     = ["ecs.g7.xlarge", "ecs.g6.xlarge"]
}

variable "ack_worker_min_size" {
  description = "Fewest worker nodes the node pool autoscaler keeps."
  type        = number
  default     = 2
}

variable "ack_worker_max_size" {
  description = "Most worker nodes the node pool autoscaler may add."
  type        = number
  default     = 6
}

variable "ack_worker_key_pair" {
  description = "ECS key pair for the worker nodes (required when create_ack_cluster)."
  type        = string
  default     = ""
}

variable "ack_api_public" {
  description = "Expose the cluster API server on the internet (CI outside the VPC needs it)."
  type        = bool
  default     = true
}

variable "existing_cluster_oidc_issuer_url" {
  description = "RRSA issuer URL of an existing cluster (when create_ack_cluster is false)."
  type        = string
  default     = ""
}

variable "existing_cluster_oidc_provider_arn" {
  description = "RRSA OIDC provider ARN of an existing cluster (when create_ack_cluster is false)."
  type        = string
  default     = ""
}

variable "service_account" {
  description = "Kubernetes service account of the backend pods (RRSA trusts only it)."
  type        = string
  default     = "financials-backend"
}

# --- Data services ------------------------------------------------------------------------

variable "redis_instance_class" {
  description = "ApsaraDB for Redis class for Reflex session state (e.g. redis.master.small.default)."
  type        = string
  default     = "redis.master.small.default"
}

variable "redis_password" {
  description = "Password of the Redis default account (16+ characters; pass with TF_VAR_redis_password)."
  type        = string
  sensitive   = true
}

variable "mongodb_instance_class" {
  description = "ApsaraDB for MongoDB replica set class for analysis records."
  type        = string
  default     = "mdb.shard.2x.xlarge.d"
}

variable "mongodb_storage_gb" {
  description = "MongoDB storage in GB (multiples of 10)."
  type        = number
  default     = 20
}

variable "mongodb_password" {
  description = "Password of the MongoDB root account (pass with TF_VAR_mongodb_password)."
  type        = string
  sensitive   = true
}

variable "tablestore_table_prefix" {
  description = "Same as FINANCIALS_TABLESTORE_TABLE_PREFIX."
  type        = string
  default     = "financials_"
}

variable "tablestore_ttl_days" {
  description = "Days chat history is kept (-1 forever); same as FINANCIALS_TABLESTORE_TTL_DAYS."
  type        = number
  default     = -1
}

variable "charts_retention_days" {
  description = "Days chart images are kept in OSS; 0 keeps them forever."
  type        = number
  default     = 0
}

variable "create_app_access_key" {
  description = <<-EOT
    Opt-in, off by default: in ACK the pods take short-lived keys through RRSA (the
    pod_ram_role_name role). Only to run the backend outside ACK, create a RAM user and
    AccessKey with the same least-privilege policy, for FINANCIALS_OSS_ACCESS_KEY_* and
    FINANCIALS_TABLESTORE_ACCESS_KEY_*. The secret lands in the Terraform state: keep the
    state in the encrypted OSS backend, or create the key in the console instead.
  EOT
  type        = bool
  default     = false
}

# --- Edge ---------------------------------------------------------------------------------

variable "site_domain" {
  description = "Domain of the static frontend on CDN (e.g. www.example.com); a CNAME to the CDN."
  type        = string
}

variable "api_domain" {
  description = "Domain of the backend (REFLEX_API_URL's host), served by the ingress."
  type        = string
}

variable "cdn_scope" {
  description = "CDN scope: domestic (mainland China, needs ICP filing), overseas or global."
  type        = string
  default     = "overseas"
}

variable "site_certificate_id" {
  description = "Certificate (SSL Certificates Service id) for site_domain; empty serves HTTP only until set."
  type        = string
  default     = ""
}

variable "ingress_address" {
  description = "Public address of the ingress load balancer (after the first deploy); enables API Gateway and WAF."
  type        = string
  default     = ""
}

variable "api_gateway_rate_limit_per_minute" {
  description = "Requests per minute API Gateway admits to each API in total (per caller: the app's FINANCIALS_RATE_LIMIT_*)."
  type        = number
  default     = 6000
}

variable "enable_waf" {
  description = "Put the api_domain behind an existing WAF 3.0 instance."
  type        = bool
  default     = false
}

variable "waf_instance_id" {
  description = "WAF 3.0 instance id (when enable_waf)."
  type        = string
  default     = ""
}

variable "waf_certificate_id" {
  description = "Certificate id for api_domain in WAF, as <cert id>-<region>."
  type        = string
  default     = ""
}
