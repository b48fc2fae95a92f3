"""Event search (filters, stable pages) and the map of event places."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request

from veille.api.routers.common import EventQuery, json_of
from veille.api.state import store_of
from veille.queries import jsonable as convert
from veille.queries import map_points, search_events
from veille.queries.shapes import EventPageOut, MapPointOut

router = APIRouter(prefix="/api", tags=["events"])

Sort = Literal["-date", "date", "-confidence", "confidence"]


@router.get("/events", response_model=EventPageOut, summary="Search events")
def events(request: Request, query: Annotated[EventQuery, Depends()],
           limit: Annotated[int, Query(ge=1, le=500)] = 50, offset: Annotated[int, Query(ge=0)] = 0,
           sort: Annotated[Sort, Query(description="date or confidence; '-' for descending")] = "-date",
           ) -> EventPageOut:
    """Every filter is optional and they combine with AND. Pages are stable (the event id breaks ties):
    follow ``next_offset`` until it is null."""
    page = search_events(store_of(request), query.filters(request), limit=limit, offset=offset, sort=sort)
    return json_of(convert.event_page(page))


@router.get("/map", response_model=list[MapPointOut], summary="Event places with coordinates")
def places(request: Request, query: Annotated[EventQuery, Depends()],
           limit: Annotated[int, Query(ge=1, le=2000)] = 500) -> list[MapPointOut]:
    """The places of the events matching the filters, with counts by status."""
    return json_of([convert.map_point(p) for p in map_points(store_of(request), query.filters(request), limit=limit)])
