"""MkDocs events only: load and render in on_config, add the pages, give each its print header, watch the YAML.

Loading happens in on_config, before MkDocs cleans site/, so a content error stops
the build with the Danish report. `mkdocs build` also writes into a temporary folder
and swaps it in only when the whole build succeeded, so no failure leaves a half-built
site. Under `mkdocs serve` a mistake instead keeps the last good pages, with the
errors shown under every page's title, so the editor's preview never hangs.
"""
from __future__ import annotations

import datetime
import html
import json
import logging
import shutil
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.utils import CountHandler
from mkdocs.structure.files import File, InclusionLevel

from .. import placeholder, prebuilt
from ..csp import with_policy
from ..errors import PREVIEW_KEEPS_LAST_GOOD, PREVIEW_SHOWS_ERRORS, ContentErrors
from ..feedback import feedback
from ..folders import CONTENT_DIRS
from ..history import History, edition_date, last_commit_time, read_history
from ..prebuilt import Prebuilt
from ..render.addresslinks import AddressLinks
from ..render.compiledtemplates import CompiledTemplates
from ..render.diskcache import DiskCache, key
from ..render.printheader import print_header
from ..render.text import escaped_nav, no_break_spaces, no_break_toc, with_error_box
from ..sanitize import clean
from .config import OmlaegningConfig, was_url_of
from .dirtyserve import carry_search_index, quiet
from .pagefiles import GeneratedPage, always_modified, edit_uri, nav_paths, site_settings, with_written_pages
from .watching import watch_content

_CLEANED = "rensede"  # the disk cache's section for sanitized pages


def _strict_warnings() -> bool:
    """Whether MkDocs' strict-mode counter has seen a warning: it aborts only after on_post_build."""
    return any(isinstance(h, CountHandler) and h.get_counts() for h in logging.getLogger("mkdocs").handlers)


class OmlaegningPlugin(BasePlugin[OmlaegningConfig]):
    def __init__(self):
        super().__init__()
        # Without on_startup (MkDocs' own API), a build is neither served nor swapped in atomically.
        self.serving = self.atomic = self.dirty = False
        self.root: Path | None = None               # where concept/ and data/ are
        self.rendered: Prebuilt | None = None
        self.last_good: Prebuilt | None = None  # under serve: the pages kept while the YAML has errors
        self.problems: ContentErrors | None = None  # under serve: the errors shown on every page
        self.site_dir: Path | None = None           # atomic builds: where the site goes when it is complete,
        self.building: Path | None = None           # and where it is built until then
        self.edition: datetime.date | None = None
        # Under `mkdocs serve --dirty`: what the last build gave each generated page, and what every page shows.
        self.built: dict[str, tuple[str, str | None]] = {}
        self.shown_everywhere: str | None = None
        self.code = ""                  # prebuilt.code_key(): the version of everything that makes the output
        self.cleaned: set[str] = set()  # the sanitized pages this build took from the disk cache or put there
        self.content_watching = None    # under serve: the observer of the YAML folders (watching.py)

    # Defining on_startup makes MkDocs keep this instance across the rebuilds of one serve.
    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"
        self.atomic = command in ("build", "gh-deploy")
        self.dirty = dirty
        quiet(self.serving and dirty)  # MkDocs' English warning on each dirty rebuild (dirtyserve.py)

    def _public_url(self, config) -> str | None:
        """Where the handbook is published: mkdocs.yml's site_url, unless the plugin's own option says otherwise."""
        return self.config.public_url or config.site_url

    def on_config(self, config):
        if self.atomic:
            self.site_dir = Path(config.site_dir)
            self.building = self.site_dir.with_name(f".{self.site_dir.name}.bygges")
            config.site_dir = str(self.building)
        # Reproducible output: the edition is the last commit's date (SOURCE_DATE_EPOCH where it is set),
        # and every page carries it as its date in the sitemap (on_pre_page), not the day of the build.
        self.edition = edition_date(last_commit_time(Path(config.config_file_path).parent))
        config.markdown_extensions.append(AddressLinks())
        self.root = (Path(config.config_file_path).parent / self.config.content_root).resolve()
        self.problems = None
        history, public_url, was_url = read_history(self.root), self._public_url(config), was_url_of(config)
        self.code = prebuilt.code_key()
        # Everything the pages are made from besides the files (prebuilt.inputs_key reads those).
        entry = prebuilt.inputs_key(self.root, repr(history), public_url or "", was_url or "", self.edition.isoformat(),
                                    code=self.code)
        try:
            self.rendered = prebuilt.read(self.root, entry) or self._render(entry, history, public_url, was_url)
            self.last_good = self.rendered
        except ContentErrors as error:
            # The Danish report alone, without MkDocs' English "ERROR -" before it.
            if not self.serving:  # exit code 1: MkDocs would add its English "Aborted with a BuildError!"
                print(error.report(), file=sys.stderr)
                raise SystemExit(1) from None
            print(error.report(PREVIEW_KEEPS_LAST_GOOD if self.last_good else PREVIEW_SHOWS_ERRORS), file=sys.stderr)
            if self.last_good:
                self.rendered, self.problems = self.last_good, error
            else:  # nothing good to keep yet: the preview shows the errors until they are fixed
                from ..render.errorpage import error_handbook
                self.rendered = self._prebuilt(error_handbook(error, self.root))
        config.nav = with_written_pages(escaped_nav(self.rendered.nav), config.nav or [])
        return config

    def _render(self, entry: str, history: History, public_url: str | None, was_url: str | None) -> Prebuilt:
        """Load, validate and render the handbook, and keep the result for the next build with the same inputs.
        Imported here: a build that finds its result kept does not need the models, templates or babel."""
        from ..gcpause import collector_paused
        from ..loader import load_handbook
        from ..render import render_handbook
        with collector_paused():
            made = self._prebuilt(render_handbook(load_handbook(self.root, remember=self.serving), history,
                                                  public_url, was_url))
        prebuilt.write(self.root, entry, made)
        return made

    def _prebuilt(self, rendered) -> Prebuilt:
        from ..formatting import dato
        from ..render.pages import FORM_PAGES
        return Prebuilt.of(rendered, FORM_PAGES, dato(self.edition))

    def _everywhere(self, config) -> str:
        """What every page shows besides its own content: the navigation, the print header's short links and
        edition, the footer's mailbox, the errors while the YAML has any, and the site's own settings."""
        r = self.rendered
        return json.dumps([r.nav, r.short_links, r.form_pages, r.email, r.edition,
                           self.problems.report() if self.problems else None, site_settings(config)])

    def on_files(self, files, /, *, config):
        if placeholder.is_placeholder(Path(config.docs_dir)):  # the real front page takes its place
            files.remove(files.get_file_from_path(placeholder.PATH))
        everywhere = self._everywhere(config)
        everything = everywhere != self.shown_everywhere
        if self.dirty and everything:  # hand-written pages too, which MkDocs would build only when their file changed
            for file in files.documentation_pages():
                file.is_modified = always_modified
        in_nav = nav_paths(self.rendered.nav)
        for page in self.rendered.pages:
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(
                    f"docs/{page.path} har samme sti som en side, håndbogen laver ud fra YAML; "
                    "omdøb eller slet den håndskrevne fil.")
            # A page the navigation leaves to its overview (render/navigation.py's NAV_LIMIT) is meant to be outside it.
            file = GeneratedPage.generated(config, page.path, content=page.markdown, inclusion=(
                InclusionLevel.UNDEFINED if page.path in in_nav else InclusionLevel.NOT_IN_NAV))
            file.changed = everything or self.built.get(page.path) != (page.markdown, page.edit_target)
            # The edit button opens the YAML file, which lives outside docs/.
            file.edit_uri = edit_uri(self.root, page.edit_target, config.docs_dir)
            files.append(file)
        self.built = {page.path: (page.markdown, page.edit_target) for page in self.rendered.pages}
        self.shown_everywhere = everywhere
        written = {f.dest_uri for f in files}  # compare where files end up, not where they come from
        for path, content in self.rendered.extra_files().items():
            if path in written:
                raise PluginError(f"{path} findes allerede; håndbogen laver selv en fil med den sti.")
            files.append(File.generated(config, path, content=content))
        return files

    @event_priority(-100)  # after the search plugin has written its index into the new site
    def on_post_build(self, *, config):
        if not self.dirty:  # a dirty rebuild sanitizes only the pages it builds; the others' entries are still good
            DiskCache(self.root).keep_only(_CLEANED, self.cleaned)
        self.cleaned = set()
        if not self.atomic:
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
        if self.atomic:
            shutil.rmtree(self.building, ignore_errors=True)

    def on_env(self, env, /, *, config, files):
        env.bytecode_cache = CompiledTemplates("temaskabeloner", "tema", DiskCache(self.root))
        if self.dirty:  # only the changed pages are built: the search index keeps the others' (dirtyserve.py)
            carry_search_index(config, files)
        return env

    def on_pre_page(self, page, /, *, config, files):
        page.update_date = self.edition.isoformat()
        return page

    def on_page_markdown(self, markdown, /, *, page, config, files):
        return with_error_box(markdown, self.problems.errors) if self.problems else markdown

    def on_page_content(self, html, /, *, page, config, files):
        # Every page, hand-written ones too: safety is a property of the output, not of the YAML checks.
        # No-break spaces go into the text here, after Markdown, where "1. " can no longer start a list,
        # and into the table of contents, which the theme prints from the headings' own titles.
        no_break_toc(page.toc)
        return self._clean(no_break_spaces(html), page.file.src_uri in self.rendered.form_pages)

    def _clean(self, html: str, form: bool) -> str:
        """The page's HTML through the sanitizer. Its result depends only on the HTML, the form flag and the code
        (nh3 and sanitize.py among it), so it is kept under the SHA-256 of exactly those: HTML that differs by one
        byte is sanitized again."""
        entry = key(self.code, "skema" if form else "", html)
        self.cleaned.add(entry)
        return DiskCache(self.root).text(_CLEANED, entry, lambda: clean(html, form=form))

    def on_post_page(self, output, /, *, page, config):
        return with_policy(output, preview=self.serving)

    def on_post_template(self, output_content, /, *, template_name, config):
        # The theme's own pages, such as 404.html; sitemap.xml is not HTML.
        return with_policy(output_content, preview=self.serving) if template_name.endswith(".html") else output_content

    def on_page_context(self, context, /, *, page, config, nav):
        if page.edit_url and page.file.edit_uri and page.file.edit_uri.endswith("/"):
            # A page gathered from a whole folder: its button opens the folder to choose a file in.
            page.edit_url = page.edit_url.replace("/edit/", "/tree/", 1)
        context["udskrift"] = print_header(self.rendered.short_links, page.file.src_uri, self._public_url(config),
                                          self.rendered.edition)
        # The footer's feedback links, with this page's title and address as the reader sees them.
        context["tilbagemelding"] = feedback(self.rendered.email, config.repo_url,
                                             html.unescape(page.title or config.site_name),
                                             page.canonical_url or page.abs_url)
        return context

    def on_serve(self, server, /, *, config, builder):
        folders = [self.root / folder for folder in CONTENT_DIRS if (self.root / folder).is_dir()]
        self.content_watching = watch_content(server, folders)
        return server

    def on_shutdown(self):
        quiet(False)
        if self.content_watching is not None:
            self.content_watching.stop()
            self.content_watching = None
