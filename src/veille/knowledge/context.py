"""Which countries an article is about: counted from names, seats, demonyms, people, bodies, places
and the headline ("Mali : la Russie, véritable soutien ..." puts Mali first)."""
from __future__ import annotations

from collections import Counter
from datetime import date

from spacy.tokens import Doc

from veille.knowledge.gazetteer import Gazetteer
from veille.knowledge.kb import KnowledgeBase
from veille.knowledge.normalize import singular, words
from veille.knowledge.phrases import Match
from veille.knowledge.records import Country, Person

TITLE_WEIGHT = 4  # a country in the headline counts like four body mentions; the first one (the
# rubric of "Mali : la Russie, ...") twice that


def country_counts(doc: Doc, token_match: dict[int, Match], kb: KnowledgeBase, gazetteer: Gazetteer,
                   published: date | None, title: str | None) -> Counter[str]:
    """Mentions per country code in the article (people and national bodies weigh more than names)."""
    counts: Counter[str] = Counter()
    seen: set[int] = set()
    for m in token_match.values():
        if m.start in seen:
            continue
        seen.add(m.start)
        e = m.hit.entry
        if isinstance(e, Person):
            code = kb.role_of(e, published).country
        else:
            code = e.code if isinstance(e, Country) else getattr(e, "country", None)
        if code and code in kb.countries:
            # people and national bodies anchor an article in their country more than a passing name
            counts[kb.countries[code].code] += 1 if isinstance(e, Country) else 3
    for tok in doc:
        if tok.pos_ in ("ADJ", "NOUN", "PROPN") and tok.i not in token_match:
            for c in kb.demonym(tok.text):
                counts[c.code] += 1
        elif tok.ent_type_ == "LOC" and tok.i not in token_match and tok.ent_iob_ == "B":
            place = gazetteer.lookup(tok.text)
            if place is not None and place.country and place.geonames_id:
                counts[place.country] += 1
    for n, code in enumerate(title_countries(kb, title)):
        counts[code] += TITLE_WEIGHT * (2 if n == 0 else 1)
    return counts


def title_countries(kb: KnowledgeBase, title: str | None) -> list[str]:
    """Countries named in the title (names, seats, demonyms), in order: headlines name the setting."""
    out: list[str] = []
    ws = words(title or "")
    for i in range(len(ws)):
        for n in (3, 2, 1):
            phrase = " ".join(ws[i:i + n])
            hits = [h.entry for h in kb.lookup_key(phrase) if h.kind in ("country", "seat")]
            hits += kb.demonym(phrase) if n == 1 else []
            for c in hits:
                if c.code not in out:
                    out.append(c.code)
            if hits:
                break
    return out


def title_roles(kb: KnowledgeBase, title: str | None) -> dict[str, str]:
    """Descriptions the headline gives a country ("... des rebelles syriens"): role id -> country."""
    out: dict[str, str] = {}
    raw = words(title or "")
    ws = tuple(singular(w) for w in raw)
    for i in range(len(ws)):
        for n in range(min(kb.max_role_words, len(ws) - i), 0, -1):
            role = kb.role(ws[i:i + n])
            if role is None:
                continue
            codes = [c.code for w in raw[i + n:i + n + 2] for c in kb.demonym(w)]
            if codes and role.id not in out:
                out[role.id] = codes[0]
            break
    return out
