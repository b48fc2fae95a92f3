"""Property-based mutation fuzzing of every reader (issue 10): whatever the bytes, ``iter_articles``
gives Articles and Rejections, never an exception, never an "unexpected error" (a bug caught by the
per-item boundary), and every Article holds storable text. bench/fuzz.py runs the long version."""
from __future__ import annotations

import gzip
import io
import json

from hypothesis import HealthCheck, given, settings, strategies as st

from veille.config import FetchSettings, Settings
from veille.ingest import iter_articles
from veille.model import Article, Rejection

BODY = ("Le conseil régional de Tombouctou a adopté mardi un plan de reconstruction des manuscrits. "
        "« C'est une victoire », a dit le gouverneur, le 3 mars 2021.")
HOSTILE = [b"&#1114112;", b"&#99999999999;", b"&#xD800;", b"\\ud800", b"[" * 2000, b"\x00", b"\xff\xfe",
           b"\x1f\x8b", b"0001-01-01", b"9999-12-31", b"99999999999999999999999", b"<![CDATA[", b"]]>",
           b"<p>" * 300, b"WARC/1.0\r\n", b"Content-Length: 99999999999\r\n", "Ã©".encode(), b"\xc3",
           b"\xed\xa0\x80", b"&b;", b"<!DOCTYPE x [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>", b"\"", b"\n"]


def _warc(html: bytes) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    for n in range(2):
        writer.write_record(writer.create_warc_record(f"https://example.org/{n}", "response",
                                                      payload=io.BytesIO(html), http_headers=headers))
    return out.getvalue()


HTML = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Tombouctou</title></head><body><article>"
        f"<h1>Tombouctou</h1><p>{BODY}</p><p>{BODY}</p></article></body></html>").encode()
SEEDS = {
    "text": f"Tombouctou\n\n{BODY}\n\n{BODY}".encode(),
    "html": HTML,
    "rss": (f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>Un</title>'
            f"<pubDate>Tue, 02 Mar 2021 10:00:00 +0000</pubDate><description>{BODY}</description></item>"
            f"<item><title>Deux</title><description>{BODY}</description></item></channel></rss>").encode(),
    "atom": (f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>Un'
             f"</title><updated>2021-03-02T10:00:00Z</updated><content>{BODY}</content></entry></feed>").encode(),
    "warc": _warc(HTML),
    "jsonl": "\n".join(json.dumps({"id": f"a{n}", "title": "Un", "text": BODY, "published": "2021-03-02"},
                                  ensure_ascii=False) for n in range(3)).encode(),
    "json": json.dumps([{"id": "a", "text": BODY}, {"id": "b", "text": BODY + " Fin."}], ensure_ascii=False).encode(),
    "csv": f'id,title,published,text\n1,Un,2021-03-02,"{BODY}"\n2,Deux,0001-01-01,"{BODY} Fin."\n'.encode(),
}
FUZZ = settings(max_examples=50, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
READ = Settings(fetch=FetchSettings(fetch_linked_pages=False))


@st.composite
def mutated(draw, seed: bytes) -> bytes:
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        edit = draw(st.sampled_from(["insert", "hostile", "delete", "flip", "repeat", "truncate"]))
        if edit == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=24))
        elif edit == "hostile":
            data[at:at] = draw(st.sampled_from(HOSTILE)) * draw(st.sampled_from([1, 3, 40]))
        elif edit == "delete":
            del data[at:at + draw(st.integers(1, 64))]
        elif edit == "flip" and data:
            data[min(at, len(data) - 1)] ^= 1 << draw(st.integers(0, 7))
        elif edit == "repeat":
            data[at:at] = data[at:at + draw(st.integers(1, 32))] * draw(st.sampled_from([2, 50]))
        elif edit == "truncate":
            del data[at:]
    if draw(st.integers(0, 9)) == 0:
        data = bytearray(gzip.compress(bytes(data)))
    return bytes(data)


def _check(data: bytes) -> None:
    out = list(iter_articles(["-"], READ, stdin=io.BytesIO(data)))
    assert out, "every input gives at least one article or one rejection"
    for item in out:
        if isinstance(item, Rejection):
            assert item.reason and not item.reason.startswith("unexpected error"), item
        else:
            assert isinstance(item, Article) and item.text.strip() and item.doc_id
            item.text.encode("utf-8")  # storable: no lone surrogate
            (item.title or "").encode("utf-8")


def _reader_test(kind: str):
    @FUZZ
    @given(mutated(SEEDS[kind]))
    def test(data: bytes) -> None:
        _check(data)

    test.__name__ = f"test_mutated_{kind}_never_crashes_the_reader"
    return test


test_mutated_text_never_crashes_the_reader = _reader_test("text")
test_mutated_html_never_crashes_the_reader = _reader_test("html")
test_mutated_rss_never_crashes_the_reader = _reader_test("rss")
test_mutated_atom_never_crashes_the_reader = _reader_test("atom")
test_mutated_warc_never_crashes_the_reader = _reader_test("warc")
test_mutated_jsonl_never_crashes_the_reader = _reader_test("jsonl")
test_mutated_json_never_crashes_the_reader = _reader_test("json")
test_mutated_csv_never_crashes_the_reader = _reader_test("csv")


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash_the_readers(data):
    _check(data)


@FUZZ
@given(st.text(max_size=600))
def test_random_unicode_never_crashes_the_readers(text):
    _check(text.encode("utf-8", errors="surrogatepass"))


def test_the_seeds_read_as_articles():
    for kind, seed in SEEDS.items():
        out = list(iter_articles(["-"], READ, stdin=io.BytesIO(seed)))
        assert out and all(isinstance(a, Article) for a in out), (kind, out)
