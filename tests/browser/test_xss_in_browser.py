"""Text from YAML cannot run code in a reader's browser: no dialog opens, no injected script runs."""
from localserver import serve
from policywatch import watch_policy
from xss_vectors import VECTOR_PAGES

def test_script_in_yaml_text_never_runs(browser, site_with_script_in_yaml):
    site = site_with_script_in_yaml  # xss_vectors.SCRIPT_IN_YAML, built strictly
    context = browser.new_context()
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serve(site) as base:
        for url in ("/kommuner/herning/", "/principper/ressourcer/", "/ordliste/"):
            page.goto(base + url)
            page.wait_for_load_state("networkidle")
            page.mouse.move(300, 300)
            if url == "/principper/ressourcer/":
                page.locator("a", has_text="klik").first.hover()
            assert page.evaluate("window.__xss") is None, url
        page.goto(base + "/kommuner/herning/")
        assert "&lt;script&gt;window.__xss=1; alert(1)&lt;/script&gt;" in page.content()
    context.close()
    assert dialogs == []


def test_pages_built_from_the_xss_corpus_run_nothing_and_ask_no_other_host(browser, site_full_of_vectors):
    context = browser.new_context()
    violations = watch_policy(context)
    page = context.new_page()
    dialogs, requested = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: requested.append(request.url))
    with serve(site_full_of_vectors) as base:
        for url in VECTOR_PAGES:
            page.goto(base + url)
            page.wait_for_load_state("networkidle")
            # What a pointer passing over the text sends, to every element of it at once: a handler that got
            # through would run (and raise a dialog) or be refused by the policy (a violation).
            page.eval_on_selector_all("article *", """elements => elements.forEach(e => {
                for (const type of ['pointerover', 'pointerenter', 'mouseover', 'mouseenter', 'mousemove',
                                    'mouseout', 'mouseleave']) { e.dispatchEvent(new MouseEvent(type, {bubbles: true})); }
                e.dispatchEvent(new FocusEvent('focus'));
            })""")
            # The browser's own reading of every link address on the page.
            protocols = set(page.eval_on_selector_all("article a[href], article img[src]",
                                                      "els => els.map(e => new URL(e.href || e.src).protocol)"))
            assert protocols <= {"http:", "https:", "mailto:"}, (url, protocols)
    context.close()
    assert dialogs == []
    assert [u for u in requested if not u.startswith(base + "/")] == []
    assert violations == []
