"""The time budget of each read request (``Settings.request_budget_s``).

A GET or HEAD request's work gets a deadline (``veille.budget``): its SQLite statements abort and
the queries' long loops stop once it is spent, and the request is answered 503 with a message
saying what to do. Should some code run on without looking at the clock, the client still gets
its 503 ``GRACE_S`` after the deadline, and that late work's answer is dropped; it stops at its
next look at the clock. The budget covers the work until the answer starts: a streamed export
runs as long as the client reads it. POST /api/ingest (token only) is bounded by its input limits.
"""
from __future__ import annotations

import asyncio

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from veille import budget

GRACE_S = 1.0
BUDGETED_METHODS = ("GET", "HEAD")


def over_budget_message(seconds: float) -> str:
    return (f"this request needed more than the server's {seconds:g} s budget and was stopped; narrow it "
            "(a date range, fewer types, members=false, a smaller page) or start the server with a larger "
            "budget (--request-budget)")


def over_budget_json(seconds: float) -> Response:
    return JSONResponse({"detail": over_budget_message(seconds)}, status_code=503, headers={"Retry-After": "60"})


class RequestBudget:
    """ASGI middleware: gives each read request its budget, and answers 503 if the work ignores it."""

    def __init__(self, app, seconds: float):
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") not in BUDGETED_METHODS:
            await self.app(scope, receive, send)
            return
        deadline = budget.start(self.seconds)  # copied into the task below and the threads it runs
        started = asyncio.Event()
        answered = False

        async def send_unless_answered(message):
            if answered:
                return  # the client already had its 503
            if message["type"] == "http.response.start":
                deadline.lift()  # the answer is under way (a streamed export may take long)
                started.set()
            await send(message)

        work = asyncio.ensure_future(self.app(scope, receive, send_unless_answered))
        waiter = asyncio.ensure_future(started.wait())
        try:
            await asyncio.wait({work, waiter}, timeout=self.seconds + GRACE_S, return_when=asyncio.FIRST_COMPLETED)
        finally:
            waiter.cancel()
        if work.done() or started.is_set():
            await work
            return
        answered = True
        work.add_done_callback(_retrieve)  # it ends at its next look at the clock; its answer is dropped
        await _answer_503(scope, receive, send, self.seconds)


def _retrieve(task: asyncio.Future) -> None:
    if not task.cancelled():
        task.exception()  # a late BudgetExceeded is expected; do not log it as "never retrieved"


async def _answer_503(scope, receive, send, seconds: float) -> None:
    if scope.get("path", "").startswith("/api/") or scope.get("path") == "/openapi.json":
        await over_budget_json(seconds)(scope, receive, send)
        return
    from veille.api.pages.render import error_page

    await error_page(Request(scope, receive), 503, over_budget_message(seconds))(scope, receive, send)
