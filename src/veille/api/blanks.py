"""Blank form fields mean "no filter": query parameters with an empty value are dropped.

An HTML form sends every field, filled or not (``?actor=&type=&from=``); the "any" option of
a select and an empty date are empty strings, which a typed parameter (a status, an ISO date)
would reject. This ASGI middleware removes those pairs before routing, so ``/events?from=&q=Moscou``
is ``/events?q=Moscou`` for every page and API endpoint alike.
"""
from __future__ import annotations

from urllib.parse import unquote_plus


def without_blanks(query_string: bytes) -> bytes:
    """The query string without the parameters whose value is empty or only spaces (the others
    are kept byte for byte)."""
    pairs = query_string.split(b"&")
    kept = [p for p in pairs if p and unquote_plus(p.partition(b"=")[2].decode("latin-1")).strip()]
    return query_string if len(kept) == len(pairs) else b"&".join(kept)


class DropBlankParams:
    """ASGI middleware: rewrites ``scope["query_string"]`` with ``without_blanks``."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope.get("query_string"):
            scope = dict(scope, query_string=without_blanks(scope["query_string"]))
        await self.app(scope, receive, send)
