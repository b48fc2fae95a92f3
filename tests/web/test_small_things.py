"""The smaller things a user meets, each looked for in Chromium: the map's Sahel view, labelled
circles, no sideways scrolling on a phone, articles named by title and outlet."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_sahel_view_lists_only_its_places(ui, server, shots):
    page = ui
    page.goto(server + "/map?region=sahel")
    circles = page.locator("a.place").count()
    rows = page.locator("table.plain tbody tr").count()
    assert circles > 0 and rows == circles
    countries = set(page.locator("table.plain tbody td.codes").all_inner_texts())
    assert countries <= {"MLI", "NER", "BFA", "TCD", "MRT", "SEN", "NGA", "DZA", "LBY", "SDN", "GMB", "GIN",
                         "CIV", "GHA", "TGO", "BEN", "CMR", "CAF", "ESH", "GNB", ""}
    labels = page.locator("a.place text.place-label").all_text_contents()
    assert len(labels) == circles and all(labels)
    page.screenshot(path=str(shots / "30-map-sahel.png"), full_page=True)


def test_world_map_labels_its_biggest_places(ui, server):
    page = ui
    page.goto(server + "/map")
    assert page.locator("a.place text.place-label").count() == min(8, page.locator("a.place").count())


@pytest.mark.parametrize("path, name", [("/actors/RUS", "31-phone-actor"), ("/events?actor=Russie", "32-phone-events"),
                                        ("/map?region=sahel", "33-phone-map"), ("/articles", "34-phone-articles"),
                                        ("/search?q=Russie+junte+malienne", "35-phone-search")])
def test_phone_pages_do_not_scroll_sideways(phone, server, shots, path, name):
    phone.goto(server + path)
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    phone.screenshot(path=str(shots / f"{name}.png"), full_page=True)
    assert overflow <= 1, f"{path} scrolls sideways by {overflow}px on a phone"


def test_phone_event_card_fits_the_screen(phone, server, ids):
    phone.goto(f"{server}/articles/{ids['seed']}")
    badge = phone.locator("button.ev-badge").first
    badge.click()
    card = phone.locator(".card.open")
    box = card.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390 + 1


def test_articles_are_named_by_title_and_outlet_not_by_id(ui, server, ids):
    page = ui
    page.goto(server + "/events?actor=Russie")
    cells = page.locator("table.evidence tbody tr td.doc a").all_inner_texts()
    assert "Mali : la Russie, véritable soutien à la junte au pouvoir ?" in cells
    assert not any(ids["seed"] in cell for cell in cells)
    for path in ("/", "/articles", "/dyad?a=Russie&b=junte+malienne"):
        page.goto(server + path)
        metas = " ".join(page.locator(".article-list .meta").all_inner_texts())
        assert ids["seed"] not in metas and ids["copy"] not in metas, path
