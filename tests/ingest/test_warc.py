import io
from datetime import date

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from veille.ingest import iter_articles
from veille.ingest.warc import iter_warc
from veille.model import Article, Rejection, Source, SourceKind

PAGE_IDS = ("44510", "44974", "45498")


def write_warc(pages: dict[str, bytes], gzip: bool) -> bytes:
    """A WARC as Common Crawl News writes them: warcinfo, then request/response pairs, plus
    a 404 and an image response that are not articles."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("news.warc", {"software": "veille tests"}))

    def response(url, body, status="200 OK", content_type="text/html; charset=utf-8"):
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        return writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                         warc_headers_dict={"WARC-Date": "2012-12-01T10:00:00Z"})

    for page_id, body in pages.items():
        url = f"https://fr.wikinews.org/wiki/{page_id}"
        request = StatusAndHeaders(f"GET /wiki/{page_id} HTTP/1.1", [("Host", "fr.wikinews.org")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
        writer.write_record(response(url, body))
    writer.write_record(response("https://fr.wikinews.org/missing", b"<html>Not found</html>", "404 Not Found"))
    writer.write_record(response("https://fr.wikinews.org/logo.png", b"\x89PNG....", content_type="image/png"))
    return buf.getvalue()


@pytest.fixture(scope="module")
def pages(wikinews_html):
    by_id = {p.stem: p for p in wikinews_html}
    return {i: by_id[i].read_bytes() for i in PAGE_IDS}


@pytest.mark.parametrize("gzip", [True, False])
def test_warc_html_responses_become_articles(pages, settings, gzip):
    out = list(iter_warc(Source("news.warc", write_warc(pages, gzip)), settings))
    assert all(isinstance(a, Article) for a in out)
    assert [a.url for a in out] == [f"https://fr.wikinews.org/wiki/{i}" for i in PAGE_IDS]
    assert [a.published for a in out] == [date(2012, 7, 3), date(2012, 8, 21), date(2012, 10, 18)]
    assert {a.source_kind for a in out} == {SourceKind.WARC}
    assert out[0].title == "Syrie : Human Rights Watch dénonce les actes de torture"
    assert out[1].locator == "news.warc#record-5"


def test_warc_date_is_the_fallback_published_date(settings):
    body = ("<html><body><article><p>La junte a reçu l’ambassadeur de Russie à Bamako mardi, selon un communiqué "
            "de la présidence.</p><p>Les deux parties ont évoqué la coopération militaire.</p></article></body></html>")
    out = list(iter_warc(Source("x.warc.gz", write_warc({"1": body.encode()}, gzip=True)), settings))
    assert out[0].published == date(2012, 12, 1)


@pytest.mark.parametrize("gzip", [True, False])
def test_warc_truncated_keeps_records_read_and_one_rejection(pages, settings, tmp_path, gzip):
    data = write_warc(pages, gzip)
    path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    path.write_bytes(data[: int(len(data) * 0.6)])
    out = list(iter_articles([str(path)], settings))
    articles = [a for a in out if isinstance(a, Article)]
    rejections = [r for r in out if isinstance(r, Rejection)]
    assert [a.url.rsplit("/", 1)[1] for a in articles] == ["44510", "44974"][: len(articles)]
    assert len(articles) >= 1
    assert len(rejections) == 1 and rejections[0].locator == str(path)
    assert rejections[0].reason.startswith("truncated or corrupt WARC")
    assert "re-download" in rejections[0].reason


def test_warc_detected_by_content_whatever_the_name(pages, settings, tmp_path):
    path = tmp_path / "download.bin"
    path.write_bytes(write_warc(pages, gzip=True))
    out = list(iter_articles([str(path)], settings))
    assert [a.locator for a in out] == [f"{path}#record-{n}" for n in (3, 5, 7)]


def test_warc_intact_record_after_a_corrupt_header_is_kept(pages, settings):
    data = write_warc(pages, gzip=False)
    starts = [i for i in range(len(data)) if data.startswith(b"WARC/1.", i) and (i == 0 or data[i - 4:i] == b"\r\n\r\n")]
    second = starts[1]
    broken = data[:second] + b"WARC/1.0\r\nContent-Length: banana\r\n\x00\x01junk\r\n\r\n" + data[second:]
    out = list(iter_warc(Source("abime.warc", broken), settings))
    articles = [a for a in out if isinstance(a, Article)]
    assert [a.url.rsplit("/", 1)[1] for a in articles] == list(PAGE_IDS)  # every page, the damage skipped
    assert any(isinstance(r, Rejection) and "unreadable WARC record" in r.reason for r in out)


def test_warc_gz_bomb_is_inflated_once_and_a_non_html_bomb_is_said(settings):
    import gzip as gz
    import io as _io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = _io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "application/octet-stream")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://example.org/bomb", "response",
                                                  payload=_io.BytesIO(b"\0" * 60_000_000), http_headers=headers))
    small = settings.model_copy(update={"max_input_bytes": 5_000_000})
    (rejection,) = list(iter_warc(Source("bomb.warc.gz", out.getvalue()), small))
    assert isinstance(rejection, Rejection) and rejection.locator == "bomb.warc.gz#record-1"
    assert "application/octet-stream record of 60.0 MB" in rejection.reason and "skipped" in rejection.reason
    assert gz is not None
