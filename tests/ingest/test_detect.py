import gzip

import pytest

from veille.errors import RejectedInput
from veille.ingest.detect import detect_kind, gunzip
from veille.model import SourceKind


@pytest.mark.parametrize(("data", "kind"), [
    (b"<!DOCTYPE html><html><body><p>x</p></body></html>", SourceKind.HTML),
    (b"\xef\xbb\xbf<html lang='fr'><p>x</p></html>", SourceKind.HTML),
    (b"<p>Un fragment.</p><p>Deux.</p>", SourceKind.HTML),
    (b"<?xml version='1.0'?><!DOCTYPE html><html xmlns='http://www.w3.org/1999/xhtml'>", SourceKind.HTML),
    (b"<?xml version='1.0'?>\n<rss version='2.0'><channel>", SourceKind.FEED),
    (b"<feed xmlns='http://www.w3.org/2005/Atom'>", SourceKind.FEED),
    (b"<?xml version='1.0'?><rdf:RDF xmlns:rdf='x'>", SourceKind.FEED),
    (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", SourceKind.WARC),
    (b'\n{"id": 1, "text": "x"}\n{"id": 2}', SourceKind.JSONL),
    (b'[{"id": 1, "text": "x"}]', SourceKind.JSONL),
    (b"id,title,text\n1,a,b\n", SourceKind.CSV),
    (b"id;titre;texte\n1;a;b\n", SourceKind.CSV),
    (b"Mali : la Russie\n\nPar la r\xc3\xa9daction\n\nLe texte.", SourceKind.TEXT),
    (b"Titre, avec une virgule\n\nLe texte.", SourceKind.TEXT),
])
def test_detect_kind_by_content(data, kind):
    assert detect_kind(data) is kind


def test_detect_ignores_a_misleading_extension():
    assert detect_kind(b"<html><body><p>x</p></body></html>", "article.txt") is SourceKind.HTML
    assert detect_kind(b"Titre\n\nTexte.", "page.html") is SourceKind.TEXT


def test_detect_json_lines_by_first_line_or_name():
    assert detect_kind(b"{Titre entre accolades}\n\nLe texte.") is SourceKind.TEXT
    assert detect_kind(b'{"id": 1, "te\n{"id": 2, "text": "x"}', "feed.jsonl") is SourceKind.JSONL


def test_detect_warc_gz_by_content():
    assert detect_kind(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n")) is SourceKind.WARC


@pytest.mark.parametrize(("data", "what"), [
    (b"\x00\x01\x02binary\x00stuff", "NUL bytes"),
    (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
    (b"PK\x03\x04\x14\x00", "ZIP"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
])
def test_detect_binary_junk_rejected(data, what):
    with pytest.raises(RejectedInput, match=f"binary file.*{what}|{what}.*not a news article"):
        detect_kind(data)


def test_detect_other_xml_rejected():
    with pytest.raises(RejectedInput, match=r"root element <TimeML>"):
        detect_kind(b"<?xml version='1.0'?>\n<TimeML><TIMEX3>hier</TIMEX3></TimeML>")


def test_gunzip_truncated_rejected():
    data = gzip.compress(b"Titre\n\n" + b"Le texte. " * 1000)
    assert gunzip(data, 1_000_000).startswith(b"Titre")
    with pytest.raises(RejectedInput, match="truncated gzip"):
        gunzip(data[: len(data) // 2], 1_000_000)
    with pytest.raises(RejectedInput, match="too large once decompressed"):
        gunzip(data, 100)
