"""Cleaning: body extraction from HTML, text-level boilerplate removal, metadata."""
