"""Progress reporters for the pipeline: a tqdm bar on a terminal, log lines otherwise."""
from __future__ import annotations

import time
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from veille.pipeline import Progress

LOG_EVERY = 500


class BarProgress:
    """A tqdm bar on stderr: items/s, and an ETA when the total is known."""

    def __init__(self, stream: TextIO):
        self._stream = stream
        self._bar = None

    def start(self, label: str, total: int | None = None) -> None:
        from tqdm import tqdm

        self._bar = tqdm(total=total, desc=label, unit=" items", file=self._stream, dynamic_ncols=True)

    def advance(self, n: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(n)

    def finish(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


class LogProgress:
    """One plain line every ``every`` items (for logs and pipes), and one at the end."""

    def __init__(self, stream: TextIO, every: int = LOG_EVERY):
        self._stream, self._every = stream, every
        self.start("")

    def start(self, label: str, total: int | None = None) -> None:
        self._label, self._total, self._done, self._printed = label, total, 0, 0
        self._next = self._every
        self._started = time.perf_counter()

    def advance(self, n: int = 1) -> None:
        self._done += n
        if self._done >= self._next:
            self._line()
            self._next = (self._done // self._every + 1) * self._every

    def finish(self) -> None:
        if self._done != self._printed:
            self._line()

    def _line(self) -> None:
        self._printed = self._done
        elapsed = max(time.perf_counter() - self._started, 1e-9)
        of = f"/{self._total}" if self._total is not None else ""
        print(f"{self._label}: {self._done}{of} items ({self._done / elapsed:.1f}/s)",
              file=self._stream, flush=True)


def make_progress(stream: TextIO) -> Progress:
    """A bar when ``stream`` is a terminal, plain log lines otherwise."""
    isatty = getattr(stream, "isatty", None)
    return BarProgress(stream) if isatty is not None and isatty() else LogProgress(stream)
