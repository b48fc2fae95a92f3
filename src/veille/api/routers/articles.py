"""Articles: list and full-text search, and one article with all its annotations."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request

from veille.api.routers.common import json_of
from veille.api.state import store_of
from veille.queries import article_view, list_articles
from veille.queries import jsonable as convert
from veille.queries.shapes import ArticleOut, ArticlePageOut

router = APIRouter(prefix="/api/articles", tags=["articles"])


@router.get("", response_model=ArticlePageOut, summary="List or search articles")
def articles(request: Request,
             search: Annotated[str | None, Query(max_length=500, description="words that must all occur")] = None,
             limit: Annotated[int, Query(ge=1, le=200)] = 20,
             offset: Annotated[int, Query(ge=0)] = 0) -> ArticlePageOut:
    """Newest first; with ``search``, best match first (accents and case ignored; ``word*`` for a prefix)."""
    return json_of(convert.article_page(list_articles(store_of(request), search, limit=limit, offset=offset)))


@router.get("/{doc_id}", response_model=ArticleOut, summary="One article with its annotations",
            responses={404: {"description": "no such article"}})
def article(request: Request, doc_id: str) -> ArticleOut:
    """The text, and the events, quotes, time expressions and entity mentions as offsets into it."""
    view = article_view(store_of(request), doc_id)
    if view is None:
        raise HTTPException(404, f"no article {doc_id!r}")
    return json_of(convert.article(view))
