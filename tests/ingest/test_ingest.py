"""iter_articles and parse_source: every kind of bad input gives one Rejection and the rest goes on."""
import gzip
import io
import shutil

import pytest

from veille.config import Settings
from veille.errors import RejectedInput
from veille.ingest import iter_articles, parse_source
from veille.model import Article, Rejection, Source, SourceKind


@pytest.fixture(scope="module")
def mixed_dir(tmp_path_factory, seed_path, wikinews_html):
    root = tmp_path_factory.mktemp("mixed")
    shutil.copy(seed_path, root / "01-seed.txt")
    shutil.copy(wikinews_html[0], root / "02-page.html")
    (root / "03-empty.txt").write_bytes(b"")
    (root / "04-blank.txt").write_bytes(b"  \n\n ")
    (root / "05-junk.bin").write_bytes(b"\x00\x13\x88binary\x00" * 50)
    (root / "06-latin1.txt").write_bytes("Élection au Mali\n\nLa junte a reçu l'ambassadeur de Russie à Bamako.".encode("cp1252"))
    (root / "07-unreadable.txt").write_bytes(bytes(range(0x80, 0x100)) * 30)
    (root / "08-feed.xml").write_bytes(b"<?xml version='1.0'?><rss><channel><title>oops</titl")
    (root / "09-lines.jsonl").write_text('{"id": 1, "text": "La junte a re\\u00e7u l\'ambassadeur."}\n{"id": 2, "te\n',
                                         encoding="utf-8")
    (root / "10-page.html.gz").write_bytes(gzip.compress(wikinews_html[1].read_bytes()))
    (root / "11-cut.txt.gz").write_bytes(gzip.compress(seed_path.read_bytes())[:200])
    (root / "12-big.txt").write_bytes(b"Titre\n\n" + b"Le texte. " * 30_000)
    return root


@pytest.fixture(scope="module")
def mixed_results(mixed_dir):
    settings = Settings(max_input_bytes=200_000)
    specs = [str(mixed_dir), str(mixed_dir / "missing.html")]
    return {r.locator.replace(str(mixed_dir) + "/", ""): r for r in iter_articles(specs, settings)}


def reason(results, key):
    item = results[key]
    assert isinstance(item, Rejection) and item.stage == "ingest", item
    return item.reason


def test_ingest_good_inputs_come_through(mixed_results):
    assert mixed_results["01-seed.txt"].byline == "rédaction"
    assert mixed_results["02-page.html"].title == "États-Unis : Lancement réussi pour Space X Dragon"
    assert mixed_results["06-latin1.txt"].title == "Élection au Mali"
    assert mixed_results["09-lines.jsonl#line-1"].doc_id == "1"
    assert mixed_results["10-page.html.gz"].source_kind is SourceKind.HTML


def test_ingest_each_bad_input_gives_a_rejection_with_a_reason(mixed_results, mixed_dir):
    assert reason(mixed_results, "03-empty.txt").startswith("empty")
    assert reason(mixed_results, "04-blank.txt").startswith("empty")
    assert reason(mixed_results, "05-junk.bin").startswith("binary file")
    assert "re-save it as UTF-8" in reason(mixed_results, "07-unreadable.txt")
    assert reason(mixed_results, "08-feed.xml").startswith("malformed feed")
    assert reason(mixed_results, "09-lines.jsonl#line-2").startswith("not valid JSON")
    assert reason(mixed_results, "11-cut.txt.gz").startswith("truncated gzip file")
    assert reason(mixed_results, "12-big.txt").startswith("too large: 0.3 MB > limit 0.2 MB")
    assert reason(mixed_results, "missing.html") == f"no such file: {mixed_dir / 'missing.html'}; check the path"
    assert len(mixed_results) == 14  # 12 files, one of them with two lines, and the missing one


def test_ingest_stdin_dash(seed_path, settings):
    (article,) = iter_articles(["-"], settings, stdin=io.BytesIO(seed_path.read_bytes()))
    assert article.locator == "stdin" and article.section == "Politique"


def test_ingest_is_lazy_over_specs(seed_path, settings):
    asked = []

    def specs():
        for n in range(3):
            asked.append(n)
            yield str(seed_path)

    stream = iter_articles(specs(), settings)
    next(stream)
    assert asked == [0]


def test_parse_source_html_and_rejection(wikinews_html, settings):
    (article,) = parse_source(Source("page.html", wikinews_html[2].read_bytes()), settings)
    assert isinstance(article, Article) and article.published is not None
    with pytest.raises(RejectedInput, match="binary file") as caught:
        parse_source(Source("junk.bin", b"\x00\x01" * 100), settings)
    assert caught.value.locator == "junk.bin"


def test_parse_source_kind_hint_and_title_hint(settings):
    source = Source("x", "Le texte de l'article, sans titre.".encode(), kind_hint=SourceKind.TEXT, title_hint="Titre donné")
    (article,) = parse_source(source, settings)
    assert article.title == "Titre donné"
