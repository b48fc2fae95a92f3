import time

import pytest

from veille.config import FetchSettings, Settings
from veille.errors import RejectedInput
from veille.ingest import iter_articles
from veille.ingest.fetch import Fetcher
from veille.model import Rejection

from local_http import Route

PAGE = ("<html><head><title>Mali</title></head><body><article><p>La junte au pouvoir au Mali a reçu "
        "l’ambassadeur de Russie à Bamako mardi, selon un communiqué.</p><p>Les deux parties ont "
        "évoqué la coopération militaire.</p></article></body></html>").encode()


@pytest.fixture(scope="module")
def server(local_server):
    local_server.routes.update({
        "/page": Route(PAGE),
        "/slow": Route(PAGE, delay_s=2.0),
        "/big": Route(b"<html><body><p>" + b"x" * 50_000 + b"</p></body></html>"),
        "/moved": Route(b"", status=301, headers={"Location": "/page"}),
    })
    return local_server


def test_fetch_url_timeout_gives_rejection_with_reason(server):
    settings = Settings(fetch=FetchSettings(timeout_s=0.3, per_host_interval_s=0, allow_private_urls=True))
    started = time.monotonic()
    (rejection,) = iter_articles([server.url("/slow")], settings)
    assert time.monotonic() - started < 1.5
    assert isinstance(rejection, Rejection) and rejection.locator == server.url("/slow")
    assert rejection.reason.startswith("timed out after 0.3 s fetching")
    assert "fetch.timeout_s" in rejection.reason


def test_fetch_redirect_followed_and_user_agent_sent(server, settings):
    with Fetcher(settings.fetch) as fetcher:
        fetched = fetcher.fetch(server.url("/moved"))
    assert fetched.url == server.url("/page")
    assert fetched.data == PAGE
    assert fetched.charset == "utf-8"
    assert server.seen[-1].user_agent == settings.fetch.user_agent


def test_fetch_size_cap(server):
    with Fetcher(FetchSettings(max_bytes=10_000, per_host_interval_s=0, allow_private_urls=True)) as fetcher:
        with pytest.raises(RejectedInput, match="too large"):
            fetcher.fetch(server.url("/big"))


def test_fetch_http_error_reason(server, settings):
    with Fetcher(settings.fetch) as fetcher:
        with pytest.raises(RejectedInput, match="HTTP 404"):
            fetcher.fetch(server.url("/nowhere"))


def test_fetch_waits_between_requests_to_one_host(server):
    with Fetcher(FetchSettings(per_host_interval_s=0.25, allow_private_urls=True)) as fetcher:
        started = time.monotonic()
        fetcher.fetch(server.url("/page"))
        fetcher.fetch(server.url("/page"))
    assert time.monotonic() - started >= 0.25


def test_fetch_url_spec_gives_article(server, settings):
    (article,) = iter_articles([server.url("/page")], settings)
    assert article.url == server.url("/page")
    assert article.title == "Mali"
    assert article.text.startswith("La junte au pouvoir au Mali")
