"""Plain-text rendering of stored articles, analyses and counts for the terminal."""
from __future__ import annotations

from veille.model import Actor, Analysis, Event
from veille.store import StoredArticle
from veille.store.rows import code

EXCERPT = 160


def actor_label(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    codes = " ".join(filter(None, [actor.country, ",".join(code(s) for s in actor.sector), actor.org]))
    return f"{actor.name} ({codes})" if codes else actor.name


def _excerpt(text: str, width: int = EXCERPT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def print_record(record: StoredArticle, *, with_text: bool = True) -> None:
    article = record.article
    print(f"{article.doc_id}  {article.title}")
    fields = [("published", article.published.isoformat() if article.published else None),
              ("language", article.language), ("section", article.section), ("byline", article.byline)]
    print("   ".join(f"{name}: {value}" for name, value in fields if value))
    for name, value in (("url", article.url), ("tags", ", ".join(article.tags)),
                        ("standfirst", article.standfirst),
                        ("source", f"{code(article.source_kind)} {article.locator}"),
                        ("ingested", record.ingested_at)):
        if value:
            print(f"{name}: {value}")
    if record.duplicate_of:
        print(f"{record.duplicate_kind} duplicate of: {record.duplicate_of}")
    if record.analysis_error:
        print(f"analysis rejected: {record.analysis_error}")
    elif record.analysed_at:
        versions = ", ".join(f"{k} {v}" for k, v in sorted(record.analysis_versions.items()))
        print(f"analysed: {record.analysed_at}" + (f" ({versions})" if versions else ""))
    else:
        print("analysed: not yet" if article.language == "fr" else "analysed: no (not in French)")
    if with_text:
        print(f"\n{article.text}")


def print_analysis(record: StoredArticle, analysis: Analysis | None) -> None:
    if analysis is None:
        return
    print(f"\nEntities ({len(analysis.entities)})")
    for entity in analysis.entities:
        codes = " ".join(filter(None, [entity.country, ",".join(code(s) for s in entity.sector), entity.org]))
        where = ", ".join(f"{m.start}-{m.end}" for m in entity.mentions)
        print(f"  {entity.id}  {entity.name}  [{code(entity.kind)}] {codes}"
              + (f"  kb:{entity.kb_id}" if entity.kb_id else "") + f"  mentions: {where or '-'}")
    print(f"\nEvents ({len(analysis.events)})")
    for n, event in enumerate(analysis.events, 1):
        _print_event(n, event)
    print(f"\nQuotes ({len(analysis.quotes)})")
    for quote in analysis.quotes:
        role = quote.speaker.role if quote.speaker else None
        speaker = actor_label(quote.speaker) + (f", {role}" if role else "")
        cue = f", {quote.cue}" if quote.cue else ""
        print(f"  {speaker} [{code(quote.kind)}{cue}] {quote.start}-{quote.end}: « {_excerpt(quote.text)} »")
    print(f"\nTime expressions ({len(analysis.timexes)})")
    for timex in analysis.timexes:
        print(f"  {timex.text} -> {timex.value}  {timex.start}-{timex.end}")


def _print_event(n: int, event: Event) -> None:
    kind = code(event.type) + (f"/{event.mode}" if event.mode else "")
    print(f"  {n}. {kind}  {actor_label(event.source)} -> {actor_label(event.target)}"
          f"  [{code(event.status)}]  confidence {event.confidence:.2f}")
    details = []
    if event.attributed_to:
        details.append(f"according to {actor_label(event.attributed_to)}")
    if event.date:
        details.append(f"date {event.date.value}" + (" (publication)" if event.date.from_publication else ""))
    if event.place:
        details.append(f"place {event.place.name}" + (f" ({event.place.country})" if event.place.country else ""))
    if details:
        print(f"     {'; '.join(details)}")
    print(f"     « {_excerpt(event.evidence.text)} »  {event.evidence.start}-{event.evidence.end}")


def print_stats(db: str, stats: dict) -> None:
    print(f"{db}")
    print(f"  articles:          {stats['articles']}")
    languages = ", ".join(f"{lang} {n}" for lang, n in stats["by_language"].items())
    print(f"    by language:     {languages or '-'}")
    print(f"    duplicates:      {stats['duplicates']['exact']} exact, {stats['duplicates']['near']} near")
    print(f"    analysed:        {stats['analysed']}  (waiting: {stats['pending_analysis']},"
          f" rejected by the analyser: {stats['analysis_errors']})")
    print(f"  events:            {stats['events']}")
    for group in ("events_by_type", "events_by_status"):
        counts = ", ".join(f"{k} {n}" for k, n in stats[group].items())
        print(f"    {group[7:].replace('_', ' ') + ':':17}{counts or '-'}")
    print(f"  quotes:            {stats['quotes']}")
    print(f"  time expressions:  {stats['timexes']}")
    print(f"  entities:          {stats['entities']}")
    print(f"  rejected inputs:   {stats['rejections']}  (over {stats['runs']} runs)")
