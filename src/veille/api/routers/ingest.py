"""Writing through the API: ingest a URL or a text (off unless the server was started with a token)."""
from __future__ import annotations

import io

from fastapi import APIRouter, Depends, Request

from veille.api.security import require_token
from veille.api.state import app_state, store_of
from veille.pipeline import run_ingest
from veille.queries.jsonable import article_link
from veille.queries.shapes import IngestIn, IngestOut, RejectionOut

router = APIRouter(prefix="/api", tags=["ingest"])


@router.post("/ingest", response_model=IngestOut, dependencies=[Depends(require_token)],
             summary="Ingest a URL or a text (needs the server's token)",
             responses={401: {"description": "missing or wrong token"},
                        403: {"description": "writing is off (server started without --token)"}})
def ingest(request: Request, body: IngestIn) -> IngestOut:
    """Fetches the URL (or reads the text), stores the article, links duplicates and analyses it.
    Send ``Authorization: Bearer TOKEN``."""
    state = app_state(request)
    if body.url is not None:
        specs, stdin = [str(body.url)], None
    else:
        text = f"{body.title.strip()}\n\n{body.text}" if body.title else body.text
        specs, stdin = ["-"], io.BytesIO(text.encode("utf-8"))
    with state.ingest_lock:
        summary = run_ingest(specs, state.settings, analyzer=state.analyzer(), stdin=stdin)
    doc_ids = [r[0] for r in store_of(request).execute(
        "SELECT doc_id FROM articles WHERE run_id = ? ORDER BY id", (summary.run_id,))]
    return IngestOut(run_id=summary.run_id, ingested=summary.ingested, analysed=summary.analysed,
                     duplicates_exact=summary.duplicates_exact, duplicates_near=summary.duplicates_near,
                     already_stored=summary.already_stored, doc_ids=doc_ids,
                     rejected=[RejectionOut(locator=r.locator, stage=r.stage, reason=r.reason)
                               for r in summary.rejected],
                     links=[article_link(d) for d in doc_ids])
