"""Under `mkdocs serve --dirty`: a search index with every page, and no English warning on every save.

A dirty rebuild builds only the pages the plugin reports as changed (pagefiles.py). Material's search plugin
then keeps the last index and drops from it the old entries of the first rebuilt page only, and of every page
whose address begins with that page's ("" for the front page: all of them): with several pages rebuilt,
sections stood twice, or vanished until the next restart. Here the index starts from the last one, each
rebuilt page's old entries are left out of it before the theme indexes the page again, and the theme is
given no "last index" to merge into, so it writes the whole list as it is.

MkDocs also warns at each dirty rebuild that links may be inaccurate; the plugin keeps navigation and links
right (every page is rebuilt when the navigation, anything else every page shows, mkdocs.yml or the theme's
overrides change: plugin._everywhere), so the warning is dropped while serving.
"""
from __future__ import annotations

import logging

from mkdocs.structure.files import InclusionLevel

SEARCH = "material/search"
_BUILD_LOG = logging.getLogger("mkdocs.commands.build")


class _NoDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


NO_DIRTY_WARNING = _NoDirtyWarning()


def quiet(on: bool) -> None:
    """Drop MkDocs' warning about dirty builds (on) or let it through again."""
    (_BUILD_LOG.addFilter if on else _BUILD_LOG.removeFilter)(NO_DIRTY_WARNING)


def carry_search_index(config, files) -> None:
    """In a dirty rebuild (on_env, once MkDocs knows which pages it builds): this build's index starts as the
    last one without the pages built now, which the theme indexes again, and without pages that are gone."""
    search = config.plugins.get(SEARCH)
    last = getattr(search, "search_index_prev", None)
    if last is None or not hasattr(search, "search_index"):
        return
    pages = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)  # drafts are indexed while serving
    kept = {f.page.url for f in pages if f.page is not None} - {f.page.url for f in pages if f.is_modified()}
    search.search_index.entries = [e for e in last.entries if e["location"].partition("#")[0] in kept]
    search.search_index_prev = None
