"""A page ready to be checked: loaded, and laid out by the theme's script.

Waiting for the network to be idle costs half a second a page of nothing; after the load event the
pages fetch nothing on their own (the search index waits for the reader, the short links for "Kopiér
link"), and the theme's script sizes the side menu to the window as its last layout step (before, the
menu has no height; below 76.25em the menu is a drawer the script leaves alone)."""

_THEME_READY = """() => { const menu = document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap');
    return !menu || !matchMedia('(min-width: 76.25em)').matches || menu.style.height !== ''; }"""


def open_ready(page, url: str) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_function(_THEME_READY)
