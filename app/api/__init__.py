"""The REST API: a FastAPI app that Reflex mounts in front of its own routes."""
