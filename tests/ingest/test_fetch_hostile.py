"""Safe fetching against a hostile server on 127.0.0.1 (issue 10): one total deadline per fetch,
size caps after decompression, private addresses refused by default, for every redirect and feed link."""
from __future__ import annotations

import time

import pytest
from hostile_http import HostileServer

from veille.config import FetchSettings, Settings
from veille.errors import RejectedInput
from veille.ingest import iter_articles
from veille.ingest.fetch import Fetcher
from veille.ingest.guard import is_public
from veille.model import Article, Rejection

DEADLINE = 1.0


@pytest.fixture(scope="module")
def hostile():
    server = HostileServer()
    yield server
    server.close()


def _fetcher(**overrides) -> Fetcher:
    values = {"timeout_s": DEADLINE, "per_host_interval_s": 0.0, "allow_private_urls": True} | overrides
    return Fetcher(FetchSettings(**values))


@pytest.mark.parametrize("path", ["/drip-body", "/drip-headers", "/silent"])
def test_a_dripping_or_silent_server_cannot_hold_a_fetch_past_its_deadline(hostile, path):
    started = time.monotonic()
    with _fetcher() as fetcher, pytest.raises(RejectedInput, match=f"timed out after {DEADLINE:g} s"):
        fetcher.fetch(hostile.url(path))
    assert time.monotonic() - started < DEADLINE + 0.5


def test_an_ingest_of_dripping_urls_ends_within_the_deadlines(hostile):
    settings = Settings(fetch=FetchSettings(timeout_s=DEADLINE, per_host_interval_s=0, allow_private_urls=True))
    started = time.monotonic()
    out = list(iter_articles([hostile.url("/drip-body"), hostile.url("/drip-headers"), hostile.url("/page")],
                             settings))
    assert time.monotonic() - started < 2 * DEADLINE + 1.0
    assert [type(x).__name__ for x in out] == ["Rejection", "Rejection", "Article"]


def test_a_gzip_bomb_is_refused_once_decompressed_beyond_the_cap(hostile):
    with _fetcher(max_bytes=1_000_000, timeout_s=5.0) as fetcher, \
            pytest.raises(RejectedInput, match="too large: once decompressed"):
        fetcher.fetch(hostile.url("/bomb"))


def test_loopback_is_refused_by_default_and_allowed_on_request(hostile):
    with _fetcher(allow_private_urls=False) as fetcher, \
            pytest.raises(RejectedInput, match="refused to fetch .*127.0.0.1.*--allow-private-urls"):
        fetcher.fetch(hostile.url("/page"))
    with _fetcher() as fetcher:
        assert b"Kita" in fetcher.fetch(hostile.url("/page")).data


def test_every_redirect_is_checked_again(hostile):
    """Only 127.0.0.1 allowed: the redirects to the metadata address and to "localhost" (::1 and
    127.0.0.1, the first refused) are checked before any connection is made."""
    only_this_server = Fetcher(FetchSettings(timeout_s=DEADLINE, per_host_interval_s=0),
                               allowed=lambda ip: ip == "127.0.0.1")
    with only_this_server as fetcher:
        assert b"Kita" in fetcher.fetch(hostile.url("/page")).data
        with pytest.raises(RejectedInput, match=r"refused to fetch .*\(169.254.169.254\)"):
            fetcher.fetch(hostile.url("/to-metadata"))


def test_feed_links_to_private_addresses_are_refused(hostile, tmp_path):
    feed = tmp_path / "flux.xml"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>Kita</title>'
                    f'<link>{hostile.url("/page")}</link><description>Un marché.</description></item>'
                    '</channel></rss>', encoding="utf-8")
    settings = Settings(fetch=FetchSettings(timeout_s=DEADLINE, per_host_interval_s=0))
    (item,) = iter_articles([str(feed)], settings)
    assert isinstance(item, Article) and "Kita a inauguré" not in item.text  # the teaser kept, the page not fetched


@pytest.mark.parametrize("address,public", [
    ("127.0.0.1", False), ("10.1.2.3", False), ("172.16.0.1", False), ("192.168.1.1", False),
    ("169.254.169.254", False), ("100.64.0.1", False), ("0.0.0.0", False), ("::1", False),
    ("fe80::1", False), ("fd00:ec2::254", False), ("::ffff:127.0.0.1", False), ("224.0.0.1", False),
    ("93.184.216.34", True), ("2606:2800:220:1::1", True), ("not an address", False),
])
def test_public_addresses(address, public):
    assert is_public(address) is public


def test_the_environment_opts_in(monkeypatch):
    monkeypatch.setenv("VEILLE_ALLOW_PRIVATE_URLS", "1")
    assert Settings.from_env().fetch.allow_private_urls is True
    monkeypatch.delenv("VEILLE_ALLOW_PRIVATE_URLS")
    assert Settings.from_env().fetch.allow_private_urls is False


def test_a_rejection_for_a_refused_url_names_the_way_out(hostile):
    (rejection,) = iter_articles([hostile.url("/page")], Settings())
    assert isinstance(rejection, Rejection) and "VEILLE_ALLOW_PRIVATE_URLS=1" in rejection.reason
