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
