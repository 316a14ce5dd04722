"""Render the validated handbook into Markdown pages, one Jinja template per page kind."""
from .pages import Page, render_handbook

__all__ = ["Page", "render_handbook"]
