"""The event-data exports: one event per line in the formats of the field.

    from veille.store.formats import export_events
    with Store.open("veille.db") as store, open("events.tsv", "w") as out:
        export_events(store, "gdelt", out)

``polecat`` (PLOVER JSON records), ``gdelt`` (GDELT 2.0 event table, tab-separated),
``acled`` (ACLED's columns, CSV) and ``csv`` (every field flat). All stream: memory stays flat
however large the store. docs/exports.md documents every field.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from veille.store.formats.acled import AcledEvents
from veille.store.formats.base import EventFormat, write_events
from veille.store.formats.csv_flat import FlatCsv
from veille.store.formats.gdelt import GdeltEvents
from veille.store.formats.polecat import PolecatEvents
from veille.store.formats.rows import EventRow, iter_event_rows

EVENT_FORMATS = ("polecat", "gdelt", "acled", "csv")


def event_format(name: str, *, header: bool = False) -> EventFormat:
    """The format called ``name``; ``header`` adds a header line to the GDELT file (which has none)."""
    if name == "polecat":
        return PolecatEvents()
    if name == "gdelt":
        return GdeltEvents(header=header)
    if name == "acled":
        return AcledEvents()
    if name == "csv":
        return FlatCsv()
    raise ValueError(f"unknown export format {name!r}; one of {', '.join(EVENT_FORMATS)}")


def export_events(store, name: str, out: TextIO, doc_ids: Iterable[str] | None = None, *,
                  header: bool = False) -> int:
    """Write the store's events in format ``name`` to ``out``; returns how many events were written."""
    return write_events(store, event_format(name, header=header), out, doc_ids)


__all__ = ["EVENT_FORMATS", "EventFormat", "EventRow", "event_format", "export_events", "iter_event_rows"]
