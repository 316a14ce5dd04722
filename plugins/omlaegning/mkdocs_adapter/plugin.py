"""MkDocs events only: load and render in on_config, add the pages, watch the YAML.

Loading happens in on_config, before MkDocs cleans site/, so a content error stops
the build with the Danish report. `mkdocs build` also writes into a temporary folder
and swaps it in only when the whole build succeeded, so no failure leaves a half-built
site. Under `mkdocs serve` a mistake instead keeps the last good pages, with the
errors shown on top of every page, so the editor's preview never hangs.
"""
from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.utils import CountHandler
from mkdocs.structure.files import File

from ..errors import ContentErrors
from ..filekinds import CONTENT_DIRS
from ..history import last_commit_time, read_history
from ..loader import load_handbook
from ..render import render_handbook
from ..render.pages import FORM_PAGES
from ..render.text import error_box, escaped_nav, no_break_spaces
from ..csp import with_policy
from ..sanitize import clean
from .config import OmlaegningConfig

log = logging.getLogger("mkdocs.plugins.omlaegning")


def _strict_warnings() -> bool:
    """Whether MkDocs' strict-mode counter has seen a warning: it aborts only after on_post_build."""
    return any(isinstance(h, CountHandler) and h.get_counts() for h in logging.getLogger("mkdocs").handlers)


def _with_written_pages(generated: list[dict], written: list) -> list:
    """Generated sections first; a hand-written section of mkdocs.yml's nav with the title of a generated
    one adds its pages to it, any other entry follows."""
    nav = [dict(item) for item in generated]
    sections = {title: item for item in nav for title, target in item.items() if isinstance(target, list)}
    for entry in written:
        title, target = next(iter(entry.items())) if isinstance(entry, dict) else (None, entry)
        if title in sections and isinstance(target, list):
            sections[title][title] = sections[title][title] + target
        else:
            nav.append(entry)
    return nav


class OmlaegningPlugin(BasePlugin[OmlaegningConfig]):
    # Defining on_startup makes MkDocs keep this instance across the rebuilds of one serve.
    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"
        self.atomic = command in ("build", "gh-deploy")
        self.last_good = None

    def on_config(self, config):
        if getattr(self, "atomic", False):
            self.site_dir = Path(config.site_dir)
            self.building = self.site_dir.with_name(f".{self.site_dir.name}.bygges")
            config.site_dir = str(self.building)
        # Reproducible output: MkDocs dates the sitemap from SOURCE_DATE_EPOCH, so use the commit's time.
        if "SOURCE_DATE_EPOCH" not in os.environ and (commit_time := last_commit_time(Path(config.config_file_path).parent)):
            os.environ["SOURCE_DATE_EPOCH"] = str(commit_time)
        self.root = (Path(config.config_file_path).parent / self.config.content_root).resolve()
        self.problems = None
        try:
            self.rendered = render_handbook(load_handbook(self.root), read_history(self.root),
                                            self.config.public_url or config.site_url)
            self.last_good = self.rendered
        except ContentErrors as error:
            if not (getattr(self, "serving", False) and self.last_good):
                raise PluginError(error.report()) from None
            log.error(error.report())
            self.rendered, self.problems = self.last_good, error
        config.nav = _with_written_pages(escaped_nav(self.rendered.nav), config.nav or [])
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
        written = {f.dest_uri for f in files}  # compare where files end up, not where they come from
        for path, content in self.rendered.extra_files().items():
            if path in written:
                raise PluginError(f"{path} findes allerede; håndbogen laver selv en fil med den sti.")
            files.append(File.generated(config, path, content=content))
        return files

    @event_priority(-100)  # after the search plugin has written its index into the new site
    def on_post_build(self, *, config):
        if not getattr(self, "atomic", False):
            return
        if config.strict and _strict_warnings():
            shutil.rmtree(self.building, ignore_errors=True)  # MkDocs aborts next; site/ stays as it was
            return
        retired = self.site_dir.with_name(f".{self.site_dir.name}.gammel")
        shutil.rmtree(retired, ignore_errors=True)
        if self.site_dir.exists():
            self.site_dir.rename(retired)
        self.building.rename(self.site_dir)
        shutil.rmtree(retired, ignore_errors=True)

    def on_build_error(self, *, error):
        if getattr(self, "atomic", False):
            shutil.rmtree(self.building, ignore_errors=True)

    def on_page_markdown(self, markdown, page, config, files):
        return error_box(self.problems.errors) + markdown if self.problems else markdown

    def on_page_content(self, html, *, page, config, files):
        # Every page, hand-written ones too: safety is a property of the output, not of the YAML checks.
        # No-break spaces go into the text here, after Markdown, where "1. " can no longer start a list.
        return clean(no_break_spaces(html), form=page.file.src_uri in FORM_PAGES)

    def on_post_page(self, output, *, page, config):
        return with_policy(output)

    def on_post_template(self, output_content, *, template_name, config):
        # The theme's own pages, such as 404.html; sitemap.xml is not HTML.
        return with_policy(output_content) if template_name.endswith(".html") else output_content

    def on_serve(self, server, config, builder):
        for folder in CONTENT_DIRS:
            if (self.root / folder).is_dir():
                server.watch(str(self.root / folder))
        return server
