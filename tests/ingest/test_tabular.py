from datetime import date

import pytest

from veille.errors import RejectedInput
from veille.ingest.tabular import iter_csv, iter_json
from veille.model import Article, Rejection, Source, SourceKind

BODY = "La junte a reçu l’ambassadeur de Russie à Bamako mardi, selon un communiqué de la présidence."


def test_jsonl_wikinews_file_gives_100_articles_with_their_ids(wikinews_jsonl, settings):
    out = list(iter_json(Source(str(wikinews_jsonl), wikinews_jsonl.read_bytes()), settings))
    assert len(out) == 100 and all(isinstance(a, Article) for a in out)
    first = out[0]
    assert first.doc_id == "wikinews-43971"
    assert first.title == "États-Unis : Lancement réussi pour Space X Dragon"
    assert first.published == date(2012, 5, 22)
    assert first.locator == f"{wikinews_jsonl}#line-1"
    assert first.source_kind is SourceKind.JSONL
    assert first.text.startswith("La fusée Falcon 9")
    assert all(a.language == "fr" for a in out)


def test_jsonl_text_kept_verbatim(wikinews_jsonl, wikinews_records, settings):
    out = list(iter_json(Source(str(wikinews_jsonl), wikinews_jsonl.read_bytes()), settings))
    assert {a.doc_id: a.text for a in out}["wikinews-43971"] == wikinews_records["43971"]["text"]


def test_jsonl_malformed_line_and_missing_text_rejected_others_go_on(settings):
    lines = [
        '{"id": 7, "title": "Un", "text": "%s", "published": "2020-09-01"}' % BODY,
        '{"id": 8, "title": "Deux", "text": ',
        '{"id": 9, "title": "Trois"}',
        "[1, 2]",
        "",
        '{"title": "Quatre", "text": "%s Fin."}' % BODY,
    ]
    out = list(iter_json(Source("feed.jsonl", "\n".join(lines).encode()), settings))
    assert [type(x).__name__ for x in out] == ["Article", "Rejection", "Rejection", "Rejection", "Article"]
    assert out[0].doc_id == "7" and out[0].published == date(2020, 9, 1)
    assert out[1].locator == "feed.jsonl#line-2" and out[1].reason.startswith("not valid JSON")
    assert out[2].locator == "feed.jsonl#line-3" and "no text" in out[2].reason
    assert "not a JSON object" in out[3].reason
    assert out[4].doc_id.startswith("h-") and out[4].locator == "feed.jsonl#line-6"


def test_json_array_of_articles(settings):
    raw = '[{"id": "a1", "title": "Un", "text": "%s"}, {"id": "a2"}]' % BODY
    out = list(iter_json(Source("dump.json", raw.encode()), settings))
    assert out[0].doc_id == "a1"
    assert isinstance(out[1], Rejection) and out[1].locator == "dump.json#record-2"


def test_csv_articles_with_quoted_multiline_text(settings):
    raw = ('id,title,text,published,url\n'
           f'1,Mali,"{BODY}\nSecond paragraphe, avec une virgule.",01/09/2020,https://example.org/1\n'
           '2,Vide,,2020-09-02,\n'
           f'3,Trop,"{BODY}",2020-09-03,x,extra\n'
           f'4,Russie,"{BODY}",2020-09-04,\n')
    out = list(iter_csv(Source("articles.csv", raw.encode()), settings))
    assert [type(x).__name__ for x in out] == ["Article", "Rejection", "Rejection", "Article"]
    assert out[0].doc_id == "1" and out[0].published == date(2020, 9, 1) and out[0].url == "https://example.org/1"
    assert out[0].text.endswith("\nSecond paragraphe, avec une virgule.")
    assert out[0].source_kind is SourceKind.CSV
    assert out[1].locator == "articles.csv#line-4" and "no text" in out[1].reason
    assert out[2].locator == "articles.csv#line-5" and "6 fields where the header has 5" in out[2].reason
    assert out[3].locator == "articles.csv#line-6"


def test_csv_semicolon_delimiter_and_aliases(settings):
    raw = f"guid;headline;body;date\nx-1;Mali;{BODY};1er septembre 2020\n"
    (article,) = iter_csv(Source("a.csv", raw.encode("cp1252", errors="replace")), settings)
    assert (article.doc_id, article.title, article.published) == ("x-1", "Mali", date(2020, 9, 1))


def test_csv_without_text_column_rejected(settings):
    with pytest.raises(RejectedInput, match="no text column"):
        list(iter_csv(Source("a.csv", b"id,title\n1,Mali\n"), settings))
