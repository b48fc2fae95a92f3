"""The dyad page: the answer first, then the timeline, the evidence with links, the sources."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from veille.api.pages.charts import timeline
from veille.api.pages.render import page
from veille.api.routers.common import selector_or_404
from veille.api.state import app_state, store_of
from veille.errors import RejectedInput
from veille.model import Status
from veille.queries import Resolution, dyad, parse_key, resolution
from veille.queries.jsonable import summary_text

router = APIRouter()
PAGE = 200


@router.get("/dyad", response_class=HTMLResponse)
def dyad_page(request: Request, a: Annotated[str, Query(min_length=1)], b: Annotated[str, Query(min_length=1)],
              members: bool = True, status: Annotated[list[Status] | None, Query()] = None,
              offset: Annotated[int, Query(ge=0)] = 0, asked_a: Annotated[str | None, Query(max_length=200)] = None,
              asked_b: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    """``status`` (repeatable) narrows the evidence table; the answer always counts everything.
    ``asked_a``/``asked_b``: the names the user typed, when ``a``/``b`` are their resolved codes."""
    first, second = selector_or_404(request, a), selector_or_404(request, b)
    store, kb = store_of(request), app_state(request).kb()
    resolved = [_resolution(store, asked or text, kb) for asked, text in ((asked_a, a), (asked_b, b))]
    answer = dyad(store, first, second, members=members, evidence_limit=PAGE, evidence_offset=offset,
                  evidence_statuses=tuple(status or ()))
    chart = timeline([(m.key, m.by_status) for m in answer.by_month])
    lines = [(line, summary_text(line, first, second)) for line in answer.by_type]
    return page(request, "dyad.html", title=f"{first.label} ↔ {second.label}", answer=answer, lines=lines,
                chart=chart, shown=answer.evidence, chosen=set(status or ()), members=members, offset=offset,
                limit=PAGE, resolved=resolved, asked=(asked_a or a, asked_b or b))


def _resolution(store, text: str, kb) -> Resolution | None:
    """How a typed name was resolved, with the alternatives; None for a code (RUS, kb:org:CNSP)."""
    if parse_key(text) is not None:
        return None
    try:
        return resolution(store, text, kb)
    except RejectedInput:
        return None
