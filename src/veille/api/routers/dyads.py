"""Dyads: everything between two actors, answer first, then the evidence."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from veille.api.routers.common import ACTOR_HELP, MEMBERS_HELP, json_of, selector_or_404
from veille.api.state import app_state, store_of
from veille.model import Status
from veille.queries import jsonable as convert
from veille.queries import dyad, resolution
from veille.queries.shapes import DyadOut

router = APIRouter(prefix="/api", tags=["dyads"])


@router.get("/dyads", response_model=DyadOut, summary="Events between two actors",
            responses={404: {"description": "an actor matches nothing"}})
def dyads(request: Request, a: Annotated[str, Query(min_length=1, description=ACTOR_HELP)],
          b: Annotated[str, Query(min_length=1, description=ACTOR_HELP)],
          members: Annotated[bool, Query(description=MEMBERS_HELP)] = True,
          evidence_limit: Annotated[int, Query(ge=0, le=5000, description="evidence rows in this answer")] = 100,
          evidence_offset: Annotated[int, Query(ge=0, description="skip this many evidence rows")] = 0,
          status: Annotated[list[Status] | None, Query(description="evidence of these statuses only "
                                                                   "(the answer counts everything)")] = None,
          explain: Annotated[bool, Query(description="say how each name was resolved, with the other "
                                                     "candidates (slower)")] = False,
          ) -> DyadOut:
    """Both directions, by PLOVER type and quad class, split by status, with distinct articles,
    independent sources (copies count once), first and last dates, and the evidence sentences
    (oldest first; ``evidence_total`` counts them all: page with ``evidence_offset``)."""
    first, second = selector_or_404(request, a), selector_or_404(request, b)
    answer = dyad(store_of(request), first, second, members=members, evidence_limit=evidence_limit,
                  evidence_offset=evidence_offset, evidence_statuses=tuple(status or ()))
    body = convert.dyad(answer)
    if explain:
        store, kb = store_of(request), app_state(request).kb()
        body.resolved = [convert.resolution(resolution(store, text, kb)) for text in (a, b)]
    return json_of(body)
