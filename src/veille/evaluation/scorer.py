"""The gold scorer: the same matching rules and table as the reference `eval/score.py`.

An event matches a gold event when the types are equal and at least half of the gold
evidence's word tokens occur in the system evidence; matching is one-to-one, greedy by
overlap. Actors are right on country (or org) plus one shared sector. See
../shared/spec/export-format.md.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

LAYERS = ("events_typed", "events_full", "quotes", "quotes_with_speaker", "timexes_value")
RATES = ("event_source_acc", "event_target_acc", "event_status_acc", "event_asserted_vs_not_acc")
COUNTERS = ("ev_gold", "ev_sys", "ev_tp", "ev_src", "ev_tgt", "ev_full", "ev_status", "ev_assert_bin",
            "q_gold", "q_sys", "q_tp", "q_spk", "t_gold", "t_sys", "t_tp", "t_val")


def norm_tokens(text: str | None) -> list[str]:
    if not text:
        return []
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.findall(r"\w+", re.sub(r"[’'`´]", " ", text))


def covered(gold_text: str | None, sys_text: str | None) -> float:
    """Share of the gold tokens (as a multiset) found in the system text."""
    g, s = norm_tokens(gold_text), norm_tokens(sys_text)
    if not g:
        return 0.0
    pool: dict[str, int] = {}
    for t in s:
        pool[t] = pool.get(t, 0) + 1
    hit = 0
    for t in g:
        if pool.get(t, 0) > 0:
            pool[t] -= 1
            hit += 1
    return hit / len(g)


def sectors(actor: dict | None) -> set[str]:
    s = (actor or {}).get("sector") or []
    return {x.upper() for x in ([s] if isinstance(s, str) else s) if x}


def actor_ok(gold: dict | None, system: dict | None) -> bool:
    if gold is None:
        return system is None or not any(system.get(k) for k in ("name", "country", "org"))
    if system is None:
        return False
    g_org, s_org = (gold.get("org") or "").upper(), (system.get("org") or "").upper()
    if g_org and g_org == s_org:
        return True
    if (gold.get("country") or "").upper() != (system.get("country") or "").upper():
        return False
    gs = sectors(gold)
    return not gs or bool(gs & sectors(system))


def evidence_text(ev) -> str:
    return (ev.get("text") or "") if isinstance(ev, dict) else (ev or "")


def prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def greedy_match(gold: list, system: list, score: Callable) -> list[tuple[int, int]]:
    cands = [(v, i, j) for i, g in enumerate(gold) for j, s in enumerate(system)
             if (v := score(g, s)) is not None]
    cands.sort(key=lambda x: -x[0])
    used_g, used_s, pairs = set(), set(), []
    for _, i, j in cands:
        if i not in used_g and j not in used_s:
            used_g.add(i)
            used_s.add(j)
            pairs.append((i, j))
    return pairs


def event_score(g: dict, s: dict) -> float | None:
    if (g.get("type") or "").upper() != (s.get("type") or "").upper():
        return None
    c = covered(evidence_text(g.get("evidence")), evidence_text(s.get("evidence")))
    if c < 0.5:
        return None
    agree = actor_ok(g.get("source"), s.get("source")) + actor_ok(g.get("target"), s.get("target"))
    return c + 0.001 * (agree + ((g.get("status") or "asserted") == s.get("status")))


def quote_score(g: dict, s: dict) -> float | None:
    c = covered(g.get("text"), s.get("text"))
    return c if c >= 0.5 else None


def speaker_ok(g: dict | None, s: dict | None) -> bool:
    if not g or not s:
        return False
    if set(norm_tokens(g.get("name"))) & set(norm_tokens(s.get("name"))):
        return True
    return actor_ok(g, s) and bool(g.get("country"))


def timex_score(g: dict, s: dict) -> float | None:
    c = covered(g.get("text"), s.get("text"))
    return c if c > 0 else None


def score_events(c: dict, gev: list, sev: list, doc_id: str, notes: list[str]) -> None:
    pairs = greedy_match(gev, sev, event_score)
    for i, j in pairs:
        ge, se = gev[i], sev[j]
        c["ev_tp"] += 1
        src, tgt = actor_ok(ge.get("source"), se.get("source")), actor_ok(ge.get("target"), se.get("target"))
        st_ok = (ge.get("status") or "asserted") == (se.get("status") or "")
        c["ev_src"] += src
        c["ev_tgt"] += tgt
        c["ev_status"] += st_ok
        c["ev_assert_bin"] += ((ge.get("status") or "asserted") == "asserted") == (se.get("status") == "asserted")
        c["ev_full"] += src and tgt and st_ok
        if not (src and tgt and st_ok):
            notes.append(f"  ~ {doc_id} {ge['type']}: gold src={ge.get('source')} tgt={ge.get('target')} "
                         f"status={ge.get('status')} | sys src={se.get('source')} tgt={se.get('target')} "
                         f"status={se.get('status')}")
    matched = {i for i, _ in pairs}
    for i, ge in enumerate(gev):
        if i not in matched:
            notes.append(f"  - {doc_id} missed {ge['type']}: {evidence_text(ge.get('evidence'))[:110]}")


def score_document(c: dict, doc_id: str, g: dict, s: dict, notes: list[str]) -> None:
    gev, sev = g.get("events", []), s.get("events", []) or []
    c["ev_gold"] += len(gev)
    c["ev_sys"] += len(sev)
    score_events(c, gev, sev, doc_id, notes)
    gq, sq = g.get("quotes", []), s.get("quotes", []) or []
    c["q_gold"] += len(gq)
    c["q_sys"] += len(sq)
    for i, j in greedy_match(gq, sq, quote_score):
        c["q_tp"] += 1
        c["q_spk"] += speaker_ok(gq[i].get("speaker"), sq[j].get("speaker"))
    gt, st = g.get("timexes", []), s.get("timexes", []) or []
    c["t_gold"] += len(gt)
    c["t_sys"] += len(st)
    for i, j in greedy_match(gt, st, timex_score):
        c["t_tp"] += 1
        c["t_val"] += str(gt[i].get("value")) == str(st[j].get("value"))


def score(gold: dict[str, dict], system: dict[str, dict]) -> dict:
    """Counts and rates for a system export (doc_id -> export dict) against gold (doc_id -> gold dict)."""
    c = dict.fromkeys(COUNTERS, 0)
    notes: list[str] = []
    for doc_id, g in gold.items():
        score_document(c, doc_id, g, system.get(doc_id, {}), notes)
    tp = c["ev_tp"]
    return {
        "documents": len(gold), "missing_documents": [d for d in gold if d not in system],
        "events_typed": prf(tp, c["ev_sys"], c["ev_gold"]),
        "events_full": prf(c["ev_full"], c["ev_sys"], c["ev_gold"]),
        "event_source_acc": c["ev_src"] / tp if tp else 0.0,
        "event_target_acc": c["ev_tgt"] / tp if tp else 0.0,
        "event_status_acc": c["ev_status"] / tp if tp else 0.0,
        "event_asserted_vs_not_acc": c["ev_assert_bin"] / tp if tp else 0.0,
        "quotes": prf(c["q_tp"], c["q_sys"], c["q_gold"]),
        "quotes_with_speaker": prf(c["q_spk"], c["q_sys"], c["q_gold"]),
        "timexes_value": prf(c["t_val"], c["t_sys"], c["t_gold"]),
        "counts": c, "notes": notes,
    }


def format_table(res: dict) -> str:
    """The reference scorer's table, line for line."""
    lines = [f"documents: {res['documents']}  missing from system: {len(res['missing_documents'])}",
             f"{'layer':28} {'P':>6} {'R':>6} {'F1':>6}"]
    for k in LAYERS:
        p, r, f = res[k]
        lines.append(f"{k:28} {p:6.3f} {r:6.3f} {f:6.3f}")
    for k in RATES:
        lines.append(f"{k:28} {res[k]:6.3f}  (over matched events)")
    return "\n".join(lines)
