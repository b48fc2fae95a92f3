"""Security headers on every response, and the bearer token that guards the writing endpoints.

Article text is untrusted input: pages escape it (Jinja2 autoescape) and the
Content-Security-Policy forbids inline scripts and anything not served by veille.
"""
from __future__ import annotations

import hmac

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
