"""The web UI: server-rendered pages (templates in veille/web/templates, assets in veille/web/static)."""
from fastapi import APIRouter

from veille.api.pages import actors, article, dyad, events, home, places

router = APIRouter(include_in_schema=False)
for _module in (home, article, actors, dyad, events, places):
    router.include_router(_module.router)
