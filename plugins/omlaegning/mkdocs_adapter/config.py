from mkdocs.config import base
from mkdocs.config import config_options as c


class OmlaegningConfig(base.Config):
    # Where concept/ and data/ live, relative to mkdocs.yml.
    content_root = c.Type(str, default=".")
    # Where the QR codes for presenters point; by default the site_url of mkdocs.yml.
    public_url = c.Optional(c.Type(str))
