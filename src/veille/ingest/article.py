"""From what a parser found to an Article: body assembly, ids, hash and language."""
from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from veille.config import Settings
from veille.errors import RejectedInput
from veille.ingest.dedup import INVISIBLE, content_hash
from veille.ingest.langid import detect_language
from veille.model import Article, Heading, SourceKind

PARAGRAPH_SEPARATOR = "\n\n"
# the same window as the time layer's (extract/timex/calendar.py): outside it, a publication date
# is kept as given but flagged, and the analysis ignores it
PUBLISHED_YEARS = (1800, 2200)
log = logging.getLogger(__name__)
TITLE_FALLBACK_CHARS = 120


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph (or sub-heading) of a body, in reading order."""

    text: str
    heading: bool = False


def assemble(blocks: Sequence[Block]) -> tuple[str, tuple[Heading, ...]]:
    """The body text (paragraphs separated by a blank line) and the offsets of its sub-headings."""
    parts: list[str] = []
    headings: list[Heading] = []
    offset = 0
    for block in blocks:
        if not block.text:
            continue
        if parts:
            offset += len(PARAGRAPH_SEPARATOR)
        if block.heading:
            headings.append(Heading(offset, offset + len(block.text)))
        parts.append(block.text)
        offset += len(block.text)
    return PARAGRAPH_SEPARATOR.join(parts), tuple(headings)


def strip_invisible(text: str) -> str:
    """Drop the invisible characters that page markup leaves inside words (soft hyphen,
    zero-width space, word joiner, BOM)."""
    return text if text.isascii() else INVISIBLE.sub("", text)


def fallback_title(text: str) -> str:
    """A title for an input that has none: its first line, cut at a word boundary."""
    first = text.strip().split("\n", 1)[0]
    if len(first) <= TITLE_FALLBACK_CHARS:
        return first
    return first[:TITLE_FALLBACK_CHARS].rsplit(" ", 1)[0] + "…"


def build_article(
    *,
    title: str | None,
    text: str,
    kind: SourceKind,
    locator: str,
    settings: Settings,
    doc_id: str | None = None,
    url: str | None = None,
    published: date | None = None,
    byline: str | None = None,
    section: str | None = None,
    tags: Sequence[str] = (),
    standfirst: str | None = None,
    headings: tuple[Heading, ...] = (),
) -> Article:
    """An Article with its content hash, id ("h-" + 16 hex digits of the hash unless one is
    given) and language; raise RejectedInput when there is no text or too much of it."""
    if not text.strip():
        raise RejectedInput("no article text found; is it an index, login or error page?")
    if len(text) > settings.max_text_chars:
        raise RejectedInput(
            f"text too long: {len(text):,} characters > max_text_chars {settings.max_text_chars:,}; split the document"
        )
    title = " ".join((title or "").split()) or fallback_title(text)
    digest = content_hash(text)
    if published is not None and not PUBLISHED_YEARS[0] <= published.year <= PUBLISHED_YEARS[1]:
        log.warning("%s: publication date %s is outside %d-%d; it is kept but ignored for dates and roles",
                    locator, published.isoformat(), *PUBLISHED_YEARS)
    return Article(
        doc_id=doc_id or f"h-{digest[:16]}",
        title=title,
        text=text,
        content_hash=digest,
        source_kind=kind,
        locator=locator,
        url=url,
        published=published,
        language=detect_language(f"{title}\n{text}", settings.languages),
        byline=byline or None,
        section=section or None,
        tags=tuple(tags),
        standfirst=standfirst or None,
        headings=headings,
    )
