"""The app factory: assembles the routers, the static files, the security headers and error pages.

    app = create_app(Settings.from_env(db="veille.db"), token=None)   # read-only
    uvicorn.run(app, host="127.0.0.1", port=8000)
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from importlib import resources
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from veille import __version__, budget
from veille.api.budget import RequestBudget, over_budget_json, over_budget_message
from veille.api.blanks import DropBlankParams
from veille.api.pages import router as pages_router
from veille.api.pages.problems import explain
from veille.api.pages.render import error_page
from veille.api.routers import actors, articles, docs, downloads, dyads, events, export, ingest, meta, search
from veille.api.security import RequestBounds, SecurityHeaders
from veille.api.state import AppState, StoreProvider, load_kb
from veille.config import Settings
from veille.errors import RejectedInput
from veille.store import Store

DESCRIPTION = """Evidence from French news: PLOVER events (who did what to whom, when, where) with the
verbatim evidence sentence, a status (asserted, reported, alleged, questioned, negated, future,
hypothetical) and whom each is attributed to; quotes, time expressions, actors.

Read-only unless the server was started with a token; `POST /api/ingest` then needs
`Authorization: Bearer TOKEN`. The machine-readable schema is at `/openapi.json`."""


def _make_analyzer(settings: Settings) -> Any:
    from veille.extract.analyze import make_analyzer

    return make_analyzer(settings)


def create_app(settings: Settings, *, token: str | None = None,
               analyzer_factory: Callable[[Settings], Any] | None = _make_analyzer,
               kb_loader: Callable[[], Any] | None = load_kb) -> FastAPI:
    """The veille web app over the store at ``settings.db_path`` (which must exist).

    ``token``: when given, the writing endpoints are on and require it; otherwise they answer 403.
    """
    with Store.open(settings.db_path, create=False):  # fail now, with a message, and apply migrations
        pass
    app = FastAPI(title="veille", version=__version__, description=DESCRIPTION, docs_url=None,
                  redoc_url=None, openapi_url="/openapi.json")
    app.state.veille = AppState(settings=settings, token=token or None, stores=StoreProvider(settings),
                                analyzer_factory=analyzer_factory, kb_loader=kb_loader)
    for module in (articles, actors, events, dyads, search, export, downloads, ingest, meta, docs):
        app.include_router(module.router)
    app.include_router(pages_router)
    static = resources.files("veille.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    _error_handlers(app)
    app.add_middleware(DropBlankParams)
    app.add_middleware(RequestBudget, seconds=settings.request_budget_s)
    app.add_middleware(RequestBounds)
    app.add_middleware(SecurityHeaders)
    return app


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api/") or path in ("/openapi.json", "/docs") or path.startswith("/static/"))


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if _wants_html(request):
            return error_page(request, exc.status_code, str(exc.detail))
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RejectedInput)
    async def rejected(request: Request, exc: RejectedInput) -> Response:
        if _wants_html(request):
            return error_page(request, 422, exc.reason)
        return JSONResponse({"detail": exc.reason}, status_code=422)

    @app.exception_handler(budget.BudgetExceeded)
    @app.exception_handler(sqlite3.OperationalError)
    async def over_budget(request: Request, exc: Exception) -> Response:
        seconds = budget.spent_by(exc)
        if seconds is None:
            raise exc  # a real database error: a 500, loudly
        if _wants_html(request):
            return error_page(request, 503, over_budget_message(seconds))
        return over_budget_json(seconds)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _wants_html(request):
            return error_page(request, 422, explain(exc.errors()))
        return JSONResponse({"detail": _plain(exc.errors())}, status_code=422)


def _plain(errors) -> list[dict]:
    """Validation errors without the raw input objects (which may not be JSON)."""
    return [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in errors]
