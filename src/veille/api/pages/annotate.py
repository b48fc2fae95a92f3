"""Article text with overlapping annotations (events, quotes, entity mentions, time expressions) as
properly nested elements for a template.

Annotations may overlap in any way. The text is cut at every annotation boundary;
each piece is wrapped in the annotations covering it, always nested in the same
global order, so an annotation that crosses another is split into fragments
(the first fragment carries the anchor id, every fragment the same ``ref``).
The template escapes every piece of text: nothing here builds HTML.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

LAYERS = {"event": 0, "quote": 1, "mention": 2, "timex": 3}


@dataclass(frozen=True, slots=True)
class Annotation:
    start: int
    end: int
    layer: str                     # event | quote | mention | timex
    ref: str                       # "ev-3", "q-0", "m-e1-2", "t-1"
    attrs: dict = field(default_factory=dict, hash=False, compare=False)

    def order(self) -> tuple:
        return (self.start, -self.end, LAYERS[self.layer], self.ref)


@dataclass(frozen=True, slots=True)
class Piece:
    """One step of the output: ``open`` (with ``first`` for the first fragment), ``close``, ``text``,
    or ``end`` (right after an annotation's last fragment, where an event puts its badge)."""

    kind: str
    text: str = ""
    annotation: Annotation | None = None
    first: bool = False


def pieces(text: str, annotations: Iterable[Annotation]) -> list[Piece]:
    valid = sorted((t for a in annotations if (t := _trimmed(text, a))), key=Annotation.order)
    cuts = sorted({0, len(text)} | {a.start for a in valid} | {a.end for a in valid})
    out: list[Piece] = []
    stack: list[Annotation] = []
    opened: set[str] = set()
    for left, right in zip(cuts, cuts[1:]):
        active = [a for a in valid if a.start <= left and a.end >= right]
        _move(out, stack, active, opened, at=left)
        stack = active
        out.append(Piece("text", text[left:right]))
    _move(out, stack, [], opened, at=len(text))
    return out


def _trimmed(text: str, a: Annotation) -> Annotation | None:
    """The annotation without leading or trailing white space (a badge stays next to the words);
    None when it is empty or outside the text."""
    if not 0 <= a.start < a.end <= len(text):
        return None
    inner = text[a.start:a.end]
    start = a.start + len(inner) - len(inner.lstrip())
    end = a.start + len(inner.rstrip())
    if start >= end:
        return None
    return a if (start, end) == (a.start, a.end) else Annotation(start, end, a.layer, a.ref, a.attrs)


def _move(out: list[Piece], stack: Sequence[Annotation], active: Sequence[Annotation], opened: set[str],
          *, at: int) -> None:
    """Close what must close (in reverse), mark the annotations that end here, open the new ones."""
    keep = 0
    while keep < min(len(stack), len(active)) and stack[keep] is active[keep]:
        keep += 1
    for annotation in reversed(stack[keep:]):
        out.append(Piece("close", annotation=annotation))
    for annotation in stack[keep:]:
        if annotation.end == at:
            out.append(Piece("end", annotation=annotation))
    for annotation in active[keep:]:
        out.append(Piece("open", annotation=annotation, first=annotation.ref not in opened))
        opened.add(annotation.ref)
