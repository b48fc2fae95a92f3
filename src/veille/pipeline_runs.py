"""A run's bookkeeping around the pipeline: who runs it (so that the next run can tell a killed one
and mark it finished, as interrupted) and the warnings its stages log."""
from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from contextlib import contextmanager

import psutil

from veille.store import Store

log = logging.getLogger(__name__)


class WarningLog(logging.Handler):
    """Collects the warnings veille's stages log during a run (in this process)."""

    def __init__(self, into: list[str]):
        super().__init__(logging.WARNING)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(record.getMessage())


@contextmanager
def collect_warnings(into: list[str]) -> Iterator[None]:
    """Append the warnings logged under "veille" to ``into`` while the block runs."""
    handler, logger = WarningLog(into), logging.getLogger("veille")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)


def _this_process() -> dict:
    me = psutil.Process()
    return {"pid": me.pid, "host": socket.gethostname(), "created": me.create_time()}


def _alive(owner: dict) -> bool:
    """Whether the process that recorded ``owner`` still runs (the same pid started at the same time)."""
    try:
        return psutil.Process(int(owner["pid"])).create_time() == owner["created"]
    except (psutil.Error, KeyError, TypeError, ValueError):
        return False


def start_run(store: Store, command: str, specs: list[str]) -> int:
    """A new run, recorded with its process; runs of this machine whose process is gone (killed,
    out of memory) are marked finished first, as interrupted."""
    here = socket.gethostname()
    for run_id, recorded in store.unfinished_runs():
        owner = recorded.get("owner")
        if isinstance(owner, dict) and owner.get("host") == here and not _alive(owner):
            store.finish_run(run_id, {"interrupted": True, "owner": owner})
            log.warning("run %d (%s, pid %s) was interrupted: marked finished", run_id, here, owner.get("pid"))
    run_id = store.start_run(command, specs)
    store.mark_running(run_id, _this_process())
    return run_id
