"""The one domain error a stage raises to reject an input (STYLE.md habit 2)."""
from __future__ import annotations


class RejectedInput(Exception):
    """An input that cannot be processed, with a reason a person can act on.

    Stages raise it; the orchestrator records ``{locator, stage, reason}`` and goes on.
    Anything else escaping a stage is a bug and crashes loudly.
    """

    def __init__(self, reason: str, *, locator: str | None = None, stage: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.locator = locator
        self.stage = stage

    def __str__(self) -> str:
        where = f"{self.locator}: " if self.locator else ""
        return f"{where}{self.reason}"


def unexpected(exc: BaseException) -> str:
    """The reason recorded for an item an unexpected exception stopped: the exception's type and
    message, so the bug can be found and fixed while the run goes on with the next item."""
    message = str(exc).strip().replace("\n", " ")
    if len(message) > 300:
        message = message[:300] + "…"
    return f"unexpected error ({type(exc).__name__}: {message or 'no message'}); this is a bug: please report it"
