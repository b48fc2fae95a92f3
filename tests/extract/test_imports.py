"""Each part of extract/ imports on its own, first, in a fresh interpreter (the subpackages'
modules import one another's submodules: a finder imported eagerly by a package made a cycle)."""
from __future__ import annotations

import subprocess
import sys

import pytest

FIRST_IMPORTS = ("veille.extract.claims", "veille.extract.event_model.hybrid", "veille.extract.events.span",
                 "veille.extract.quotes.marks", "veille.extract.timex.calendar", "veille.extract.analyze")


@pytest.mark.parametrize("module", FIRST_IMPORTS)
def test_module_imports_first_in_a_fresh_interpreter(module):
    done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]


def test_packages_give_their_finders():
    from veille.extract.events import find_events
    from veille.extract.quotes import find_quotes
    from veille.extract.timex import find_timexes, resolve_timex

    assert all(callable(f) for f in (find_events, find_quotes, find_timexes, resolve_timex))
    with pytest.raises(AttributeError):
        from veille.extract import events

        events.no_such_name  # noqa: B018
