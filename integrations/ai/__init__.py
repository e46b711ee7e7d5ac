"""AI: a chart interpreter that reads our chart and numbers, and a chat planner that turns
plain English into tool calls.

Each port has a cloud adapter (Qwen on Alibaba Cloud Model Studio, through the `dashscope`
SDK) and an offline one (rules, no network, no key) that is the default, so every feature
works on a laptop and says honestly which of the two answered. Whatever the AI writes is
checked against the analysis by `grounding.check_grounding`.
"""
