"""The pages' filter forms over HTTP: blank fields are no filter, a wrong value is explained in words."""
from __future__ import annotations

from veille.api.blanks import without_blanks


def test_without_blanks_keeps_the_filled_pairs_byte_for_byte():
    assert without_blanks(b"actor=&type=&from=2020&q=Moscou+%C3%A9t%C3%A9&x=+&y=%20") == \
        b"from=2020&q=Moscou+%C3%A9t%C3%A9"
    assert without_blanks(b"a=1&b=2") == b"a=1&b=2"


def test_blank_fields_are_no_filter(client):
    everything = client.get("/api/events", params={"limit": 1}).json()["total"]
    blank = client.get("/api/events?actor=&source=&target=&type=&status=&from=&to=&place=&q=&limit=1")
    assert blank.status_code == 200 and blank.json()["total"] == everything
    page = client.get("/events?actor=&source=&target=&type=&status=&from=&to=&place=&q=&sort=-date")
    assert page.status_code == 200 and 'placeholder="e.g. Russie"' in page.text
    assert client.get("/map?region=sahel&actor=&status=").status_code == 200
    alleged = client.get("/api/events?actor=Russie&status=alleged&type=&from=").json()
    assert alleged["total"] > 0 and {e["status"] for e in alleged["items"]} == {"alleged"}


def test_invalid_field_is_explained_in_words(client):
    page = client.get("/events?from=2020-1")
    assert page.status_code == 422
    assert "“2020-1” is not a valid value for the start date: write a year (2020)" in page.text
    assert "pattern" not in page.text and "String should" not in page.text
    assert "The first actor is missing" in client.get("/dyad?b=Russie").text


def test_web_pages_do_not_tell_a_reader_to_run_a_command(client):
    for path in ("/actors/kb:org:ATLANTIDE", "/dyad?a=Atlantide&b=Russie", "/articles/nope"):
        page = client.get(path)
        assert page.status_code == 404, path
        assert "veille actors" not in page.text and "`veille" not in page.text, path


def test_outlet_is_the_site_of_the_url():
    from veille.api.pages.render import outlet

    assert outlet("https://www.example.org/mali-russie") == "example.org"
    assert outlet(None) == "" and outlet("not a url") == ""


def test_an_actor_page_reached_by_a_name_says_how_it_resolved(client):
    page = client.get("/actors/junte", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/actors/kb:org:CNSP?asked=junte"
    html = client.get("/actors/kb:org:CNSP?asked=junte").text
    assert "“junte” → <strong>CNSP</strong>" in html and ">CNRDRE</a>" in html
