"""Quotes by an actor (it is the speaker) and about it (a mention of it inside the quoted words)."""
from __future__ import annotations

from veille.queries.sqlparts import actor_clause, actor_of, placeholders
from veille.queries.types import ActorSelector, QuoteHit

_COLUMNS = "q.*, a.title AS a_title, a.published AS a_published"
_NEWEST = "a.published DESC NULLS LAST, q.doc_id, q.idx"
_ARTICLES = "articles AS a INDEXED BY articles_event_meta"  # migration 0051: never read the body text
CHUNK = 100
FREQUENT = 1000  # entity rows: past this, read the articles newest first instead
MAX_CHUNKS = 20  # ... but no more than the newest CHUNK * MAX_CHUNKS articles (bounded work at 100k articles)


def quotes_by(store, selector: ActorSelector, *, members: bool = True, limit: int = 50) -> tuple[QuoteHit, ...]:
    """Its quotes, newest article first."""
    where, params = actor_clause("speaker", selector, members, alias="q")
    chosen = [r[0] for r in store.execute(
        f"SELECT q.rowid FROM quotes AS q JOIN {_ARTICLES} ON a.doc_id = q.doc_id"
        f" WHERE {where} ORDER BY {_NEWEST} LIMIT ?", params + [limit])]  # in the indexes (migration 0061)
    rows = {r["rowid"]: r for r in store.execute(
        f"SELECT q.rowid AS rowid, {_COLUMNS} FROM quotes AS q JOIN {_ARTICLES} ON a.doc_id = q.doc_id"
        f" WHERE q.rowid IN ({placeholders(chosen)})", chosen)}
    return tuple(quote_from_row(rows[key]) for key in chosen)


def quotes_about(store, selector: ActorSelector, *, limit: int = 50) -> tuple[QuoteHit, ...]:
    """Quotes whose words mention the actor itself (not its members; places, such as a region of
    the country, do not count), newest article first.

    A rarely mentioned actor is found through its mentions; a frequently mentioned one by reading
    the articles newest first until there are enough quotes, in the newest 2,000 articles at most
    (an actor mentioned everywhere but seldom quoted would otherwise make it read the whole store).
    """
    where, params = actor_clause("", selector, False, alias="en")
    where = f"{where} AND en.kind != 'place'"
    mentioned = store.execute(f"SELECT count(*) FROM (SELECT 1 FROM entities AS en WHERE {where} LIMIT ?)",
                              params + [FREQUENT]).fetchone()[0]
    if mentioned < FREQUENT:
        docs = [r[0] for r in store.execute(
            f"SELECT DISTINCT en.doc_id, a.published FROM entities AS en JOIN {_ARTICLES} ON a.doc_id = en.doc_id"
            f" WHERE {where} ORDER BY a.published DESC NULLS LAST, en.doc_id", params)]
        return _quotes_in(store, docs, where, params, limit)
    found: list[QuoteHit] = []
    articles = min(store.execute("SELECT count(*) FROM articles").fetchone()[0], CHUNK * MAX_CHUNKS)
    for offset in range(0, articles, CHUNK):
        docs = [r[0] for r in store.execute(
            "SELECT doc_id FROM articles ORDER BY published DESC NULLS LAST, doc_id LIMIT ? OFFSET ?",
            (CHUNK, offset))]
        found.extend(_quotes_in(store, docs, where, params, limit - len(found)))
        if len(found) >= limit:
            break
    return tuple(found)


def _quotes_in(store, docs: list[str], where: str, params: list, limit: int) -> tuple[QuoteHit, ...]:
    """The newest quotes of these articles that mention the actor, ``docs`` being newest first."""
    found: list[QuoteHit] = []
    for start in range(0, len(docs), CHUNK):
        chunk = docs[start:start + CHUNK]
        rows = store.execute(
            f"SELECT DISTINCT {_COLUMNS} FROM entities AS en"
            " JOIN mentions AS m ON m.doc_id = en.doc_id AND m.entity_id = en.entity_id"
            " JOIN quotes AS q ON q.doc_id = m.doc_id AND m.start_char >= q.start_char AND m.end_char <= q.end_char"
            f" JOIN {_ARTICLES} ON a.doc_id = q.doc_id WHERE en.doc_id IN ({placeholders(chunk)}) AND {where}"
            f" ORDER BY {_NEWEST} LIMIT ?", chunk + params + [limit - len(found)])
        found.extend(quote_from_row(row) for row in rows)
        if len(found) >= limit:
            break
    return tuple(found)


def quote_from_row(row) -> QuoteHit:
    return QuoteHit(doc_id=row["doc_id"], idx=row["idx"], speaker=actor_of(row, "speaker"), text=row["text"],
                    start=row["start_char"], end=row["end_char"], kind=row["kind"], cue=row["cue"],
                    title=row["a_title"], published=row["a_published"])


def quotes_between(store, a: ActorSelector, b: ActorSelector, doc_ids: list[str], *, members: bool = True,
                   limit: int = 20) -> tuple[QuoteHit, ...]:
    """Quotes of these articles in which each side is either the speaker or named in the words
    (an academic on "les liens entre Niamey et Moscou"; a source of one side on the other), oldest first.

    SQLite finds the quotes of each side (spoken, or naming it inside the quoted words); only the
    quotes of both are read and built, and only up to ``limit``."""
    if not doc_ids:
        return ()
    docs = doc_ids[:200]
    both = _involving(store, a, docs, members) & _involving(store, b, docs, members)
    if not both:
        return ()
    found = []
    said: set[tuple] = set()  # a copy of an article repeats its quotes: once
    chosen = sorted(both)
    for row in store.execute(f"SELECT {_COLUMNS} FROM quotes AS q JOIN {_ARTICLES} ON a.doc_id = q.doc_id"
                             f" WHERE q.rowid IN ({placeholders(chosen)}) ORDER BY a.published, q.doc_id, q.idx",
                             chosen):
        if (row["text"], row["speaker_name"]) not in said:
            said.add((row["text"], row["speaker_name"]))
            found.append(quote_from_row(row))
            if len(found) == limit:
                break
    return tuple(found)


def _involving(store, selector: ActorSelector, docs: list[str], members: bool) -> set[int]:
    """The quotes (rowids) of these articles that the actor speaks, or whose words name it
    (a mention of it, not of a place, inside the quote)."""
    speaker, speaker_params = actor_clause("speaker", selector, members, alias="q")
    named, named_params = actor_clause("", selector, members, alias="en")
    in_docs = placeholders(docs)
    return {r[0] for r in store.execute(
        f"SELECT q.rowid FROM quotes AS q WHERE q.doc_id IN ({in_docs}) AND {speaker}"
        " UNION SELECT q.rowid FROM entities AS en"
        " JOIN mentions AS m ON m.doc_id = en.doc_id AND m.entity_id = en.entity_id"
        " JOIN quotes AS q ON q.doc_id = m.doc_id AND m.start_char >= q.start_char AND m.end_char <= q.end_char"
        f" WHERE en.doc_id IN ({in_docs}) AND en.kind != 'place' AND {named}",
        docs + speaker_params + docs + named_params)}
