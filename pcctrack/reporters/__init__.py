"""Renderers for diagnostics and result tables: data in, text out."""
