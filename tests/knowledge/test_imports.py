"""The modules of knowledge/ import one another one way: no cycle, not even through imports made
only for type annotations (the resolver's parts see it through knowledge/views.py)."""
from __future__ import annotations

import ast
from pathlib import Path

import veille.knowledge

PACKAGE = Path(veille.knowledge.__file__).parent
PREFIX = "veille.knowledge."


def imports_of(path: Path) -> set[str]:
    """The knowledge/ modules a module imports anywhere in its text (type-only imports included)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(PREFIX):
            found.add(node.module.removeprefix(PREFIX).split(".")[0])
        elif isinstance(node, ast.Import):
            found |= {a.name.removeprefix(PREFIX).split(".")[0] for a in node.names if a.name.startswith(PREFIX)}
    return found


def graph() -> dict[str, set[str]]:
    return {p.stem: imports_of(p) - {p.stem} for p in PACKAGE.glob("*.py") if p.stem != "__init__"}


def cycle_in(edges: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph as a path of modules, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [node, nxt] if nxt in path else [node, nxt]
            if nxt not in state and (found := visit(nxt, path + [node])):
                return found
        state[node] = 2
        return None

    for start in sorted(edges):
        if start not in state and (found := visit(start, [])):
            return found
    return None


def test_cycle_finder_finds_a_cycle():
    assert cycle_in({"a": {"b"}, "b": {"c"}, "c": {"a"}}) is not None
    assert cycle_in({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_knowledge_modules_import_one_way():
    edges = graph()
    assert {"resolver", "describe", "coref", "appositions", "collectives", "views"} <= set(edges)
    assert cycle_in(edges) is None, " → ".join(cycle_in(edges))
