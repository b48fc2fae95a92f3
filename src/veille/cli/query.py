"""`veille actors`, `veille events`, `veille dyad`: ask the store for evidence, print it for a person.

Each command calls one function of ``veille.queries`` and prints the answer first,
then the evidence; ``--json`` prints what the HTTP API returns instead.
"""
from __future__ import annotations

import argparse
import json
import shutil
import textwrap

from veille.cli.common import add_command, add_db_argument, non_negative_int, open_store_for_read, positive_int
from veille.errors import RejectedInput
from veille.model import EventType, QuadClass, Status
from veille.queries import (
    ActorSelector,
    EventFilters,
    EventHit,
    best_actor,
    dyad,
    lookup_actors,
    parse_key,
    resolution,
    search_events,
)

def _code(enum):
    """An argparse type for an enum of codes, whose error lists the valid ones."""
    def parse(text: str):
        try:
            return enum(text)
        except ValueError:
            valid = ", ".join(m.value for m in enum)
            raise argparse.ArgumentTypeError(f"{text!r} is not one of: {valid}") from None
    parse.__name__ = enum.__name__
    return parse


EXACT_HELP = "exact actors only (by default an actor includes its members: a country's army, an organisation's sectors)"


def register(subparsers) -> None:
    actors = add_command(subparsers, "actors", help="find actors by any alias, or list the most active",
                         example='veille actors "junte malienne"    (veille actors check: check the knowledge files)')
    actors.add_argument("query", nargs="*", metavar="QUERY", help="a name or alias: Russie, Moscou, CNSP, Goïta")
    actors.add_argument("--limit", type=positive_int, default=20, metavar="N", help="at most N actors (default 20)")
    actors.add_argument("--json", action="store_true", help="print JSON (as GET /api/actors)")
    add_db_argument(actors)
    actors.set_defaults(run=run_actors)

    events = add_command(subparsers, "events", help="search events: actors, type, status, dates, place, words",
                         example="veille events --actor Russie --status alleged --from 2020-01")
    _event_filters(events)
    events.add_argument("--limit", type=positive_int, default=30, metavar="N", help="at most N events (default 30)")
    events.add_argument("--offset", type=non_negative_int, default=0, metavar="N", help="skip the first N")
    events.add_argument("--sort", choices=("-date", "date", "-confidence", "confidence"), default="-date")
    events.add_argument("--json", action="store_true", help="print JSON (as GET /api/events)")
    add_db_argument(events)
    events.set_defaults(run=run_events)

    pair = add_command(subparsers, "dyad", help="everything between two actors: the answer by status, then the evidence",
                       example='veille dyad Russie "junte malienne"')
    pair.add_argument("a", metavar="A", help="an actor: name, alias or code (RUS, MLI:GOV+MIL, org:CNSP)")
    pair.add_argument("b", metavar="B", help="the other actor")
    pair.add_argument("--exact", action="store_true", help=EXACT_HELP)
    pair.add_argument("--status", action="append", type=_code(Status), metavar="STATUS",
                      help="show only the evidence with this status (repeat for several)")
    pair.add_argument("--limit", type=non_negative_int, default=200, metavar="N",
                      help="at most N evidence rows (default 200; the answer counts them all)")
    pair.add_argument("--json", action="store_true", help="print JSON (as GET /api/dyads)")
    add_db_argument(pair)
    pair.set_defaults(run=run_dyad)


def _event_filters(parser: argparse.ArgumentParser) -> None:
    for name, what in (("--actor", "either side"), ("--source", "the source"), ("--target", "the target")):
        parser.add_argument(name, metavar="ACTOR", help=f"{what}: a name, alias or code")
    parser.add_argument("--exact", action="store_true", help=EXACT_HELP)
    parser.add_argument("--type", action="append", type=_code(EventType), metavar="TYPE",
                        help="PLOVER type, e.g. AID (repeat for several)")
    parser.add_argument("--quad", action="append", type=_code(QuadClass), metavar="QUAD",
                        help='quad class, e.g. "material conflict"')
    parser.add_argument("--mode", action="append", metavar="MODE", help="PLOVER mode, e.g. visit")
    parser.add_argument("--status", action="append", type=_code(Status), metavar="STATUS",
                        help="asserted, reported, alleged, questioned, negated, future or hypothetical")
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="from this ISO date (2020, 2020-08, 2020-08-21)")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="up to this ISO date")
    parser.add_argument("--place", metavar="PLACE", help="place name (prefix) or country code")
    parser.add_argument("--country", metavar="CODE", help="source or target country (ISO 3166 alpha-3)")
    parser.add_argument("--search", metavar="WORDS", help="words of the evidence (accents and case ignored)")
    parser.add_argument("--doc", metavar="DOC_ID", help="events of one article")


def _kb():
    from veille.knowledge.kb import KnowledgeBase

    return KnowledgeBase.load()


def _resolve(store, text: str, kb) -> ActorSelector:
    """``resolve_actor``, with what to type next when nothing matches."""
    try:
        return best_actor(store, text, kb)
    except RejectedInput as exc:
        raise RejectedInput(f"{exc.reason}; `veille actors {text.split()[0] if text.split() else ''}`"
                            " lists the actors the store knows") from None


# ----------------------------------------------------------------------------- actors


def run_actors(args: argparse.Namespace) -> int:
    if args.query == ["check"]:
        return _check_knowledge()
    query = " ".join(args.query)
    with open_store_for_read(args) as store:
        hits = lookup_actors(store, query, _kb(), limit=args.limit)
    if args.json:
        from veille.queries import jsonable as convert  # the API's shape

        print(json.dumps([convert.actor_hit(h).model_dump(mode="json") for h in hits], ensure_ascii=False))
        return 0
    if not hits:
        print(f"no actor matches {query!r}" if query else "no actor in the store's events yet")
        return 0
    rows = [(h.name, h.selector.key, str(h.events), "knowledge base" if h.origin == "kb" else "store",
             ", ".join(a for a in h.aliases if a != h.name)[:50]) for h in hits]
    _table(("actor", "code", "events", "from", "also named"), rows)
    print("\nUse a name or a code with `veille dyad A B` or `veille events --actor CODE`.")
    return 0


def _check_knowledge() -> int:
    from veille.knowledge.validate import validate_knowledge

    problems = validate_knowledge()
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s) in the knowledge files" if problems else "knowledge files: ok")
    return 1 if problems else 0


# ----------------------------------------------------------------------------- events


def run_events(args: argparse.Namespace) -> int:
    with open_store_for_read(args) as store:
        kb = _kb()

        def actor(text: str | None) -> ActorSelector | None:
            return _resolve(store, text, kb) if text else None

        filters = EventFilters(
            source=actor(args.source), target=actor(args.target), actor=actor(args.actor), members=not args.exact,
            types=tuple(args.type or ()), quads=tuple(args.quad or ()), modes=tuple(args.mode or ()),
            statuses=tuple(args.status or ()), date_from=args.date_from, date_to=args.date_to, place=args.place,
            country=args.country, text=args.search, doc_id=args.doc)
        page = search_events(store, filters, limit=args.limit, offset=args.offset, sort=args.sort)
    if args.json:
        from veille.queries import jsonable as convert  # the API's shape

        print(json.dumps(convert.event_page(page).model_dump(mode="json"), ensure_ascii=False))
        return 0
    if not page.items:
        print("no event matches these filters")
        return 0
    _evidence(page.items)
    shown = f"{page.offset + 1}-{page.offset + len(page.items)}"
    more = f"; next: --offset {page.next_offset}" if page.next_offset is not None else ""
    print(f"\n{shown} of {page.total} events{more}")
    return 0


# ----------------------------------------------------------------------------- dyad


def run_dyad(args: argparse.Namespace) -> int:
    with open_store_for_read(args) as store:
        kb = _kb()
        a, b = _resolve(store, args.a, kb), _resolve(store, args.b, kb)
        resolved = [resolution(store, text, kb) for text in (args.a, args.b) if parse_key(text) is None]
        answer = dyad(store, a, b, members=not args.exact,
                      evidence_limit=1_000_000 if args.status else args.limit)
    if args.json:
        from veille.queries import jsonable as convert  # the API's shape

        print(json.dumps(convert.dyad(answer).model_dump(mode="json"), ensure_ascii=False))
        return 0
    scope = "exact actors" if args.exact else "including members; --exact for the actors alone"
    print(f"{a.label} ↔ {b.label}   [{a.key} ↔ {b.key}, {scope}]")
    for found in resolved:
        print(_resolved_line(found))
    if a.key == b.key:
        print(f"both names resolve to the same actor, {a.label}: give another for one side")
    total = answer.overall
    if not total.total:
        print("no event between them in the store")
        return 0
    copies = " (copies count once)" if total.articles > total.sources else ""
    print(f"{total.total} events in {total.articles} articles from {total.sources} independent "
          f"source{'s' if total.sources != 1 else ''}{copies}, {total.first} → {total.last}\n")
    _answer(answer)
    shown = [h for h in answer.evidence if not args.status or h.status in args.status][:args.limit]
    print(f"\nEvidence ({len(shown)} of {answer.evidence_total})")
    _evidence(shown)
    return 0


def _resolved_line(found) -> str:
    """  “junte” → CNSP (MLI GOV+MIL, in power 2020-08-18 → 2021-01-18), 11 events; or: …"""
    chosen = found.chosen
    codes = " ".join(filter(None, [chosen.country, "+".join(chosen.sectors)]))
    period = f", in power {chosen.period}" if chosen.period else ""
    others = ", ".join(f"{h.name} ({h.events})" for h in found.alternatives[:5])
    return (f"  “{found.asked}” → {chosen.label} ({codes or chosen.key}{period}), {found.events} events"
            + (f"; or: {others}" if others else ""))


def _answer(answer) -> None:
    statuses = [s for s in Status if answer.overall.by_status.get(s)]
    rows = []
    for line in answer.by_type:
        source, target = (answer.a, answer.b) if line.direction == "ab" else (answer.b, answer.a)
        counts = [str(line.breakdown.by_status.get(s) or ".") for s in statuses]
        total = line.breakdown.total
        credits = [name if n == total else f"{name} ({n} of {total})" for name, n in line.according_to]
        if line.asked:
            credits.append("asked in the headline" + (f" ({line.asked} of {total})" if line.asked < total else ""))
        if line.partial:
            credits.append(f"{line.partial} naming one side only")
        credit = ", ".join(credits) or "(the articles' own voice)"
        rows.append((line.type.value, f"{source.label} → {target.label}", *counts, str(line.breakdown.sources),
                     line.breakdown.first or "?", credit))
    _table(("type", "direction", *(s.value for s in statuses), "sources", "since", "according to"), rows,
           right=set(range(2, 3 + len(statuses))))


# ----------------------------------------------------------------------------- printing


def _evidence(hits: list[EventHit] | tuple[EventHit, ...]) -> None:
    width = max(60, min(shutil.get_terminal_size((110, 24)).columns, 140))
    indent = " " * 4
    for hit in hits:
        who = f"{_name(hit.source)} → {_name(hit.target)}"
        said = f"   [according to {hit.attributed_to.name}]" if hit.attributed_to else ""
        print(f"{hit.date or '-':10}  {hit.type.value:9} {hit.status.value:12} {who}{said}")
        quote = textwrap.wrap(f"« {hit.evidence.text} »", width - len(indent))
        for line in quote:
            print(indent + line)
        place = f"at {hit.place.name} · " if hit.place else ""
        print(f"{indent}{place}{hit.doc_id} #{hit.anchor} [{hit.evidence.start}:{hit.evidence.end}]\n")


def _name(actor) -> str:
    return actor.name if actor is not None else "—"


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]], right: set[int] = frozenset()) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def fmt(row) -> str:
        cells = [str(c).rjust(w) if i in right else str(c).ljust(w) for i, (c, w) in enumerate(zip(row, widths))]
        return "  ".join(cells).rstrip()

    print(fmt(header))
    for row in rows:
        print(fmt(row))
