"""Real Chromium against the built handbook on a local server: the test setup installs what it needs."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from helpers import SITE_URL
from chromium import CHROMIUM, CHROMIUM_ARGS, ensure_chromium
from localserver import serve
from policywatch import watch_policy


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


@pytest.fixture
def page(browser):
    """A fresh page; whatever the test does on it, the pages' security policy must never be violated."""
    context = browser.new_context(locale="da-DK")
    violations = watch_policy(context)
    yield context.new_page()
    context.close()
    assert violations == []
