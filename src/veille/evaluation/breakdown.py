"""Finer views of one scoring: per event type, per status, attribution, and confidence calibration.

All use the scorer's own matching (type + half the gold evidence's tokens), so their counts add
up to the scorer's table.
"""
from __future__ import annotations

from collections.abc import Iterator

from veille.evaluation.scorer import actor_ok, event_score, greedy_match, prf
from veille.model import EventType, Status

CONFIDENCE_BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.01)


def matched_events(gold: dict[str, dict], system: dict[str, dict]) -> Iterator[tuple[dict | None, dict | None]]:
    """(gold event, system event) pairs as the scorer matches them; a miss or a false alarm has None."""
    for doc_id, g in gold.items():
        gev, sev = g.get("events", []), system.get(doc_id, {}).get("events", []) or []
        pairs = greedy_match(gev, sev, event_score)
        yield from ((gev[i], sev[j]) for i, j in pairs)
        matched_g, matched_s = {i for i, _ in pairs}, {j for _, j in pairs}
        yield from ((e, None) for i, e in enumerate(gev) if i not in matched_g)
        yield from ((None, e) for j, e in enumerate(sev) if j not in matched_s)


def per_type(gold: dict[str, dict], system: dict[str, dict]) -> list[tuple]:
    """(type, gold n, system n, P, R, F1, full F1) for every PLOVER type."""
    rows = []
    for etype in EventType:
        t = etype.value
        sub_g = {d: {"events": [e for e in g.get("events", []) if e["type"] == t]} for d, g in gold.items()}
        sub_s = {d: {"events": [e for e in s.get("events", []) if e["type"] == t]} for d, s in system.items()}
        n_g = n_s = tp = full = 0
        for ge, se in matched_events(sub_g, sub_s):
            n_g, n_s = n_g + (ge is not None), n_s + (se is not None)
            if ge is not None and se is not None:
                tp += 1
                full += _full(ge, se)
        p, r, f = prf(tp, n_s, n_g)
        rows.append((t, n_g, n_s, p, r, f, prf(full, n_s, n_g)[2]))
    return rows


def per_status(gold: dict[str, dict], system: dict[str, dict]) -> list[tuple[str, int, float]]:
    """(gold status, matched events with it, share the system gave the same status)."""
    counts = {s.value: [0, 0] for s in Status}
    for ge, se in matched_events(gold, system):
        if ge is not None and se is not None:
            st = ge.get("status") or "asserted"
            counts.setdefault(st, [0, 0])
            counts[st][0] += 1
            counts[st][1] += st == se.get("status")
    return [(st, n, ok / n if n else 0.0) for st, (n, ok) in counts.items()]


def attribution(gold: dict[str, dict], system: dict[str, dict]) -> tuple[int, int, int]:
    """Over matched events the gold attributes to someone: (count, attributed to the right actor, to anyone)."""
    n = right = some = 0
    for ge, se in matched_events(gold, system):
        if ge is None or se is None or not ge.get("attributed_to"):
            continue
        n += 1
        right += bool(se.get("attributed_to")) and actor_ok(ge["attributed_to"], se["attributed_to"])
        some += bool(se.get("attributed_to"))
    return n, right, some


def calibration(gold: dict[str, dict], system: dict[str, dict]) -> list[tuple[float, float, int, float, float]]:
    """(bin low, bin high, system events, mean confidence, share matched to a gold event of its type)."""
    bins = [[0, 0.0, 0] for _ in CONFIDENCE_BINS[:-1]]
    for ge, se in matched_events(gold, system):
        if se is None:
            continue
        c = float(se.get("confidence") or 0.0)
        k = next(i for i in range(len(bins)) if c < CONFIDENCE_BINS[i + 1])
        bins[k][0] += 1
        bins[k][1] += c
        bins[k][2] += ge is not None
    return [(CONFIDENCE_BINS[i], min(CONFIDENCE_BINS[i + 1], 1.0), n, s / n if n else 0.0, hit / n if n else 0.0)
            for i, (n, s, hit) in enumerate(bins)]


def expected_calibration_error(rows: list[tuple[float, float, int, float, float]]) -> float:
    total = sum(r[2] for r in rows)
    return sum(r[2] * abs(r[3] - r[4]) for r in rows) / total if total else 0.0


def _full(ge: dict, se: dict) -> bool:
    return actor_ok(ge.get("source"), se.get("source")) and actor_ok(ge.get("target"), se.get("target")) \
        and (ge.get("status") or "asserted") == se.get("status")
