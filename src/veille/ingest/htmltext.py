"""Paragraph blocks out of HTML: trafilatura's extracted body tree, plain fragments (feed
content), and the sub-headings trafilatura leaves out of pages with no article container."""
from __future__ import annotations

import re

import lxml.html
from lxml import etree

from veille.ingest.article import Block, strip_invisible

HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")
_BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "blockquote", "pre", "table", "tr", "section", "article",
               "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "figcaption", "header", "footer"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "iframe", "object"}
_OUTSIDE_ARTICLE = {"nav", "footer", "aside", "form", "header", "menu"}
_HAS_HEADING = re.compile(r"<h[2-6][\s>]", re.IGNORECASE)
_SPACES = re.compile(r"[^\S\n]+")
_NEWLINES = re.compile(r"\s*\n\s*")
MATCH_PREFIX = 60  # a paragraph of the page is matched to an extracted block by this many characters


def clean_text(text: str) -> str:
    """Text of an HTML block as read: invisible characters dropped, white space runs collapsed,
    explicit line breaks kept as single newlines."""
    text = _SPACES.sub(" ", strip_invisible(text))
    return _NEWLINES.sub("\n", text).strip() if "\n" in text else text.strip()


def _key(text: str) -> str:
    return " ".join(strip_invisible(text).split())[:MATCH_PREFIX]


def _element_text(element) -> str:
    if len(element):  # inline children: line breaks become newlines
        for br in element.iter("lb"):
            br.text = "\n"
    return clean_text("".join(element.itertext()))


def extracted_blocks(body) -> list[Block]:
    """Blocks from trafilatura's body tree (<p>, <head>, <list>/<item>, <table>/<row>/<cell>, <quote>…)."""
    blocks: list[Block] = []
    for child in body:
        if child.tag == "list":
            blocks.extend(Block(t) for t in (_element_text(i) for i in child.iter("item")) if t)
        elif child.tag == "table":
            for row in child.iter("row"):
                cells = [_element_text(c) for c in row.iter("cell")]
                if any(cells):
                    blocks.append(Block(" | ".join(c for c in cells if c)))
        elif child.tag != "graphic":
            text = _element_text(child)
            if text:
                blocks.append(Block(text, heading=child.tag == "head"))
    return blocks


def _outside_article(element) -> bool:
    return any(a.tag in _OUTSIDE_ARTICLE for a in element.iterancestors())


def _heading_inserts(tree, blocks: list[Block], title: str) -> dict[int, list[str]]:
    """Which page headings go before which extracted block: a heading is kept when the next
    paragraph of the page is one trafilatura kept."""
    position = {}
    for i, block in enumerate(blocks):
        position.setdefault(_key(block.text), i)
    seen = set(position) | {_key(title)}
    inserts: dict[int, list[str]] = {}
    pending: list[str] = []
    for element in tree.iter(*HEADING_TAGS, "p", "li", "blockquote"):
        text = clean_text(element.text_content())
        if not text:
            continue
        if element.tag in HEADING_TAGS:
            if _key(text) not in seen and not _outside_article(element):
                pending.append(text)
            continue
        if pending and _key(text) in position:
            inserts.setdefault(position[_key(text)], []).extend(pending)
            seen.update(_key(h) for h in pending)
        pending = []
    return inserts


def recover_headings(html: str, blocks: list[Block], title: str) -> list[Block]:
    """``blocks`` with the page's sub-headings (h2–h6) that trafilatura dropped put back in place."""
    if not blocks or not _HAS_HEADING.search(html):
        return blocks
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return blocks
    inserts = _heading_inserts(tree, blocks, title)
    if not inserts:
        return blocks
    out: list[Block] = []
    for i, block in enumerate(blocks):
        out.extend(Block(h, heading=True) for h in inserts.get(i, ()))
        out.append(block)
    return out


def fragment_blocks(fragment: str) -> list[Block]:
    """Blocks of an HTML fragment (feed summary or content, a page trafilatura cannot read)."""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError, AssertionError):  # lxml asserts "one body" on some broken markup
        return [Block(t) for t in (clean_text(p) for p in fragment.split("\n\n")) if t]
    blocks: list[Block] = []
    current: list[str] = []

    def flush(heading: bool = False) -> None:
        text = clean_text("".join(current))
        current.clear()
        if text:
            blocks.append(Block(text, heading=heading))

    def walk(element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIP_TAGS:
            current.append(element.tail or "")
            return
        if tag in _BLOCK_TAGS:
            flush()
        current.append("\n" if tag == "br" else (element.text or ""))
        for child in element:
            walk(child)
        if tag in _BLOCK_TAGS:
            flush(heading=tag in HEADING_TAGS)
        current.append(element.tail or "")

    walk(root)
    flush()
    return blocks
