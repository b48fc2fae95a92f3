"""Scraped plain text: title line, standfirst, metadata line, body with sub-headings, page furniture.

The layout is that of ../shared/corpus/seed/mali-russie-junte-2020-09-01.txt: blocks separated
by blank lines; the first line is the title; a block ending in "…" before the body is the
standfirst (it repeats the lead, so it is not body); a metadata line gives byline, section, date
and tags; the body ends where the comment form or share buttons begin (data/boilerplate.yaml).
Nothing inside a sentence is changed: downstream offsets index into the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from veille.config import Settings
from veille.errors import RejectedInput
from veille.ingest.article import Block, assemble, build_article
from veille.ingest.decode import decode_bytes
from veille.ingest.lexicon import boilerplate, cue_key
from veille.ingest.textmeta import MetaLine, parse_meta_line
from veille.model import Article, Source, SourceKind

HEADER_BLOCKS = 6  # title, standfirst and metadata are found among the first blocks only
MAX_TITLE = 300
MAX_STANDFIRST = 600
LEAD_REPEAT_CHARS = 60
MAX_HEADING_CHARS = 120
MAX_HEADING_WORDS = 16
MAX_QUESTION_HEADING_WORDS = 12
_ELLIPSIS = ("…", "...")
_SENTENCE_END = re.compile(r"[.!?…:;»\"”)\]]$")
_HEADING_BAD_END = re.compile(r"[.,;:…»\"”)\]\-–—]$")


@dataclass(slots=True)
class ScrapedText:
    """What the layout of a scraped text gives, before it becomes an Article."""

    title: str | None = None
    standfirst: str | None = None
    byline: str | None = None
    section: str | None = None
    published: date | None = None
    tags: tuple[str, ...] = ()
    body: list[Block] = field(default_factory=list)


def split_blocks(text: str) -> list[list[str]]:
    """Lines grouped into blocks at blank lines; lines are stripped of surrounding white space."""
    blocks: list[list[str]] = [[]]
    for line in text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n"):
        line = line.strip()
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _is_tail(line: str) -> bool:
    key = cue_key(line)
    cues = boilerplate()
    return key in cues.tail_exact or key.startswith(cues.tail_prefix)


def _is_dropped(line: str) -> bool:
    return cue_key(line).startswith(boilerplate().drop_prefix)


def _join_lines(lines: list[str]) -> str:
    """One paragraph from its lines: a hard wrap inside a sentence (no final punctuation, next
    line in lower case) becomes a space; any other line break is kept as a newline."""
    out = lines[0]
    for line in lines[1:]:
        wrapped = not _SENTENCE_END.search(out) and line[:1].islower()
        out += (" " if wrapped else "\n") + line
    return out


def is_heading(paragraph: str) -> bool:
    """A sub-heading: one short line that starts with a capital and has no final punctuation
    (a short question is allowed)."""
    if "\n" in paragraph or len(paragraph) > MAX_HEADING_CHARS or _HEADING_BAD_END.search(paragraph):
        return False
    words = len(paragraph.split())
    if paragraph.endswith(("?", "!")) and words > MAX_QUESTION_HEADING_WORDS:
        return False
    first = paragraph[0]
    return words <= MAX_HEADING_WORDS and (first.isupper() or first.isdigit() or first in "«\"“‘'")


def _merge_meta(doc: ScrapedText, meta: MetaLine) -> None:
    doc.byline = doc.byline or meta.byline
    doc.section = doc.section or meta.section
    doc.published = doc.published or meta.published
    if meta.tags is not None and not doc.tags:
        doc.tags = meta.tags


def _block_meta(block: list[str]) -> list[MetaLine] | None:
    metas = [parse_meta_line(line) for line in block]
    return metas if all(m is not None for m in metas) else None


def _read_header(doc: ScrapedText, blocks: list[list[str]]) -> int:
    """Fill title, standfirst and metadata from the first blocks; return where the body starts."""
    first = blocks[0]
    if len(blocks) > 1 and len(first[0]) <= MAX_TITLE:
        doc.title = first[0]
        blocks[0] = first[1:]
    start = 0 if blocks[0] else 1
    scan = range(start, min(len(blocks), start + HEADER_BLOCKS))
    meta_at = next((i for i in scan if _block_meta(blocks[i])), None)
    body = start
    if meta_at is not None and meta_at - start <= 1:  # at most a standfirst before the metadata
        before = ["\n".join(b) for b in blocks[start:meta_at]]
        doc.standfirst = "\n\n".join(before) or None
        body = meta_at
        while body < len(blocks) and (metas := _block_meta(blocks[body])):
            for meta in metas:
                _merge_meta(doc, meta)
            body += 1
    if body < len(blocks) - 1 and _is_standfirst(blocks[body], blocks[body + 1]):
        doc.standfirst = "\n\n".join(filter(None, [doc.standfirst, "\n".join(blocks[body])]))
        body += 1
    return body


def _is_standfirst(block: list[str], following: list[str]) -> bool:
    """A short block ending in "…" whose opening the next block repeats (the cut-off lead)."""
    text = "\n".join(block)
    if not text.endswith(_ELLIPSIS) or len(text) > MAX_STANDFIRST:
        return False
    stem = text.rstrip(".…").rsplit(" ", 1)[0]
    return "\n".join(following).startswith(stem[:LEAD_REPEAT_CHARS])


def _body_lines(doc: ScrapedText, block: list[str], in_body: bool) -> tuple[list[str], bool]:
    """The body lines of one block, and whether page furniture began in it (the body ends)."""
    lines: list[str] = []
    for line in block:
        if (in_body or lines) and _is_tail(line):
            return lines, True
        meta = parse_meta_line(line) if in_body else None
        if meta is not None and meta.tags is not None and not (meta.byline or meta.published):
            _merge_meta(doc, meta)  # "Étiquettes : Mali, Russie" after the body
        elif not _is_dropped(line):
            lines.append(line)
    return lines, False


def _read_body(doc: ScrapedText, blocks: list[list[str]]) -> None:
    paragraphs: list[str] = []
    for block in blocks:
        lines, ended = _body_lines(doc, block, in_body=bool(paragraphs))
        if lines:
            paragraphs.append(_join_lines(lines))
        if ended:
            break
    signature = parse_meta_line(paragraphs[-1]) if len(paragraphs) > 1 else None
    if signature is not None and signature.byline and not (signature.section or signature.tags):
        _merge_meta(doc, signature)  # "Par Jean Dupont" signing the article at the end
        paragraphs.pop()
    last = len(paragraphs) - 1
    doc.body = [Block(p, heading=i < last and is_heading(p)) for i, p in enumerate(paragraphs)]


def read_scraped_text(text: str) -> ScrapedText:
    """The parts of a scraped news text; raise RejectedInput when there is nothing to read."""
    blocks = split_blocks(text)
    if not blocks:
        raise RejectedInput("empty: the file holds no text")
    doc = ScrapedText()
    body_start = _read_header(doc, blocks)
    _read_body(doc, [b for b in blocks[body_start:] if b])
    if not doc.body:
        raise RejectedInput("no body text after the title and metadata lines")
    return doc


def parse_text(source: Source, settings: Settings) -> Article:
    """A scraped plain-text article (bytes in ``source.data``) as an Article."""
    doc = read_scraped_text(decode_bytes(source.data, locator=source.locator))
    text, headings = assemble(doc.body)
    return build_article(
        title=doc.title or source.title_hint,
        text=text,
        kind=SourceKind.TEXT,
        locator=source.locator,
        settings=settings,
        url=source.url,
        published=doc.published or source.published_hint,
        byline=doc.byline,
        section=doc.section,
        tags=doc.tags,
        standfirst=doc.standfirst,
        headings=headings,
    )
