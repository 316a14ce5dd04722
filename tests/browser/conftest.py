"""Real Chromium against the built handbook on a local server: the test setup installs what it needs."""
from __future__ import annotations

import weakref
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from helpers import SITE_URL
from chromium import CHROMIUM, CHROMIUM_ARGS, ensure_chromium
from localserver import serve
from policywatch import policed_tab


@pytest.fixture(scope="session")
def base_url(built_site):
    """The built site under the path it is published under, e.g. http://127.0.0.1:1234/omlaegningshaandbogen."""
    with serve(built_site, urlsplit(SITE_URL).path) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    ensure_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def module_tab(browser):
    """One tab for a module's tests that open pages and only read them. The renderer that a new tab starts
    compiles the theme's scripts and axe-core again, which costs more than most such checks (axe on every
    page: 42 s in new tabs, 22 s in one). Whatever the tests do on it, the pages' security policy must never
    be violated: each test sees its own violations (tab), and the module those that came after its last test."""
    with policed_tab(browser) as watched:
        yield watched


@pytest.fixture
def tab(module_tab):
    """The module's tab (module_tab) for one test, which fails on a policy violation while it ran."""
    page, violations = module_tab
    yield page
    # Playwright hands over a page's reports only during a later call: one more, so that a violation the test's
    # last step caused is counted here and not against the next test.
    page.evaluate("() => new Promise(done => setTimeout(done, 50))")
    found, violations[:] = violations[:], []
    assert found == []


# Each module tab's window size as it was made, which `page` gives back after a test that changed it.
_SIZES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


@pytest.fixture
def page(tab):
    """The module's tab as a test finds a new one: the site's storage and cookies emptied, on a blank page, no
    media emulated, the tab's own window size, the mouse in the corner, no key held. A new context would cost a
    renderer that compiles the theme's scripts again. The tab keeps its history, and what a test attaches to
    it (listeners, routes, init scripts): tests that need those, or a first visit's empty cache, use
    first_visit."""
    size = _SIZES.setdefault(tab, tab.viewport_size)
    if tab.url.startswith("http"):
        tab.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    tab.context.clear_cookies()
    tab.goto("about:blank")
    tab.emulate_media(media="null", color_scheme="null", reduced_motion="null", forced_colors="null", contrast="null")
    tab.set_viewport_size(size)
    tab.mouse.move(0, 0)
    for key in ("Shift", "Control", "Alt", "Meta"):
        tab.keyboard.up(key)
    return tab


@pytest.fixture
def first_visit(browser):
    """A page in a browser context of its own; whatever the test does on it, the security policy holds."""
    with policed_tab(browser) as (tab, _):
        yield tab
