"""The pages in headless Chromium (Debian's, driven by Playwright): content, right-to-left
layout at desktop and phone widths, screenshots in tests/artifacts/, and no script running
from hostile article text."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from web_store import ARTIFACTS, HOSTILE_TITLE

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}  # a common phone viewport (CSS pixels)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian chromium: apt-get install chromium fonts-noto-core"
    ),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright: pip install playwright")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=DESKTOP, locale="ar")
    tab = context.new_page()
    tab.dialogs = []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    yield tab
    context.close()


def _shoot(tab, name: str) -> None:
    """A desktop and a phone screenshot; at phone width nothing may overflow sideways."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    tab.set_viewport_size(PHONE)
    overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    tab.screenshot(path=str(ARTIFACTS / f"{name}-phone.png"), full_page=True)
    tab.set_viewport_size(DESKTOP)
    assert overflow <= 1, f"{name}: {overflow}px wider than a phone screen"


def _open(tab, url: str) -> None:
    response = tab.goto(url)
    assert response.status == 200
    assert tab.get_attribute("html", "dir") == "rtl" and tab.get_attribute("html", "lang") == "ar"
    assert tab.evaluate("getComputedStyle(document.body).direction") == "rtl"


def test_home_shows_latest_stories_with_outlet_counts(page, live_url):
    _open(page, live_url + "/")
    cards = page.locator(".story-card")
    assert cards.count() == 2
    assert "العربية" in cards.first.locator(".outlets").inner_text()
    assert page.locator(".latest .item").count() == 20
    _shoot(page, "home")


def test_story_page_shows_every_outlet_and_a_timeline(page, live_url):
    _open(page, live_url + "/stories/benalla")
    outlets = page.locator(".outlet > h3").all_inner_texts()
    assert sorted(outlets) == ["العربية", "فرانس 24"]
    assert page.locator(".timeline li").count() == 2
    _shoot(page, "story")


def test_article_page_highlights_entities(page, live_url, sqlite_store):
    _open(page, f"{live_url}/articles/{sqlite_store[1]['AL-internationalNews-1825-20180708.txt']}")
    assert "إثيوبيا وإريتريا" in page.locator("h1").inner_text()
    person = page.locator(".body a.ent-per").first
    assert person.inner_text() in {"أبي أحمد", "اسياس افورقي", "أبي", "اسياس"}
    assert page.locator(".quotes blockquote").count() == 3 and page.locator(".events li").count() == 4
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert font.startswith('"Noto Naskh Arabic"')
    _shoot(page, "article")


def test_entity_page_has_chart_contacts_and_quotes(page, live_url):
    _open(page, live_url + "/entities/" + quote("أبي أحمد"))
    assert page.locator("h1").inner_text() == "أبي أحمد"
    assert page.locator(".chart svg rect.bar").count() == 1
    assert "إسياس أفورقي" in page.locator(".met-table").inner_text()
    assert page.locator(".quotes blockquote").count() == 2
    page.locator(".evidence summary").click()
    assert "أول ظهور في المخزن" in page.locator(".evidence-table").inner_text()
    _shoot(page, "entity")


def test_search_shows_hits_marks_and_facets(page, live_url):
    _open(page, live_url + "/search?q=" + quote("رونالدو"))
    assert page.locator(".hit").count() >= 2
    assert "رونالدو" in page.locator(".hit mark").first.inner_text()
    page.locator(".facet a", has_text="العربية").first.click()
    page.wait_for_load_state()
    assert "source=" in page.url and all(
        s == "العربية" for s in page.locator(".hit .source").all_inner_texts()
    )
    page.goto(live_url + "/search?q=" + quote("رونالدو"))
    _shoot(page, "search")


def test_hostile_article_text_never_runs(page, live_url, sqlite_store):
    violations = []
    page.on("console", lambda message: violations.append(message.text))
    _open(page, f"{live_url}/articles/{sqlite_store[1]['hostile']}")
    assert page.locator("h1").inner_text() == HOSTILE_TITLE  # the markup shows as text
    body = page.locator(".body").inner_text()
    assert "onerror=" in body and "javascript:" in body
    assert page.locator("script").count() == 0 and page.locator(".body img, .body svg").count() == 0
    page.locator(".body a.ent").first.hover()  # mouse over the text that held handlers
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []
    assert page.locator("a[href^='javascript:']").count() == 0
    _shoot(page, "hostile-article")
