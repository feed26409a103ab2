"""Markdown with YAML front matter (placeholder while the format is built)."""
