from datetime import date

import pytest

from veille.errors import RejectedInput
from veille.ingest import iter_articles
from veille.ingest.feeds import parse_feed
from veille.model import Article, Rejection, SourceKind

from local_http import Route

FULL_TEXT = " ".join(["La junte au pouvoir au Mali a reçu l’ambassadeur de Russie à Bamako mardi, selon un communiqué."] * 15)


def rss(base: str, items: list[str]) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Actualités</title><link>{base}/</link><description>Test</description>
{''.join(items)}
</channel></rss>""".encode()


def item(title: str, link: str, summary: str, content: str = "", date_: str = "Tue, 03 Jul 2012 10:00:00 +0000") -> str:
    encoded = f"<content:encoded><![CDATA[{content}]]></content:encoded>" if content else ""
    return (f"<item><title>{title}</title><link>{link}</link><pubDate>{date_}</pubDate>"
            f"<description><![CDATA[{summary}]]></description>{encoded}</item>")


@pytest.fixture(scope="module")
def feed_url(local_server, wikinews_html):
    page = next(p for p in wikinews_html if p.stem == "44510").read_bytes()
    base = local_server.base
    local_server.routes["/wiki/44510"] = Route(page)
    local_server.routes["/feed.xml"] = Route(rss(base, [
        item("Plein texte", f"{base}/full", "Un résumé.", f"<p>{FULL_TEXT}</p><h3>Réactions</h3><p>{FULL_TEXT}</p>"),
        item("Syrie : HRW dénonce la torture", f"{base}/wiki/44510", "<p>L'ONG publie un rapport.</p>"),
        item("Lien cassé", f"{base}/gone", "<p>La page a disparu, mais ce résumé reste lisible en entier.</p>"),
        item("Rien", f"{base}/gone-too", ""),
    ]), content_type="application/rss+xml")
    return local_server.url("/feed.xml")


@pytest.fixture(scope="module")
def feed_results(feed_url, settings):
    return list(iter_articles([feed_url], settings))


def test_feed_item_with_full_content_is_read_from_the_feed(feed_results, feed_url, local_server):
    article = feed_results[0]
    assert article.title == "Plein texte"
    assert article.source_kind is SourceKind.FEED
    assert article.locator == f"{feed_url}#item-1"
    assert article.published == date(2012, 7, 3)
    assert article.text.count("l’ambassadeur de Russie") == 30
    assert [article.text[h.start : h.end] for h in article.headings] == ["Réactions"]
    assert "/full" not in [s.path for s in local_server.seen]


def test_feed_summary_only_item_fetches_linked_page(feed_results, local_server):
    article = feed_results[1]
    assert article.url == local_server.url("/wiki/44510")
    assert article.source_kind is SourceKind.FEED
    assert article.title == "Syrie : Human Rights Watch dénonce les actes de torture"
    assert "Nadim Houry, responsable de l'organisation" in article.text
    assert article.standfirst == "L'ONG publie un rapport."
    request = next(s for s in local_server.seen if s.path == "/wiki/44510")
    assert request.user_agent.startswith("veille/")


def test_feed_link_failure_keeps_summary_article(feed_results, local_server):
    article = feed_results[2]
    assert isinstance(article, Article)
    assert article.text == "La page a disparu, mais ce résumé reste lisible en entier."
    assert article.url == local_server.url("/gone")


def test_feed_item_without_text_and_dead_link_rejected(feed_results, feed_url):
    rejection = feed_results[3]
    assert isinstance(rejection, Rejection)
    assert rejection.locator == f"{feed_url}#item-4"
    assert "no text" in rejection.reason and "HTTP 404" in rejection.reason


def test_feed_atom_file_read_without_fetching(tmp_path, settings):
    atom = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
    <title>Actu</title><id>urn:x</id><updated>2020-09-01T00:00:00Z</updated>
    <entry><title>Mali</title><id>urn:1</id><updated>2020-09-01T08:00:00Z</updated>
    <content type="html">&lt;p&gt;La junte a reçu l’ambassadeur de Russie à Bamako.&lt;/p&gt;</content></entry></feed>"""
    path = tmp_path / "atom.xml"
    path.write_text(atom, encoding="utf-8")
    (article,) = iter_articles([str(path)], settings)
    assert (article.title, article.published) == ("Mali", date(2020, 9, 1))
    assert article.text == "La junte a reçu l’ambassadeur de Russie à Bamako."


def test_feed_malformed_rejected():
    with pytest.raises(RejectedInput, match="malformed feed"):
        parse_feed(b"<?xml version='1.0'?><rss><channel><title>oops</titl")
