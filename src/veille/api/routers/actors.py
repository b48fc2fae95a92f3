"""Actors: lookup by alias, profiles, and the network of who acts on whom."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from veille.api.routers.common import ACTOR_HELP, MEMBERS_HELP, json_of, selector_or_404
from veille.api.state import app_state, store_of
from veille.queries import jsonable as convert
from veille.queries import actor_profile, lookup_actors, network
from veille.queries.shapes import ActorListOut, NetworkOut, ProfileOut

router = APIRouter(prefix="/api", tags=["actors"])


@router.get("/actors", response_model=ActorListOut, summary="Find actors by any alias")
def actors(request: Request,
           q: Annotated[str | None, Query(max_length=200, description="a name or alias; empty: the most active")] = None,
           limit: Annotated[int, Query(ge=1, le=200)] = 20) -> ActorListOut:
    """Knowledge-base entries first ("junte malienne" → CNSP, "Moscou" → Russia), then the store's actors."""
    hits = lookup_actors(store_of(request), q or "", app_state(request).kb(), limit=limit)
    return json_of(ActorListOut(query=q, items=[convert.actor_hit(h) for h in hits]))


@router.get("/actors/{actor}", response_model=ProfileOut, summary="An actor's profile",
            responses={404: {"description": "no actor matches"}})
def profile(request: Request, actor: str, members: Annotated[bool, Query(description=MEMBERS_HELP)] = True,
            partners: Annotated[int, Query(ge=1, le=100)] = 15,
            quotes: Annotated[int, Query(ge=0, le=200, description="at most this many quotes by it, and about it")] = 20
            ) -> ProfileOut:
    """Its events as source and as target (by type, by month), its top partners, quotes by and about it.
    ``actor`` is a name, an alias or a code (RUS, MLI:GOV+MIL, org:CNSP, kb:<id>)."""
    selector = selector_or_404(request, actor)
    return json_of(convert.profile(actor_profile(store_of(request), selector, members=members, partners=partners,
                                                 quotes=quotes)))


@router.get("/network", response_model=NetworkOut, summary="Who acts on whom")
def graph(request: Request, actor: Annotated[str | None, Query(description=ACTOR_HELP)] = None,
          members: Annotated[bool, Query(description=MEMBERS_HELP)] = True,
          limit: Annotated[int, Query(ge=2, le=60)] = 12) -> NetworkOut:
    """The most active actors and the events between them (around ``actor`` when given)."""
    center = selector_or_404(request, actor) if actor else None
    found = network(store_of(request), center, members=members, limit=limit)
    return json_of(NetworkOut(nodes=[convert.actor_hit(n) for n in found.nodes],
                              edges=[convert.edge(e) for e in found.edges]))
