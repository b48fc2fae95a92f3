"""Quoted segments of a text: what stands between quotation marks, as character offsets.

French quotes are « ... »; English curly “ ... ”, straight "..." and single ‹ ... › also occur.
Only top-level segments are returned (a “ ” inside « » belongs to its outer quote). A « left
open at the end of a paragraph continues when the next paragraph opens with « again (the
French convention for a quote over several paragraphs); otherwise it ends with its paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

WORD = re.compile(r"\w+")
PAIRS = {"«": "»", "“": "”", "‹": "›", '"': '"'}
SPACES = " \t\u00a0\u202f\u2009"


@dataclass(frozen=True, slots=True)
class QuotedSegment:
    """Inner text [start, end) without marks or padding; the marks span [open_at, close_end)."""

    start: int
    end: int
    open_at: int
    close_end: int
    closed: bool = True  # False when the paragraph ended before a closing mark
    words: int = 0  # number of words inside
    ends_sentence: bool = False  # the inner text ends with . ! ? or …: « ... pleuré. »

    def contains(self, offset: int) -> bool:
        return self.open_at <= offset < self.close_end


def find_quoted_segments(text: str) -> list[QuotedSegment]:
    segments: list[QuotedSegment] = []
    i = 0
    while i < len(text):
        mark = text[i]
        if mark not in PAIRS:
            i += 1
            continue
        close, closed = _find_close(text, i, mark)
        if close is None:  # a lone straight quote: not a quotation
            i += 1
            continue
        seg = _segment(text, i, close, closed)
        if seg is not None:
            segments.append(seg)
        i = seg.close_end if seg is not None else close + 1
    return segments


def _find_close(text: str, open_at: int, mark: str) -> tuple[int | None, bool]:
    """Index of the closing mark (or of the paragraph end when unclosed, with closed=False)."""
    closing = PAIRS[mark]
    depth = 0
    j = open_at + 1
    while j < len(text):
        c = text[j]
        if c == closing and depth == 0:
            return j, True
        if c == closing:
            depth -= 1
        elif c == mark and mark != closing:
            depth += 1
        elif c == "\n":
            if mark == '"':
                return None, False
            nxt = _next_paragraph_start(text, j)
            if mark == "«" and nxt is not None and text[nxt] == "«":
                j = nxt + 1  # the quote goes on in the next paragraph
                continue
            return j, False
        j += 1
    return (None, False) if mark == '"' else (len(text), False)


def _next_paragraph_start(text: str, newline: int) -> int | None:
    k = newline
    while k < len(text) and (text[k] == "\n" or text[k] in SPACES):
        k += 1
    return k if k < len(text) else None


def _segment(text: str, open_at: int, close: int, closed: bool) -> QuotedSegment | None:
    start, end = open_at + 1, close
    while start < end and (text[start] in SPACES or text[start] == "\n"):
        start += 1
    while end > start and (text[end - 1] in SPACES or text[end - 1] == "\n"):
        end -= 1
    if start >= end:
        return None
    close_end = close + 1 if closed else close
    return QuotedSegment(start=start, end=end, open_at=open_at, close_end=close_end, closed=closed,
                         words=len(WORD.findall(text, start, end)), ends_sentence=text[end - 1] in ".!?…")
