"""The map of event places: country shapes shipped with veille, points from the events' coordinates."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from veille.api.pages import geo
from veille.api.pages.render import page
from veille.api.routers.common import EventQuery
from veille.api.state import app_state, store_of
from veille.queries import map_points

router = APIRouter()


@router.get("/map", response_class=HTMLResponse)
def world_map(request: Request, query: Annotated[EventQuery, Depends()],
              region: Annotated[str, Query(pattern="^(" + "|".join(geo.REGIONS) + ")$")] = "world") -> HTMLResponse:
    points = map_points(store_of(request), query.filters(request))
    proj = geo.projection(region)
    peak = max((p.by_status.total for p in points), default=1)
    drawn = []
    for point in points:
        x, y = proj.xy(point.lon, point.lat)
        if 0 <= x <= proj.width and 0 <= y <= proj.height:
            main = max(point.by_status.items, key=lambda item: item[1])[0]
            radius = round(4 + 10 * (point.by_status.total / peak) ** 0.5, 1)
            drawn.append({"point": point, "x": x, "y": y, "r": radius, "status": main.value})
    active = {p.country for p in points if p.country}  # a place without a country shades nothing
    kb = app_state(request).kb()
    names = {code: (kb.country(code).name if kb is not None and kb.country(code) else code)
             for code in active if code}
    listed = points if region == "world" else tuple(d["point"] for d in drawn)  # the table shows the view
    return page(request, "map.html", title="Map", points=listed, drawn=drawn, proj=proj,
                countries=geo.countries(region), active=active, names=names, region=region,
                regions=list(geo.REGIONS), form=query, labels=region != "world",
                resolved=query.resolutions(request))
