"""The project's folders and files the handbook is made from. Kept apart from kinds.py and lockfile.py, which
import the models, so that what only needs the names (the history, the watcher, the disk cache's key) does not
import them."""

# Where the YAML content lies: every content kind's file is in one of them (tests/test_kinds.py).
CONTENT_DIRS = ("concept", "data")
# The hand-written pages, which generated pages may link to.
DOCS_DIR = "docs"
# Every link the handbook has published (lockfile.py reads and writes it).
LOCK_FILE = "links.lock"
