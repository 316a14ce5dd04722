from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError


class OmlaegningConfig(base.Config):
    # Where concept/ and data/ live, relative to mkdocs.yml.
    content_root = c.Type(str, default=".")
    # Where the QR codes for presenters point; by default the site_url of mkdocs.yml.
    public_url = c.Optional(c.Type(str))


def was_url_of(config) -> str | None:
    """mkdocs.yml's extra.was_url: the official statement in the WAS-Tool, once there is one."""
    url = (config.extra.get("was_url") or "").strip()
    if url and not url.startswith("https://"):
        raise PluginError(f"extra.was_url i mkdocs.yml skal være en webadresse, der begynder med https://, "
                          f"fx https://was.digst.dk/..., men er '{url}'.")
    return url or None
