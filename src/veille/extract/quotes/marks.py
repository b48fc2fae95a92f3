"""Quoted segments of a text: what stands between quotation marks, as character offsets.

French quotes are « ... »; English curly “ ... ”, straight "..." (or ''...'') and single ‹ ... ›
also occur.
Only top-level segments are returned (a “ ” inside « » belongs to its outer quote). A « left
open at the end of a paragraph continues when the next paragraph opens with « again (the
French convention for a quote over several paragraphs); otherwise it ends with its paragraph.

A straight " has no direction of its own: its neighbours give it one (after a space and before
a word it opens, after a word and before a space or punctuation it closes), so that a quote
nested in another ("il criait "non" en partant") stays inside it and a stray mark left open
does not turn every later quote of the paragraph inside out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

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
    """Top-level quoted segments; two apostrophes ('') stand for a straight double quote."""
    segments = _find_segments(text.replace("''", '" '))
    return [_doubled(text, seg) for seg in segments]


def _doubled(text: str, seg: QuotedSegment) -> QuotedSegment:
    """A segment between '' marks: its closing mark is two characters wide."""
    if text[seg.open_at] == "'" and seg.closed and text[seg.close_end:seg.close_end + 1] == "'":
        return replace(seg, close_end=seg.close_end + 1)
    return seg


def _find_segments(text: str) -> list[QuotedSegment]:
    segments: list[QuotedSegment] = []
    straight = straight_pairs(text)
    i = 0
    while i < len(text):
        mark = text[i]
        if mark not in PAIRS:
            i += 1
            continue
        close, closed = (straight.get(i), True) if mark == '"' else _find_close(text, i, mark)
        if close is None:  # a lone straight quote: not a quotation
            i += 1
            continue
        seg = _segment(text, i, close, closed)
        if seg is not None:
            segments.append(seg)
        i = seg.close_end if seg is not None else close + 1
    return segments


OPENS_AFTER = frozenset(SPACES + "\n([{—–-/:;,")
CLOSES_BEFORE = frozenset(SPACES + "\n.,;:!?)]}…—–-'’»")


def _direction(text: str, i: int) -> str:
    """"open", "close" or "either" for the straight quote at i, from its neighbours."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens = before in OPENS_AFTER and after not in SPACES and after != "\n"
    closes = before not in SPACES and before != "\n" and (after in CLOSES_BEFORE or after == '"')
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def straight_pairs(text: str) -> dict[int, int]:
    """Opening index -> closing index of the outermost straight-quote pairs, paragraph by
    paragraph. Nested pairs close from the inside out; an opening mark that nothing closes is
    dropped and the paragraph paired again without it."""
    pairs: dict[int, int] = {}
    start = 0
    for end in [*(k for k, c in enumerate(text) if c == "\n"), len(text)]:
        marks = [k for k in range(start, end) if text[k] == '"']
        start = end + 1
        while marks:
            found, stray = _pair_marks(text, marks)
            if stray is None:
                pairs.update(found)
                break
            marks.remove(stray)
    return pairs


def _pair_marks(text: str, marks: list[int]) -> tuple[dict[int, int], int | None]:
    """Outermost pairs of these marks and the first opening left unclosed (None when all close)."""
    stack: list[int] = []
    pairs: dict[int, int] = {}
    for k in marks:
        direction = _direction(text, k)
        if direction == "open" or direction == "either" and not stack:
            stack.append(k)
        elif stack:
            opened = stack.pop()
            if not stack:
                pairs[opened] = k
    return pairs, (stack[0] if stack else None)


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
