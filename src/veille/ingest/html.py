"""HTML pages: trafilatura for the body and metadata, htmldate when no date is found otherwise."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import htmldate
import trafilatura

from veille.config import Settings
from veille.errors import RejectedInput
from veille.ingest.article import Block, assemble, build_article
from veille.ingest.dates import dateline_date, parse_date_value
from veille.ingest.decode import decode_bytes
from veille.ingest.htmltext import extracted_blocks, fragment_blocks, recover_headings
from veille.ingest.lexicon import metadata_cues
from veille.model import Article, Source, SourceKind

DATELINE_BLOCKS = 3  # a dateline ("3 juillet 2012. - …") opens one of the first paragraphs
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_WHOLE_DOCUMENT = re.compile(r"<(?:html|body)[\s>]", re.IGNORECASE)
EXTRACT_OPTIONS = {
    "with_metadata": True,
    "include_comments": False,
    "favor_precision": False,
    "include_tables": True,
    # markup dates only here; text dates go through the dateline, then htmldate's extensive search
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}


@dataclass(frozen=True, slots=True)
class PageMeta:
    title: str | None
    byline: str | None
    section: str | None
    tags: tuple[str, ...]
    standfirst: str | None
    published: date | None
    url: str | None


def _page_meta(doc) -> PageMeta:
    return PageMeta(
        title=doc.title,
        byline=_byline(doc.author),
        section=(doc.categories or [None])[0],
        tags=tuple(t for t in (doc.tags or []) if t),
        standfirst=doc.description,
        published=parse_date_value(doc.date),
        url=doc.url,
    )


def _byline(author: str | None) -> str | None:
    if not author:
        return None
    cues = metadata_cues()
    return cues.staff_byline if author.strip().casefold() in cues.staff_aliases else author.strip()


def _dateline(blocks: list[Block]) -> date | None:
    for block in blocks[:DATELINE_BLOCKS]:
        found = dateline_date(block.text)
        if found is not None:
            return found
    return None


def _searched_date(html: str) -> date | None:
    found = htmldate.find_date(html, extensive_search=True, original_date=True, outputformat="%Y-%m-%d")
    return parse_date_value(found)


def publication_date(html: str, blocks: list[Block], meta: PageMeta) -> date | None:
    """A dateline opening the body, else the page's markup date, else htmldate's search of the page."""
    return _dateline(blocks) or meta.published or _searched_date(html)


def read_html(html: str, url: str | None = None) -> tuple[list[Block], PageMeta]:
    """Body blocks and metadata of an HTML page (a decoded string); raise RejectedInput when
    no article text is found."""
    html = _XML_DECLARATION.sub("", html, count=1)
    if not html.strip():
        raise RejectedInput("empty: the page holds no HTML")
    doc = trafilatura.bare_extraction(html, url=url, **EXTRACT_OPTIONS)
    if doc is None or doc.body is None:
        if _WHOLE_DOCUMENT.search(html):
            raise RejectedInput("no article text found in the page; is it an index, login or error page?")
        return fragment_blocks(html), PageMeta(None, None, None, (), None, None, None)
    meta = _page_meta(doc)
    blocks = extracted_blocks(doc.body)
    if blocks and meta.title and " ".join(blocks[0].text.split()) == " ".join(meta.title.split()):
        blocks = blocks[1:]  # the page's <h1> repeats the title, which is not body
    return recover_headings(html, blocks, meta.title or ""), meta


def parse_html(source: Source, settings: Settings, *, charset: str | None = None) -> Article:
    """An HTML page (bytes in ``source.data``; ``charset`` from the HTTP header if any) as an Article."""
    html = decode_bytes(source.data, charset, locator=source.locator)
    blocks, meta = read_html(html, source.url)
    text, headings = assemble(blocks)
    published = publication_date(html, blocks, meta) or source.published_hint
    return build_article(
        title=meta.title or source.title_hint,
        text=text,
        kind=SourceKind.HTML,
        locator=source.locator,
        settings=settings,
        url=source.url or meta.url,
        published=published,
        byline=meta.byline,
        section=meta.section,
        tags=meta.tags,
        standfirst=meta.standfirst,
        headings=headings,
    )
