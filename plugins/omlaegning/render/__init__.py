"""Render the validated handbook into Markdown pages, one Jinja template per page kind."""
from .pages import Page, redirect_html, render_handbook

__all__ = ["Page", "redirect_html", "render_handbook"]
