"""Renderings of reading orders and catalog listings: Markdown, text and JSON."""
