"""Store counts and a health check."""
from __future__ import annotations

from fastapi import APIRouter, Request

from veille import __version__
from veille.api.state import app_state, store_of

router = APIRouter(prefix="/api", tags=["store"])


@router.get("/stats", summary="Counts over the whole store")
def stats(request: Request) -> dict:
    """Articles, languages, duplicates, analysed, events by type and status, quotes, rejections."""
    return store_of(request).stats()


@router.get("/health", summary="Is the server up, which store, can it write")
def health(request: Request) -> dict:
    state = app_state(request)
    store_of(request).execute("SELECT 1").fetchone()
    return {"status": "ok", "version": __version__, "store": str(state.settings.db_path),
            "writable": state.writable}
