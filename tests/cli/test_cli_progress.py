"""Progress: a tqdm bar on a terminal, plain log lines every N items otherwise."""
from __future__ import annotations

import io

from veille.cli.progress import BarProgress, LogProgress, make_progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_log_progress_prints_a_line_every_n_items_and_at_the_end():
    stream = io.StringIO()
    progress = LogProgress(stream, every=10)
    progress.start("ingest")
    for _ in range(7):
        progress.advance(3)  # 3, 6, ..., 21
    progress.finish()
    lines = stream.getvalue().splitlines()
    assert [line.split(" items")[0] for line in lines] == ["ingest: 12", "ingest: 21"]
    assert all(line.endswith("/s)") for line in lines)


def test_log_progress_shows_the_total_when_known():
    stream = io.StringIO()
    progress = LogProgress(stream, every=5)
    progress.start("analyse", total=5)
    progress.advance(5)
    progress.finish()
    assert stream.getvalue().startswith("analyse: 5/5 items (")
    assert stream.getvalue().count("\n") == 1


def test_make_progress_picks_a_bar_only_for_a_terminal():
    assert isinstance(make_progress(io.StringIO()), LogProgress)
    terminal = _Terminal()
    progress = make_progress(terminal)
    assert isinstance(progress, BarProgress)
    progress.start("analyse", total=4)
    progress.advance(4)
    progress.finish()
    assert "analyse" in terminal.getvalue() and "4/4" in terminal.getvalue()
