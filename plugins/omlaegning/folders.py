"""The project's folders the handbook is made from. Kept apart from kinds.py, which imports the models, so that
what only needs the folders (the history, the watcher, the disk cache's key) does not import them."""

# Where the YAML content lies: every content kind's file is in one of them (tests/test_kinds.py).
CONTENT_DIRS = ("concept", "data")
# The hand-written pages, which generated pages may link to.
DOCS_DIR = "docs"
