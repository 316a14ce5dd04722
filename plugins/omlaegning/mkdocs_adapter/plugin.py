"""MkDocs events only: load and render in on_config, add the pages, watch the YAML.

Loading happens in on_config, before MkDocs cleans site/, so a content error stops
the build with the Danish report and leaves the published site as it was. Under
`mkdocs serve` a mistake instead keeps the last good pages, with the errors shown
on top of every page, so the editor's preview never hangs.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

from ..errors import ContentErrors
from ..filekinds import CONTENT_DIRS
from ..history import read_history
from ..loader import load_handbook
from ..render import render_handbook
from ..render.text import error_box, escaped_nav
from .config import OmlaegningConfig

log = logging.getLogger("mkdocs.plugins.omlaegning")


class OmlaegningPlugin(BasePlugin[OmlaegningConfig]):
    # Defining on_startup makes MkDocs keep this instance across the rebuilds of one serve.
    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"
        self.last_good = None

    def on_config(self, config):
        self.root = (Path(config.config_file_path).parent / self.config.content_root).resolve()
        self.problems = None
        try:
            self.rendered = render_handbook(load_handbook(self.root), read_history(self.root),
                                            self.config.public_url)
            self.last_good = self.rendered
        except ContentErrors as error:
            if not (getattr(self, "serving", False) and self.last_good):
                raise PluginError(error.report()) from None
            log.error(error.report())
            self.rendered, self.problems = self.last_good, error
        # Generated sections first, then the hand-written pages listed in mkdocs.yml.
        config.nav = escaped_nav(self.rendered.nav) + list(config.nav or [])
        return config

    def on_files(self, files, config):
        for page in self.rendered.pages:
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(
                    f"docs/{page.path} har samme sti som en side, håndbogen laver ud fra YAML; "
                    "omdøb eller slet den håndskrevne fil.")
            file = File.generated(config, page.path, content=page.markdown)
            # The edit button opens the YAML file, which lives outside docs/.
            file.edit_uri = (Path(os.path.relpath(self.root / page.edit_file, config.docs_dir)).as_posix()
                             if page.edit_file else None)
            files.append(file)
        for path, content in self.rendered.extra_files().items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"{path} findes allerede; håndbogen laver selv en fil med den sti.")
            files.append(File.generated(config, path, content=content))
        return files

    def on_page_markdown(self, markdown, page, config, files):
        return error_box(self.problems.errors) + markdown if self.problems else markdown

    def on_serve(self, server, config, builder):
        for folder in CONTENT_DIRS:
            if (self.root / folder).is_dir():
                server.watch(str(self.root / folder))
        return server
