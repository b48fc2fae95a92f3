"""Actor pages: lookup, profile (timeline, partners, network, quotes), and the whole network."""
from __future__ import annotations

from typing import Annotated
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from veille.api.pages.charts import timeline
from veille.api.pages.graph import layout
from veille.api.pages.render import page
from veille.api.routers.common import selector_or_404
from veille.api.state import app_state, store_of
from veille.errors import RejectedInput
from veille.queries import actor_profile, lookup_actors, network, parse_key, resolution
from veille.queries.jsonable import actor_link, dyad_link

router = APIRouter()


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, q: Annotated[str, Query(max_length=200)] = "") -> HTMLResponse:
    hits = lookup_actors(store_of(request), q, app_state(request).kb(), limit=60)
    return page(request, "actors.html", title="Actors", hits=hits, q=q)


@router.get("/actors/{actor}", response_class=HTMLResponse)
def actor(request: Request, actor: str, members: bool = True,
          asked: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    """``asked``: the name typed, when ``actor`` is the code it resolved to (the page says how)."""
    selector = selector_or_404(request, actor)
    if selector.key != actor:  # a name or alias: go to the page of its code (one URL per actor)
        params = {"asked": actor} | ({} if members else {"members": "false"})
        return RedirectResponse(f"{actor_link(selector)}?{urlencode(params)}", status_code=303)
    found = None
    if asked and parse_key(asked) is None:
        try:
            found = resolution(store_of(request), asked, app_state(request).kb())
        except RejectedInput:
            found = None
    store = store_of(request)
    profile = actor_profile(store, selector, members=members)
    chart = timeline([(m.month, m.as_source) for m in profile.by_month],
                     [(m.month, m.as_target) for m in profile.by_month],
                     upper_label="as source", lower_label="as target")
    graph = layout(network(store, selector, members=members, limit=12), centred=True)
    return page(request, "actor.html", title=profile.name, profile=profile, chart=chart, graph=graph,
                members=members, found=found)


@router.get("/compare", response_class=HTMLResponse)
def compare(request: Request, a: Annotated[str, Query(min_length=1)], b: Annotated[str, Query(min_length=1)],
            members: bool = True) -> RedirectResponse:
    """The form on an actor page: resolve both names, then go to their dyad."""
    first, second = selector_or_404(request, a), selector_or_404(request, b)
    asked = "".join(f"&asked_{side}={quote(text, safe='')}" for side, text, sel in (("a", a, first), ("b", b, second))
                    if text != sel.key)
    return RedirectResponse(dyad_link(first, second, members) + asked, status_code=303)


@router.get("/network", response_class=HTMLResponse)
def whole_network(request: Request, limit: Annotated[int, Query(ge=2, le=40)] = 16) -> HTMLResponse:
    graph = layout(network(store_of(request), limit=limit), centred=False)
    return page(request, "network.html", title="Network", graph=graph, limit=limit)
