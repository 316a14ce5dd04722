"""Render the validated handbook into Markdown pages, one Jinja template per page kind."""
from __future__ import annotations

__all__ = ["Page", "redirect_html", "render_handbook"]


def __getattr__(name: str):
    # Imported on first use: the disk cache and the plain helpers in this package (text, diskcache) are needed
    # by a build that finds its result cached, which must not import the models and templates behind pages.py.
    if name in __all__:
        from . import pages
        return getattr(pages, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
