# Tablestore: chat history (FINANCIALS_TABLESTORE_*), reachable from the VPC only.
resource "alicloud_ots_instance" "main" {
  name          = local.tablestore_instance
  description   = "Financials chat history"
  instance_type = "HighPerformance"
  accessed_by   = "Vpc"
  tags          = local.tags
}

resource "alicloud_ots_instance_attachment" "vpc" {
  instance_name = alicloud_ots_instance.main.name
  vpc_name      = substr(replace("${local.prefix}vpc", "-", ""), 0, 16)
  vswitch_id    = local.vswitch_ids[0]
}

# Conversations, with the app's exact schema (integrations/chat_history/tablestore.py; a test
# keeps them equal). The messages table is left to the app: its message_id is an
# auto-increment primary key, which alicloud_ots_table cannot declare.
resource "alicloud_ots_table" "conversations" {
  instance_name = alicloud_ots_instance.main.name
  table_name    = "${var.tablestore_table_prefix}chat_conversations"
  time_to_live  = local.tablestore_ttl
  max_version   = 1
  enable_sse    = true
  sse_key_type  = "SSE_KMS_SERVICE"

  primary_key {
    name = "owner"
    type = "String"
  }
  primary_key {
    name = "conversation_id"
    type = "String"
  }
}
