"""The site's interactive parts work under the Content-Security-Policy, and the policy stops what it is
there to stop (every page loading under it: tests/browser/test_every_page.py)."""
import shutil

from localserver import serve
from policywatch import watch_policy


def test_search_copy_link_focus_view_qr_codes_and_print_work_under_the_policy(browser, base_url):
    context = browser.new_context(locale="da-DK", permissions=["clipboard-read", "clipboard-write"])
    violations = watch_policy(context)
    page = context.new_page()
    page.goto(base_url + "/")
    page.keyboard.press("s")
    page.keyboard.type("bostøtte")
    page.wait_for_selector(".md-search-result__item")
    page.goto(base_url + "/kommuner/herning/")
    page.get_by_role("button", name="Del afsnittet Recovery-vej 1: Én indgang til socialpsykiatrien").click()
    page.get_by_role("button", name="Kopiér link").click()
    page.wait_for_function("() => document.getElementById('afsnitsmenu_status').textContent !== ''")
    assert page.evaluate("navigator.clipboard.readText()") == base_url + "/l/herning-en-indgang/"
    page.goto(base_url + "/principper/ressourcer/?fokus#hvorfor")
    page.wait_for_selector("#fokus_visning")
    page.keyboard.press("ArrowRight")
    assert page.url.endswith("?fokus#hvordan")
    page.goto(base_url + "/oplaegsholdere/")
    page.wait_for_load_state("networkidle")
    drawn = page.eval_on_selector_all("img[src$='qr.svg']", "imgs => imgs.map(img => img.complete && img.naturalWidth > 0)")
    assert drawn and all(drawn)
    page.emulate_media(media="print")
    page.pdf(format="A4")
    context.close()
    assert violations == []


def test_an_inline_script_added_to_a_built_page_is_blocked(browser, built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    index = site / "principper" / "index.html"
    index.write_text(index.read_text(encoding="utf-8").replace(
        "</body>", "<script>window.__injiceret = true</script><img src=x onerror=\"window.__injiceret = true\"></body>"),
        encoding="utf-8")
    context = browser.new_context()
    violations = watch_policy(context)
    page = context.new_page()
    with serve(site) as base:
        page.goto(base + "/principper/")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__injiceret") is None
        # The theme's and the site's own scripts still ran: the headings' menus are there.
        assert page.locator("button.afsnitsmenu-knap").count() > 0
    context.close()
    assert sorted(v.split()[0] for v in violations) == ["script-src-attr", "script-src-elem"]
