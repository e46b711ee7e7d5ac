"""Reflex UI: pages compose components; each feature keeps its state in one module."""
