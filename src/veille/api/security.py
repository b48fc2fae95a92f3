"""Security headers on every response, and the bearer token that guards the writing endpoints.

Article text is untrusted input: pages escape it (Jinja2 autoescape) and the
Content-Security-Policy forbids inline scripts and anything not served by veille.
"""
from __future__ import annotations

import hmac
import json
import re
from urllib.parse import parse_qsl

from fastapi import HTTPException, Request, status

from veille.api.state import app_state

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])

SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)


MAX_PATH_SEGMENT = 300     # characters of one path segment, once decoded (an actor name, a doc id)
MAX_PARAM_CHARS = 1000     # characters of one query parameter's value, once decoded
MAX_QUERY_CHARS = 8000     # characters of the whole query string
MAX_PARAMS = 100
MAX_INT_PARAM = 2**31 - 1  # offsets and limits: SQLite integers are 64-bit; nothing real is this far
_COUNT_PARAM = re.compile(r"(?:^|_)(?:offset|limit)$|^ev$")
_INTEGER = re.compile(r"\s*[+-]?\d+\s*")


def request_problem(path: str, query_string: bytes) -> tuple[int, str] | None:
    """(status, reason) when a request is out of bounds, before any handler runs; else None."""
    for segment in path.split("/"):
        if len(segment) > MAX_PATH_SEGMENT:
            return 414, f"a path segment of {len(segment):,} characters: the limit is {MAX_PATH_SEGMENT}"
    if len(query_string) > MAX_QUERY_CHARS:
        return 414, f"a query string of {len(query_string):,} characters: the limit is {MAX_QUERY_CHARS:,}"
    params = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True, max_num_fields=MAX_PARAMS + 1) \
        if query_string else []
    if len(params) > MAX_PARAMS:
        return 400, f"more than {MAX_PARAMS} query parameters"
    for name, value in params:
        if len(value) > MAX_PARAM_CHARS:
            return 422, f"the parameter {name[:40]!r} has {len(value):,} characters: the limit is {MAX_PARAM_CHARS}"
        if _COUNT_PARAM.search(name) and _INTEGER.fullmatch(value) and abs(int(value)) > MAX_INT_PARAM:
            return 422, f"the parameter {name!r} is out of range: give 0 to {MAX_INT_PARAM}"
    return None


class RequestBounds:
    """ASGI middleware: refuses over-long paths and parameters, and out-of-range offsets and limits,
    with a clear 4xx before any handler (or actor resolution) spends time on them."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            problem = request_problem(scope.get("path", ""), scope.get("query_string", b""))
        except ValueError as exc:  # parse_qsl: too many fields
            problem = 400, str(exc)
        if problem is None:
            await self.app(scope, receive, send)
            return
        code, reason = problem
        body = json.dumps({"detail": reason + "; shorten the request"}).encode()
        await send({"type": "http.response.start", "status": code,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """ASGI middleware: adds ``SECURITY_HEADERS`` to every HTTP response, streamed ones included."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in SECURITY_HEADERS if n not in names]
                message = {**message, "headers": list(message.get("headers", [])) + extra}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def require_token(request: Request) -> None:
    """Writing is off unless the server was started with a token; then the request must carry it."""
    token = app_state(request).token
    if token is None:
        raise HTTPException(status.HTTP_403_FORBIDDEN,
                            "writing is off: start the server with `veille serve --token TOKEN` "
                            "and send `Authorization: Bearer TOKEN`")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "missing or wrong token: send `Authorization: Bearer TOKEN`",
                            headers={"WWW-Authenticate": "Bearer"})
