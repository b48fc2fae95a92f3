"""The JSON Lines export (spec/export-format.md), streamed in chunks."""
from __future__ import annotations

import io
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from veille.api.state import StoreProvider, app_state
from veille.store.export import export_jsonl

router = APIRouter(prefix="/api", tags=["export"])
CHUNK = 200


@router.get("/export.jsonl", summary="Every article with its analysis, one JSON object per line",
            response_class=StreamingResponse,
            responses={200: {"content": {"application/x-ndjson": {}},
                             "description": "JSON Lines, the format of spec/export-format.md"}})
def export(request: Request,
           doc_id: Annotated[list[str] | None, Query(description="only these articles (repeat)")] = None,
           ) -> StreamingResponse:
    """Streams the whole store (or the given articles) without holding it in memory."""
    stores = app_state(request).stores
    headers = {"Content-Disposition": 'attachment; filename="veille-export.jsonl"'}
    return StreamingResponse(_lines(stores, doc_id), media_type="application/x-ndjson", headers=headers)


async def _lines(stores: StoreProvider, doc_ids: list[str] | None) -> AsyncIterator[str]:
    """One chunk per worker-thread call: each call reads with that thread's own connection."""
    if doc_ids:
        for start in range(0, len(doc_ids), CHUNK):
            yield await run_in_threadpool(_chunk_of, stores, doc_ids[start:start + CHUNK])
        return
    after = 0
    while True:
        ids, after = await run_in_threadpool(_next_ids, stores, after)
        if not ids:
            return
        yield await run_in_threadpool(_chunk_of, stores, ids)


def _next_ids(stores: StoreProvider, after: int) -> tuple[list[str], int]:
    rows = stores.get().execute("SELECT id, doc_id FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                                (after, CHUNK)).fetchall()
    return [r["doc_id"] for r in rows], (rows[-1]["id"] if rows else after)


def _chunk_of(stores: StoreProvider, doc_ids: list[str]) -> str:
    out = io.StringIO()
    export_jsonl(stores.get(), out, doc_ids)
    return out.getvalue()
