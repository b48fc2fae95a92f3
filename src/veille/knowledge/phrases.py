"""Surface analysis of a parsed article: KB names over tokens, role terms, demonyms, place uses.

Works on spaCy tokens but trusts the KB over the NER label: "G5 Sahel" tagged LOC is still
an organisation, "Ambassadeur russe" tagged LOC is still a role plus a demonym.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from veille.knowledge.kb import Hit, KnowledgeBase
from veille.knowledge.normalize import fold, is_acronym, role_words, singular, words
from veille.knowledge.records import Organisation, Person, RoleTerm

TITLES = frozenset(words("président présidente m mme monsieur madame colonel général capitaine commandant "
                         "lieutenant maréchal ministre premier chef imam docteur dr professeur ayatollah "
                         "cheikh émir roi reine prince sultan sénateur député juge procureur"))
# Punctuation that a name or a role term may span (hyphens, apostrophes, dots of initials).
_JOINERS = frozenset("-'’.")
_ARTICLE = re.compile(r"^(?:l['’]\s*|(?:le|la|les|the)\s+)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Match:
    """A KB name found over tokens [start, end)."""

    start: int
    end: int
    hit: Hit


@dataclass(frozen=True, slots=True)
class RoleMatch:
    role: RoleTerm
    start: int
    end: int
    former: bool


RoleMemo = dict[int, tuple[RoleTerm, int] | None]  # token position -> role_at() there


def token_words(tok: Token) -> tuple[str, ...]:
    return words(tok.text)


def _stops(tok: Token) -> bool:
    return tok.is_punct and tok.text not in _JOINERS or tok.is_space


def _case_ok(alias: str, surface: str) -> bool:
    """Acronyms match capitals only ("AU" is not "Au"); capitalised one-word names need a capital."""
    if is_acronym(alias):
        letters = [c for c in surface if c.isalpha()]
        return all(c.isupper() for c in letters) or (len(letters) >= 3 and letters[0].isupper())
    core = without_article(alias)
    if core[:1].isupper() and " " not in core:
        return surface[:1].isupper()  # "Le Monde" is not "le monde arabe"
    return True


def without_article(alias: str) -> str:
    """A name without its leading article ("Le Monde" -> "Monde", "l'Élysée" -> "Élysée")."""
    alias = alias.strip()
    m = _ARTICLE.match(alias)
    return alias[m.end():] if m and m.end() < len(alias) else alias


def scan_names(doc: Doc, kb: KnowledgeBase) -> list[Match]:
    """Longest KB name at each position, left to right, without overlaps."""
    out: list[Match] = []
    n_tok, i = len(doc), 0
    while i < n_tok:
        tok = doc[i]
        first = token_words(tok)
        if not first or first[0] not in kb.first_words:
            i += 1
            continue
        best: tuple[int, list[Hit]] | None = None
        parts: list[str] = []
        for j in range(i, min(n_tok, i + kb.max_alias_words + 4)):
            if j > i and _stops(doc[j]):
                break
            more = token_words(doc[j])
            if not more:
                continue
            parts.extend(more)
            if len(parts) > kb.max_alias_words:
                break
            joined = " ".join(parts)
            if joined not in kb.alias_prefixes:
                break  # no KB name starts with these words: none is longer either
            hits = kb.lookup_key(joined)
            if hits:
                surface = doc[i:j + 1].text
                good = [h for h in hits if _case_ok(h.alias, surface)]
                if good:
                    best = (j + 1, good)
        if best is None:
            i += 1
            continue
        end, hits = best
        out.extend(Match(i, end, h) for h in hits)
        i = end
    return out


def _alternatives(tok: Token) -> list[tuple[str, ...]]:
    a, b = role_words(tok.text), role_words(tok.lemma_ or tok.text)
    return [a] if a == b or len(a) != len(b) else [a, b]


def role_at(doc: Doc, start: int, kb: KnowledgeBase) -> tuple[RoleTerm, int] | None:
    """The longest role term starting at token `start` (matched on surface or lemma), with its end."""
    states: list[tuple[str, ...]] = [()]
    best: tuple[RoleTerm, int] | None = None
    for j in range(start, min(len(doc), start + kb.max_role_words + 3)):
        tok = doc[j]
        if j > start and _stops(tok):
            break
        if j > start and (not token_words(tok) or (tok.pos_ == "ADJ" and kb.demonym(tok.text) and states != [()])):
            continue  # hyphens; a demonym inside a term: "le ministre malien de la Défense"
        nxt = []
        for prefix in states:
            for alt in _alternatives(tok):
                cand = prefix + alt
                if alt and cand in kb.role_prefixes:
                    nxt.append(cand)
                elif not alt:
                    nxt.append(prefix)
        states = list(dict.fromkeys(nxt))
        if not states:
            break
        for s in states:
            role = kb.role(s)
            if role and s:
                best = (role, j + 1)
    return best


def role_for(tok: Token, kb: KnowledgeBase, memo: RoleMemo | None = None) -> RoleMatch | None:
    """The role term covering `tok` (starting at it or at one of its left modifiers). ``memo``: the
    terms already looked up at positions of the same document (neighbouring nouns look at the same
    positions; ``Describer.roles_at`` keeps one per article)."""
    if not may_be_in_role(tok, kb):
        return None
    doc = tok.doc
    lo = max(tok.left_edge.i, tok.i - 4)
    former = False
    best: RoleMatch | None = None
    for s in range(lo, tok.i + 1):
        t = doc[s]
        ws = token_words(t)
        if ws and (singular(ws[0]) in kb.former or fold(t.text).startswith("ex-")):
            former = True
        found = _memo_role_at(doc, s, kb, memo)
        if found is None and fold(t.text).startswith("ex-") and s == tok.i:
            found = _role_after_prefix(t, kb)
        if found and found[1] > tok.i and (best is None or found[1] - s > best.end - best.start):
            best = RoleMatch(found[0], s, found[1], False)
    if best is None:
        return None
    return RoleMatch(best.role, best.start, best.end, former)


def may_be_in_role(tok: Token, kb: KnowledgeBase) -> bool:
    """False when no role term can cover `tok`: `role_at` steps over a token only when it has no
    words or is a demonym adjective, else extends a term with the token's surface or lemma words,
    which must then all be words of role terms ("ex-" forms go their own way)."""
    if not token_words(tok) or fold(tok.text).startswith("ex-") or (tok.pos_ == "ADJ" and kb.demonym(tok.text)):
        return True
    return any(all(w in kb.role_term_words for w in alt) for alt in _alternatives(tok))


def _memo_role_at(doc: Doc, start: int, kb: KnowledgeBase, memo: RoleMemo | None) -> tuple[RoleTerm, int] | None:
    if memo is None:
        return role_at(doc, start, kb)
    if start not in memo:
        memo[start] = role_at(doc, start, kb)
    return memo[start]


def _role_after_prefix(tok: Token, kb: KnowledgeBase) -> tuple[RoleTerm, int] | None:
    role = kb.role(role_words(tok.text[3:]))
    return (role, tok.i + 1) if role else None


def demonym_countries(tok: Token, kb: KnowledgeBase) -> list[str]:
    return [c.code for c in kb.demonym(tok.text)]


def case_words(tok: Token) -> set[str]:
    """Folded prepositions attached to a token ("au" -> {"au", "a"})."""
    out: set[str] = set()
    for c in tok.children:
        if c.dep_ in ("case", "mark") or (c.dep_ == "det" and c.pos_ == "ADP"):
            out.update(words(c.text))
            out.update(words(c.lemma_))
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.pos_ == "ADP" and not out:
        out.update(words(prev.text))
    return out


def is_place_use(head: Token, kind: str, kb: KnowledgeBase) -> bool:
    """A country or seat used as a location ("une formation à Moscou", "en Russie"), not as an actor."""
    cases = case_words(head)
    if cases & kb.locative:
        return True
    if cases & {"a", "au", "aux"}:
        if kind == "seat":
            return True
        gov = head.head
        if gov.pos_ in ("NOUN", "PROPN"):
            return fold(gov.lemma_) not in kb.dative_nouns and fold(gov.text) not in kb.dative_nouns
        return fold(gov.lemma_) in kb.motion_verbs or gov.i == head.i
    return False


def person_context_ok(match: Match, doc: Doc, named: set[str]) -> bool:
    """A surname alone ("Goïta") names the KB person after a full mention, a title, or a PER label."""
    person = match.hit.entry
    assert isinstance(person, Person)
    prev = doc[match.start - 1] if match.start > 0 else None
    if prev is not None and set(token_words(prev)) & TITLES:
        return True
    if prev is not None and doc[match.start].ent_iob_ == "I" and prev.ent_type_ == "PER":
        return False  # "Moussa Keïta" is not Ibrahim Boubacar Keïta: another first name, another person
    if person.id in named:
        return True
    return doc[match.start].ent_type_ == "PER"


def valid_on(entry, published) -> bool:
    if isinstance(entry, Organisation):
        return entry.period.covers(published) or any(r.period.covers(published) for r in entry.rules)
    return True
