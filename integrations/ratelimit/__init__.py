"""Per-caller request limits (token buckets), in process or shared through Redis."""
