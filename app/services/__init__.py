"""Use cases shared by the UI, the API and the CLI, so all three behave the same."""
