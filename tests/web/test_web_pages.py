"""The web UI in real Chromium: from the home page to the seed's evidence, offline, with no
request leaving 127.0.0.1 and no console error (a CSP violation would be one)."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def _shot(page, shots, name: str) -> None:
    page.screenshot(path=str(shots / f"{name}.png"), full_page=True)


def _evidence_row(page, words: str):
    return page.locator("table.evidence tbody tr", has_text=words).first


def test_home_search_dyad_article(ui, server, shots, ids):
    page = ui
    page.goto(server + "/")
    assert page.title() == "veille"
    assert page.locator(".stat .n").first.inner_text() == "103"
    _shot(page, shots, "01-home")

    page.fill("#home-q", "Russie")
    page.press("#home-q", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=Russie"))
    first_actor = page.locator(".hits .hit-name").first
    assert first_actor.inner_text() == "Russie"
    _shot(page, shots, "02-search-russie")

    first_actor.click()
    page.wait_for_url(server + "/actors/RUS")
    assert page.locator("h1").inner_text() == "Russie"
    _shot(page, shots, "03-actor-russie")

    page.fill("#cmp", "junte malienne")
    page.click("form[action='/compare'] button")
    page.wait_for_url(re.compile(r"/dyad\?a=RUS&b=kb%3Aorg%3ACNSP"))
    assert page.locator("h1").inner_text() == "Russie ↔ CNSP"
    assert "from 1 independent source" in page.locator(".answer-total").inner_text()
    _shot(page, shots, "04-dyad-russie-junte")

    training = _evidence_row(page, "recevraient une formation à Moscou")
    assert training.locator(".badge").inner_text() == "alleged"
    audience = _evidence_row(page, "reçu en audience")
    assert audience.locator(".badge").inner_text() == "asserted"

    training.locator(".evidence-text a").click()
    page.wait_for_url(re.compile(rf"/articles/{ids['seed']}#ev-\d+"))
    anchor = page.url.rsplit("#", 1)[1]
    mark = page.locator(f"mark#{anchor}")
    assert "formation à Moscou" in mark.inner_text()
    assert "focus" in mark.get_attribute("class")
    assert mark.is_visible() and _in_viewport(page, f"mark#{anchor}")
    _shot(page, shots, "05-article-at-sentence")

    badge = page.locator(f"button.ev-badge[data-ref='{anchor}']")
    assert badge.inner_text() == "AID · alleged"
    badge.click()
    card = page.locator(f"#card-{anchor}")
    assert card.is_visible() and "forces armées russes" in card.inner_text()
    assert badge.get_attribute("aria-expanded") == "true"
    page.screenshot(path=str(shots / "06-article-card.png"))
    page.keyboard.press("Escape")
    page.mouse.move(5, 5)
    assert not card.is_visible() and badge.get_attribute("aria-expanded") == "false"


def _in_viewport(page, selector: str) -> bool:
    return page.eval_on_selector(selector, "e => { const r = e.getBoundingClientRect();"
                                           " return r.top >= 0 && r.bottom <= window.innerHeight; }")


def test_article_query_lands_on_an_event(ui, server, ids):
    page = ui
    page.goto(f"{server}/articles/{ids['seed']}?ev=2")
    assert "focus" in page.locator("mark#ev-2").get_attribute("class")
    assert _in_viewport(page, "mark#ev-2")


def test_hostile_article_is_text(ui, server, shots, ids):
    page = ui
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{server}/articles/{ids['hostile']}")
    assert "<script>alert('titre')</script>" in page.locator("h1").inner_text()
    assert page.locator(".article-text img").count() == 0 and dialogs == []
    _shot(page, shots, "07-hostile-article")


@pytest.mark.parametrize("path, name", [
    ("/map", "08-map"), ("/map?region=sahel&actor=Russie", "09-map-sahel-russie"), ("/network", "10-network"),
    ("/events?actor=Russie&status=alleged", "11-events"), ("/articles", "12-articles"), ("/actors", "13-actors"),
])
def test_pages_render_offline(ui, server, shots, path, name):
    page = ui
    response = page.goto(server + path)
    assert response.status == 200
    assert "content-security-policy" in response.headers
    _shot(page, shots, name)


def test_network_edge_opens_the_dyad(ui, server):
    page = ui
    page.goto(server + "/actors/RUS")
    page.locator("figure.graph a.edge line.hit").first.click(force=True)  # a straight line has no width
    page.wait_for_url(re.compile(r"/dyad\?a="))
    assert "↔" in page.locator("h1").inner_text()


def test_map_point_opens_its_events(ui, server):
    page = ui
    page.goto(server + "/map?actor=Russie")
    first = page.locator("a.place").first  # the place with most events; a smaller one may be drawn beside it
    place = first.get_attribute("href").split("=", 1)[1]
    first.locator("circle").click()
    page.wait_for_url(re.compile(r"/events\?place="))
    assert page.url.endswith(f"place={place}")
    assert page.locator("table.evidence tbody tr").count() > 0


def test_api_docs_render_from_local_files(ui, server, shots):
    page = ui
    page.goto(server + "/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=15_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/dyads" in paths and "/api/ingest" in paths
    assert all(re.match(r"http://127\.0\.0\.1:\d+/", url) for url in page.watch.requests)
    _shot(page, shots, "14-api-docs")


def test_phone_layout_fits_the_screen(phone, server, shots, ids):
    for path, name in (("/", "15-phone-home"), ("/dyad?a=Russie&b=junte+malienne", "16-phone-dyad"),
                       (f"/articles/{ids['seed']}#ev-6", "17-phone-article")):
        phone.goto(server + path)
        overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} scrolls sideways by {overflow}px on a phone"
        phone.screenshot(path=str(shots / f"{name}.png"), full_page=True)
