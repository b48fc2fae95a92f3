"""Event-data downloads: the store's events in the formats of the field (store/formats), streamed.

    GET /api/export/gdelt     GDELT 2.0 events, tab-separated (``?header=true`` adds column names)
    GET /api/export/acled     ACLED's columns, CSV
    GET /api/export/polecat   PLOVER JSON records, one per line
    GET /api/export/csv       every field flat, CSV
"""
from __future__ import annotations

import io
from collections.abc import AsyncIterator
from enum import Enum
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from veille.api.state import StoreProvider, app_state
from veille.store.formats import EVENT_FORMATS, EventFormat, event_format, iter_event_rows

router = APIRouter(prefix="/api", tags=["export"])
CHUNK = 200  # articles read per worker-thread call

EventFormatName = Enum("EventFormatName", {name: name for name in EVENT_FORMATS}, type=str)


@router.get("/export/{fmt}", summary="Every event in an event-data format (POLECAT, GDELT, ACLED, CSV)",
            response_class=StreamingResponse,
            responses={200: {"content": {"text/csv": {}, "text/tab-separated-values": {},
                                         "application/x-ndjson": {}},
                             "description": "one event per line; docs/exports.md documents every field"}})
def download(request: Request, fmt: EventFormatName,
             header: Annotated[bool, Query(description="gdelt only: start with a line of column names")] = False,
             ) -> StreamingResponse:
    """Streams the whole store's events without holding them in memory."""
    chosen = event_format(fmt.value, header=header)
    stores = app_state(request).stores
    headers = {"Content-Disposition": f'attachment; filename="veille-{chosen.name}.{chosen.extension}"'}
    return StreamingResponse(_lines(stores, chosen), media_type=chosen.media_type, headers=headers)


async def _lines(stores: StoreProvider, chosen: EventFormat) -> AsyncIterator[str]:
    """The header, then the events of CHUNK articles per worker-thread call (each thread its own store)."""
    first = chosen.header()
    if first:
        yield first
    after = 0
    while True:
        ids, after = await run_in_threadpool(_next_ids, stores, after)
        if not ids:
            return
        text = await run_in_threadpool(_chunk_of, stores, chosen, ids)
        if text:
            yield text


def _next_ids(stores: StoreProvider, after: int) -> tuple[list[str], int]:
    rows = stores.get().execute("SELECT id, doc_id FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                                (after, CHUNK)).fetchall()
    return [r["doc_id"] for r in rows], (rows[-1]["id"] if rows else after)


def _chunk_of(stores: StoreProvider, chosen: EventFormat, doc_ids: list[str]) -> str:
    out = io.StringIO()
    for line in chosen.lines(iter_event_rows(stores.get(), doc_ids)):
        out.write(line)
    return out.getvalue()
