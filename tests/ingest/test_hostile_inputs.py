"""One bad item costs one item: the inputs that once ended a whole run (issue 10)."""
from __future__ import annotations

import json
import logging
from datetime import date

from veille.ingest import iter_articles
from veille.ingest.article import build_article
from veille.ingest.feeds import parse_feed, valid_char_refs
from veille.ingest.tabular import MAX_JSON_DEPTH, iter_json, json_depth
from veille.model import Article, Rejection, Source, SourceKind

BODY = "Le conseil municipal de Ségou a voté mardi le budget des écoles, selon un communiqué de la mairie."


def _line(n: int) -> str:
    return json.dumps({"id": f"a{n}", "title": f"Article {n}", "text": f"{BODY} Numéro {n}."}, ensure_ascii=False)


def test_deeply_nested_jsonl_line_is_rejected_by_its_line_and_the_others_kept(settings):
    deep = "[" * 100_000 + "]" * 100_000
    data = "\n".join([_line(1), deep, '{"text": ' + "[" * 5000 + "]" * 5000 + "}", _line(4)]).encode()
    out = list(iter_json(Source("deep.jsonl", data), settings))
    assert [a.doc_id for a in out if isinstance(a, Article)] == ["a1", "a4"]
    rejected = [r for r in out if isinstance(r, Rejection)]
    assert [r.locator for r in rejected] == ["deep.jsonl#line-2", "deep.jsonl#line-3"]
    assert all(f"nested more than {MAX_JSON_DEPTH} levels" in r.reason for r in rejected)


def test_deeply_nested_json_array_is_one_rejection_not_a_crash(settings):
    data = ('[{"id": "x", "text": "Bamako", "tags": ' + "[" * 50_000 + "]" * 50_000 + "}]").encode()
    out = list(iter_articles(["-"], settings, stdin=_Stream(data)))
    assert len(out) == 1 and isinstance(out[0], Rejection) and "nested more than" in out[0].reason


def test_json_depth_ignores_brackets_inside_strings():
    assert json_depth('{"t": "[[[ \\" {{{", "u": [[1], {"v": []}]}') == 4
    assert json_depth("[]") == 1 and json_depth('"[[["') == 0


def test_lone_surrogate_drops_only_its_line_and_names_it(settings):
    data = "\n".join([_line(1), '{"id": "bad", "text": "Bamako \\ud800 mardi"}', _line(3), _line(4)]).encode()
    out = list(iter_json(Source("lot.jsonl", data), settings))
    assert [a.doc_id for a in out if isinstance(a, Article)] == ["a1", "a3", "a4"]
    (bad,) = [r for r in out if isinstance(r, Rejection)]
    assert bad.locator == "lot.jsonl#line-2" and "lone surrogate" in bad.reason and "'text'" in bad.reason


def _feed(title: str) -> bytes:
    items = "".join(f"<item><title>{t}</title><description>{BODY}</description></item>"
                    for t in ("Premier", title, "Troisième"))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()


def test_character_references_beyond_unicode_become_replacement_characters():
    for ref in ("&#1114112;", "&#99999999999;", "&#x110000;", "&#xFFFFFFFFFFFF;", "&#xD800;", "&#0;"):
        titles = [i.title for i in parse_feed(_feed(f"Deux {ref} fin"))]
        assert titles == ["Premier", "Deux \ufffd fin", "Troisième"], ref
    assert valid_char_refs(b"caf&#233; &#x1F600;") == b"caf&#233; &#x1F600;"  # valid ones untouched


def test_feed_with_a_reference_beyond_unicode_keeps_every_item(settings, tmp_path):
    path = tmp_path / "flux.xml"
    path.write_bytes(_feed("Deux &#1114112;"))
    out = list(iter_articles([str(path)], settings))
    assert [a.title for a in out if isinstance(a, Article)] == ["Premier", "Deux \ufffd", "Troisième"]


def test_publication_date_outside_the_sane_window_is_kept_and_flagged(settings, caplog):
    with caplog.at_level(logging.WARNING, logger="veille"):
        article = build_article(title="t", text=BODY, kind=SourceKind.TEXT, locator="vieux.txt",
                                settings=settings, published=date(1, 1, 1))
    assert article.published == date(1, 1, 1)
    assert "vieux.txt: publication date 0001-01-01 is outside 1800-2200" in caplog.text


class _Stream:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, n: int = -1) -> bytes:
        out, self.data = self.data[:n] if n >= 0 else self.data, self.data[n:] if n >= 0 else b""
        return out


def test_a_utf16_feed_with_a_reference_beyond_unicode_keeps_its_items(settings):
    data = _feed("Deux &#1114112;").decode().replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="utf-16"?>')
    for encoded in (data.encode("utf-16"), data.encode("utf-16-le")):  # with and without a BOM
        titles = [i.title for i in parse_feed(encoded)]
        assert titles == ["Premier", "Deux \ufffd", "Troisième"]


def test_markup_lxml_cannot_make_a_body_of_still_gives_text(settings):
    data = '<!DOCTYPE htmlhtml lang="fr"><head><title>Kayes</title><meta content='.encode() + BODY.encode()
    out = list(iter_articles(["-"], settings, stdin=_Stream(data)))
    assert [type(x).__name__ for x in out] in (["Article"], ["Rejection"])
    assert not any(getattr(x, "reason", "").startswith("unexpected error") for x in out)


def test_a_csv_with_a_header_and_no_rows_is_one_rejection(settings):
    (rejection,) = iter_articles(["-"], settings, stdin=_Stream(b"id,title,text\n"))
    assert isinstance(rejection, Rejection) and rejection.reason.startswith("no article found")


def test_a_deeply_nested_first_line_is_detected_as_json_lines_and_rejected(settings):
    data = ('{"text": ' + "[" * 5000 + "]" * 5000 + "}\n" + _line(2)).encode()
    out = list(iter_articles(["-"], settings, stdin=_Stream(data)))
    assert [type(x).__name__ for x in out] == ["Rejection", "Article"]
    assert out[0].locator == "stdin#line-1" and "nested more than" in out[0].reason
