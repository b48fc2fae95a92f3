"""A time budget for one piece of work (an HTTP request), checked where the work can stop.

A thread cannot be killed, so the work stops itself: every store connection has a SQLite
progress handler that aborts the running statement once the budget is spent (SQLite raises
``sqlite3.OperationalError: interrupted``), and Python loops that can be long call ``check()``,
which raises ``BudgetExceeded``. Outside a budget both cost a context-variable lookup.

    with within(5.0):
        answer = dyad(store, a, b)        # stops within milliseconds of 5 s, by either route

The budget lives in a context variable, so it follows the request into the worker threads
that run its handlers (Starlette copies the context into them) and nothing else.
"""
from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar


class BudgetExceeded(Exception):
    """The work ran past its budget and stopped."""

    def __init__(self, seconds: float):
        super().__init__(f"stopped after its budget of {seconds:g} s")
        self.seconds = seconds


class Deadline:
    """When the budget runs out (monotonic clock); ``lift()`` ends it early (an answer has started)."""

    __slots__ = ("seconds", "at")

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.at: float | None = time.monotonic() + seconds

    def lift(self) -> None:
        self.at = None

    def passed(self) -> bool:
        return self.at is not None and time.monotonic() > self.at


_current: ContextVar[Deadline | None] = ContextVar("veille_deadline", default=None)


def start(seconds: float) -> Deadline:
    """Give the work of this context (and of the threads it starts from now on) a budget."""
    deadline = Deadline(seconds)
    _current.set(deadline)
    return deadline


@contextmanager
def within(seconds: float) -> Iterator[Deadline]:
    token = _current.set(Deadline(seconds))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def expired() -> bool:
    """Whether the current budget is spent (False when there is none). SQLite's progress handler."""
    deadline = _current.get()
    return deadline is not None and deadline.passed()


def check() -> None:
    """Raise ``BudgetExceeded`` when the current budget is spent."""
    deadline = _current.get()
    if deadline is not None and deadline.passed():
        raise BudgetExceeded(deadline.seconds)


def spent_by(exc: BaseException) -> float | None:
    """The budget (seconds) when ``exc`` is the work stopping for it: ``BudgetExceeded``, or SQLite's
    "interrupted" raised by the progress handler; else None."""
    if isinstance(exc, BudgetExceeded):
        return exc.seconds
    deadline = _current.get()
    if isinstance(exc, sqlite3.OperationalError) and "interrupted" in str(exc) and deadline is not None:
        return deadline.seconds
    return None


PROGRESS_STEPS = 10_000  # SQLite virtual-machine instructions between two looks at the clock


def guard(conn: sqlite3.Connection) -> None:
    """Make this connection's statements stop when the current budget is spent."""
    conn.set_progress_handler(expired, PROGRESS_STEPS)
