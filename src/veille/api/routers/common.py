"""What the routers share: resolving actor parameters, the event filters as query parameters."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from veille.api.state import app_state, store_of
from veille.errors import RejectedInput
from veille.model import EventType, QuadClass, Status
from veille.queries import ActorSelector, EventFilters, Resolution, best_actor, parse_key, resolution

ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
ACTOR_HELP = "an actor: a name or alias (Russie, junte malienne, Moscou) or a code (RUS, MLI:GOV+MIL, org:CNSP)"
MEMBERS_HELP = "include the actors' members (a country's army and government, an organisation's country sectors)"


def json_of(model: BaseModel | list[BaseModel]) -> Response:
    """The model as a JSON response, serialised once by pydantic (the route's response_model still
    documents it in /openapi.json; returning a Response skips a second validation)."""
    if isinstance(model, list):
        body = "[" + ",".join(m.model_dump_json() for m in model) + "]"
    else:
        body = model.model_dump_json()
    return Response(body, media_type="application/json")


def selector_or_404(request: Request, text: str) -> ActorSelector:
    try:
        return best_actor(store_of(request), text, app_state(request).kb())
    except RejectedInput as exc:
        raise HTTPException(404, exc.reason) from None


@dataclass
class EventQuery:
    """The event filters as query parameters (shared by /api/events, /api/map and the pages)."""

    source: Annotated[str | None, Query(description=ACTOR_HELP)] = None
    target: Annotated[str | None, Query(description=ACTOR_HELP)] = None
    actor: Annotated[str | None, Query(description="either side: " + ACTOR_HELP)] = None
    members: Annotated[bool, Query(description=MEMBERS_HELP)] = True
    type: Annotated[list[EventType] | None, Query(description="PLOVER event types (repeat for several)")] = None
    quad: Annotated[list[QuadClass] | None, Query(description="quad classes (repeat for several)")] = None
    mode: Annotated[list[str] | None, Query(description="PLOVER modes, e.g. visit, seize")] = None
    status: Annotated[list[Status] | None, Query(description="claim statuses (repeat for several)")] = None
    date_from: Annotated[str | None, Query(alias="from", pattern=ISO_DATE, description="ISO date, any precision")] = None
    date_to: Annotated[str | None, Query(alias="to", pattern=ISO_DATE, description="ISO date, any precision")] = None
    place: Annotated[str | None, Query(max_length=200, description="place name (prefix) or country code")] = None
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="source or target country")] = None
    q: Annotated[str | None, Query(max_length=500, description="words of the evidence sentence")] = None
    doc_id: Annotated[str | None, Query(max_length=500)] = None

    def resolutions(self, request: Request) -> list[tuple[str, Resolution]]:
        """For the pages: how each actor name typed in the form was resolved, with the alternatives
        (codes such as RUS or kb:org:CNSP say it already)."""
        store, kb = store_of(request), app_state(request).kb()
        found = []
        for field in ("actor", "source", "target"):
            text = getattr(self, field)
            if text and parse_key(text) is None:
                try:
                    found.append((field, resolution(store, text, kb)))
                except RejectedInput:
                    pass
        return found

    def filters(self, request: Request) -> EventFilters:
        def resolve(text):
            return selector_or_404(request, text) if text else None

        return EventFilters(
            source=resolve(self.source), target=resolve(self.target), actor=resolve(self.actor),
            members=self.members, types=tuple(self.type or ()), quads=tuple(self.quad or ()),
            modes=tuple(self.mode or ()), statuses=tuple(self.status or ()), date_from=self.date_from,
            date_to=self.date_to, place=self.place or None, country=self.country or None, text=self.q or None,
            doc_id=self.doc_id or None)
