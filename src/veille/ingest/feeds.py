"""RSS and Atom feeds: each item is an article. An item that carries only a short summary has
its linked page fetched and read as HTML; when that fails the summary article is kept."""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

import feedparser

from veille.config import Settings
from veille.errors import RejectedInput, unexpected
from veille.ingest.article import assemble, build_article
from veille.ingest.decode import bom_encoding, utf16_without_bom
from veille.ingest.detect import detect_kind
from veille.ingest.fetch import Fetcher
from veille.ingest.html import parse_html
from veille.ingest.htmltext import fragment_blocks
from veille.model import Article, Rejection, Source, SourceKind

STAGE = "ingest"
FULL_TEXT_CHARS = 1000  # an item with less text than this is a teaser: its page is fetched
log = logging.getLogger(__name__)
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")
_REPLACEMENT_REF = b"&#xFFFD;"
_XML_DECLARED = re.compile(r"""^(\s*<\?xml[^>]*encoding\s*=\s*["'])[^"']*""")


@dataclass(frozen=True, slots=True)
class FeedItem:
    number: int
    title: str | None
    link: str | None
    published: date | None
    summary: str  # HTML or plain text, as the feed gives it
    content: str


def _date(entry) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    try:
        return date(*parsed[:3]) if parsed else None
    except (TypeError, ValueError):
        return None


def _valid_ref(m: re.Match[bytes]) -> bytes:
    hexa, decimal = m.groups()
    digits = hexa or decimal
    if len(digits.lstrip(b"0")) > 7:
        return _REPLACEMENT_REF
    code = int(digits, 16) if hexa else int(digits)
    return m.group() if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else _REPLACEMENT_REF


def valid_char_refs(data: bytes) -> bytes:
    """``data`` with each character reference beyond Unicode ("&#1114112;", "&#99999999999;") or to a
    surrogate replaced by U+FFFD: feedparser raises on them instead of reporting a malformed feed."""
    return _CHAR_REF.sub(_valid_ref, data) if b"&#" in data else data


def utf8_feed(data: bytes) -> bytes:
    """A UTF-16 or UTF-32 feed (with or without a BOM) as UTF-8, its declaration saying so: the
    character references are then checked on the bytes feedparser reads."""
    encoding = bom_encoding(data) or utf16_without_bom(data)
    if encoding is None or not encoding.startswith(("utf-16", "utf-32")):
        return data
    text = data.decode(encoding, errors="replace").lstrip("\ufeff")
    return _XML_DECLARED.sub(r"\1utf-8", text, count=1).encode("utf-8")


def parse_feed(data: bytes) -> list[FeedItem]:
    """The items of an RSS/Atom document; raise RejectedInput for a malformed or empty feed."""
    try:
        parsed = feedparser.parse(valid_char_refs(utf8_feed(data)))
    except (ValueError, OverflowError) as exc:  # feedparser on a reference it cannot convert
        raise RejectedInput(f"malformed feed ({type(exc).__name__}: {exc}); check it with a feed validator") from None
    if not parsed.entries:
        if parsed.bozo:
            raise RejectedInput(f"malformed feed ({parsed.get('bozo_exception')}); check it with a feed validator")
        raise RejectedInput("the feed has no items")
    return [
        FeedItem(
            number=n,
            title=entry.get("title"),
            link=entry.get("link"),
            published=_date(entry),
            summary=entry.get("summary") or "",
            content="\n".join(c.get("value", "") for c in entry.get("content") or []),
        )
        for n, entry in enumerate(parsed.entries, 1)
    ]


def item_article(item: FeedItem, locator: str, settings: Settings) -> Article:
    """An article from the item's own text (content, else summary); raise RejectedInput when it has none."""
    content, summary = fragment_blocks(item.content), fragment_blocks(item.summary)
    text, headings = assemble(content if sum(len(b.text) for b in content) >= sum(len(b.text) for b in summary) else summary)
    if not text:
        raise RejectedInput("feed item has no text" + ("" if item.link else " and no link"))
    return build_article(
        title=item.title, text=text, kind=SourceKind.FEED, locator=locator, settings=settings,
        url=item.link, published=item.published, headings=headings,
    )


def _linked_article(item: FeedItem, locator: str, settings: Settings, fetcher: Fetcher) -> Article:
    fetched = fetcher.fetch(item.link or "")
    page = Source(locator=locator, data=fetched.data, url=fetched.url, kind_hint=SourceKind.HTML,
                  published_hint=item.published, title_hint=item.title)
    if detect_kind(fetched.data) is not SourceKind.HTML:
        raise RejectedInput(f"the linked page {fetched.url} is not HTML")
    return replace(parse_html(page, settings, charset=fetched.charset), source_kind=SourceKind.FEED)


def _wants_page(item: FeedItem, own: Article | None, settings: Settings, fetcher: Fetcher | None) -> bool:
    short = own is None or len(own.text) < FULL_TEXT_CHARS
    return bool(short and item.link and fetcher is not None and settings.fetch.fetch_linked_pages)


def _item_result(item: FeedItem, locator: str, settings: Settings, fetcher: Fetcher | None) -> Article | Rejection:
    try:
        own: Article | None = item_article(item, locator, settings)
        own_problem = None
    except RejectedInput as exc:
        own, own_problem = None, exc.reason
    if _wants_page(item, own, settings, fetcher):
        try:
            page = _linked_article(item, locator, settings, fetcher)
        except RejectedInput as exc:
            if own is None:
                return Rejection(locator, STAGE, f"{own_problem}, and {exc.reason}")
            log.warning("%s: kept the feed summary, the linked page failed: %s", locator, exc.reason)
        else:
            if own is None:
                return page
            if len(page.text) > len(own.text):  # not a paywall or consent page shorter than the teaser
                return replace(page, standfirst=page.standfirst or own.text)
    return own if own is not None else Rejection(locator, STAGE, own_problem or "feed item has no text")


def iter_feed(source: Source, settings: Settings, fetcher: Fetcher | None = None) -> Iterator[Article | Rejection]:
    """Articles of a feed, in order; ``fetcher`` (None: never fetch) reads the pages of teaser items."""
    for item in parse_feed(source.data):
        locator = f"{source.locator}#item-{item.number}"
        try:
            yield _item_result(item, locator, settings, fetcher)
        except Exception as exc:  # noqa: BLE001 - one item's bug costs that item only
            log.debug("unexpected error on %s", locator, exc_info=True)
            yield Rejection(locator, STAGE, unexpected(exc))
