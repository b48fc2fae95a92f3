"""Rendering the web pages: one Jinja2 environment (autoescape always on), filters, the status legend."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from urllib.parse import quote, urlencode, urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from veille import __version__
from veille.model import Actor, Status
from veille.queries import jsonable as convert
from veille.queries import ActorSelector
from veille.store.rows import code

# What each status means, for the legend (GOLD GUIDELINES, "Status").
STATUS_HELP = {
    Status.ASSERTED: "stated as fact in the article's own voice",
    Status.REPORTED: "attributed to a named source, in the indicative (selon X, a déclaré)",
    Status.ALLEGED: "presented as unconfirmed (conditional: aurait, serait; rumours)",
    Status.QUESTIONED: "asked rather than stated (a headline as a question)",
    Status.NEGATED: "said not to have happened (ne… pas, démentir)",
    Status.FUTURE: "planned or announced for later (va, prévoit de)",
    Status.HYPOTHETICAL: "conditional on something else (si…, pourrait)",
}


@lru_cache(maxsize=1)
def environment() -> Environment:
    templates = resources.files("veille.web").joinpath("templates")
    env = Environment(loader=FileSystemLoader(str(templates)), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(version=__version__, statuses=list(Status), status_help=STATUS_HELP,
                       article_link=convert.article_link, actor_link=convert.actor_link,
                       dyad_link=convert.dyad_link, url_with=url_with)
    env.filters.update(actor=actor_label, codes=actor_codes, count=count, quoted=lambda s: quote(s, safe=""),
                       outlet=outlet)
    return env


def page(request: Request, template: str, status_code: int = 200, **context) -> HTMLResponse:
    context.setdefault("query", request.query_params.get("q", ""))
    html = environment().get_template(template).render(request=request, path=request.url.path, **context)
    return HTMLResponse(html, status_code=status_code)


def error_page(request: Request, status_code: int, message: str) -> HTMLResponse:
    titles = {404: "Not found", 422: "Cannot answer that", 403: "Not allowed", 401: "Token needed",
              503: "Too long to answer"}
    return page(request, "error.html", status_code=status_code,
                title=titles.get(status_code, f"Error {status_code}"), message=message, code=status_code)


def actor_label(actor: Actor | ActorSelector | None) -> str:
    if actor is None:
        return "—"
    return actor.name if isinstance(actor, Actor) else actor.label


def actor_codes(actor: Actor | ActorSelector | None) -> str:
    if actor is None:
        return ""
    if isinstance(actor, ActorSelector):
        sectors = actor.sectors
    else:
        sectors = tuple(code(s) for s in actor.sector)
    return " ".join(filter(None, [actor.country, "+".join(sectors), actor.org]))


def outlet(url: str | None) -> str:
    """The site an article comes from: its URL's host without "www." ("" when unknown)."""
    host = urlsplit(url or "").hostname or ""
    return host[4:] if host.startswith("www.") else host


def count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n:,} {singular if n == 1 else (plural or singular + 's')}".replace(",", "\u202f")


def url_with(request: Request, **changes) -> str:
    """The current URL with some query parameters replaced (None removes one)."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in changes]
    params += [(k, str(v)) for k, v in changes.items() if v is not None]
    return request.url.path + ("?" + urlencode(params) if params else "")
