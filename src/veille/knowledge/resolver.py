"""Resolve every actor mention of a parsed article to a stable identity.

Contract used by extract/ (events, claims, quotes):

    actors = resolve_doc(doc, published, kb, gazetteer)   # once per article
    actors.actor_for_token(token) -> Actor | None
        # the actor denoted by the noun phrase headed by `token` (or the mention containing it):
        # NER spans, KB aliases, demonym adjectives ("militaires maliens" -> MLI MIL),
        # complements ("l'armée du Burkina"), appositions ("Assimi Goita, le chef du CNSP"),
        # role descriptions resolved by publication date ("la junte" in 2020-09 -> CNSP),
        # pronouns and repeated descriptions via in-article coreference. Coordinated
        # phrases are NOT merged: callers walk `conj` themselves and ask once per conjunct.
    actors.actors_for_token(token) -> list[Actor]
        # every actor the phrase denotes: the member states of a collective ("les deux pays", "quatre
        # des pays", "les pays membres du G5 Sahel" -> one country actor each; actor_for_token gives
        # the first of them), else [actor_for_token(token)] or []. Emit one event per member.
    actors.actor_for_span(span) -> Actor | None
    actors.place_for_token(token) -> Place | None     # a name used as a location ("à Moscou"),
        # named as the text writes it ("Moscou", not GeoNames' "Moscow")
    actors.mentions -> list[Mention]
    actors.entities() -> list[Entity]
    actors.context_countries -> tuple[str, ...]       # the article's countries, most mentioned first

A mention that cannot be fully resolved stays an actor with whatever could be inferred
(a description, a country, sectors); only phrases that denote no actor return None. A capital or
seat used as a participant is its country's government ("Moscou a démenti"); another city as a
subject is its inhabitants (CVL), not a government ("Tombouctou a été ...").
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from veille.knowledge.collectives import Collectives
from veille.knowledge.context import country_counts, title_roles
from veille.knowledge.describe import Describer
from veille.knowledge.gazetteer import Gazetteer
from veille.knowledge.kb import KnowledgeBase
from veille.knowledge.phrases import (
    Match, is_place_use, person_context_ok, scan_names, valid_on, without_article,
)
from veille.knowledge.records import Country, Organisation, Person, Region
from veille.model import Actor, Entity, EntityKind, Mention, Place
from veille.model import Span as TextSpan
from veille.nlp import doc_text

ACTOR_POS = frozenset({"NOUN", "PROPN", "PRON"})
LOCAL_WINDOW = 60  # tokens: about two sentences
SINGLE_COUNTRY_SHARE = 0.6  # an article is about one country when it has this share of country mentions
SUBJECT_DEPS = ("nsubj", "nsubj:pass", "obl:agent")


def resolve_doc(doc: Doc, published: date | None, kb: KnowledgeBase, gazetteer: Gazetteer,
                title: str | None = None) -> "DocActors":
    """Resolve the actors of one parsed article (call once per article, then ask per token).

    `title` (optional) helps find the article's country: "Mali : la Russie, véritable soutien..."."""
    return DocActors(doc, published, kb, gazetteer, title)


class DocActors:
    def __init__(self, doc: Doc, published: date | None, kb: KnowledgeBase, gazetteer: Gazetteer,
                 title: str | None = None):
        self.doc, self.published, self.kb, self.gazetteer = doc, published, kb, gazetteer
        self.title = title
        self.text = doc_text(doc)
        self.ents = tuple(doc.ents)  # Doc.ents is rebuilt at each access: read it once
        self._token_match: dict[int, Match] = {}
        self._places: dict[int, Place] = {}
        self._actors: dict[int, Actor | None] = {}
        self._spans: dict[int, tuple[int, int]] = {}
        self.mentions: list[Mention] = []
        self._select_names(scan_names(doc, kb))
        self.context_countries = self._context()
        self.single_country = self._single_country()
        self.collectives = Collectives(self)
        self.describer = Describer(self)
        for tok in doc:
            if tok.pos_ in ACTOR_POS or tok.i in self._token_match:
                self.actor_for_token(tok)

    def cover(self, start: int, end: int, actor: Actor) -> None:
        """Tokens [start, end) belong to a phrase already resolved to `actor` ("armées" in "forces armées
        russes", the appositive "enseignante-chercheuse" of a name): they denote the same actor."""
        for j in range(start, end):
            if j not in self._actors and j not in self._token_match:
                self._actors[j] = actor

    # ------------------------------------------------------------------ public

    def actor_for_token(self, tok: Token) -> Actor | None:
        """The actor denoted by the phrase headed by `tok` (None for places and abstract nouns)."""
        i = tok.i
        if i in self._actors:
            return self._actors[i]
        self._actors[i] = None  # guards against cycles through complements and appositions
        actor, span = self._compute(tok)
        self._actors[i] = actor
        if actor is not None:
            self._record(i, actor, span)
            self.cover(span[0], span[1], actor)
        return actor

    def actors_for_token(self, tok: Token) -> list[Actor]:
        """Every actor the phrase headed by `tok` denotes: the members of a collective, else its actor."""
        group = self.describer.partitive_group(tok) or tok
        codes = self.collectives.members(group) if tok.i not in self._token_match else None
        if codes and self.actor_for_token(tok) is not None:
            return [self.country_actor(self.kb.countries[c], role=self._phrase(group), confidence=0.6)
                    for c in codes]
        actor = self.actor_for_token(tok)
        return [actor] if actor is not None else []

    def collective_actor(self, tok: Token) -> Actor | None:
        """The first member state of a collective phrase ("les deux pays"), None for a location use."""
        codes = self.collectives.members(tok)
        if not codes or is_place_use(tok, "country", self.kb):
            return None
        return self.country_actor(self.kb.countries[codes[0]], role=self._phrase(tok), confidence=0.6)

    def _phrase(self, tok: Token) -> str:
        return self.doc[tok.left_edge.i:tok.i + 1].text

    def actor_for_span(self, span: Span) -> Actor | None:
        """The actor of a span's syntactic head, else of the first mention inside it."""
        root = span.root
        actor = self.actor_for_token(root)
        if actor is not None:
            return actor
        for tok in span:
            if tok.i in self._actors and self._actors[tok.i] is not None:
                return self._actors[tok.i]
        return None

    def place_for_token(self, tok: Token) -> Place | None:
        """The place a token names when used as a location (a city, a country after "en"/"à"), named as
        written in the text ("Moscou"; the coordinates and GeoNames id are the gazetteer's)."""
        if tok.i in self._places:
            return self._places[tok.i]
        m = self._token_match.get(tok.i)
        if m is None and tok.ent_type_ in ("LOC", "GPE"):
            ent = self.ent_at(tok.i)
            return self.lookup_place(ent.text if ent else tok.text)
        if m is not None and m.hit.kind in ("country", "seat", "region"):
            return self.lookup_place(self.doc[m.start:m.end].text)
        return None

    def lookup_place(self, text: str) -> Place | None:
        place = self.gazetteer.lookup(text, self.context_countries)
        return replace(place, name=without_article(text)) if place is not None else None

    def host_country(self, i: int) -> str | None:
        """The country where the action before token i takes place: the last place named before it (a
        country after "en"/"au", a city), not a country acting ("la France a salué")."""
        for j in range(i - 1, -1, -1):
            place = self._places.get(j) or self._unknown_place(j)
            if place is not None and place.country in self.kb.countries:
                return place.country
        return None

    def _unknown_place(self, j: int) -> Place | None:
        """A city the KB does not name ("à Homs"), looked up at the first token of its entity."""
        tok = self.doc[j]
        if tok.ent_type_ not in ("LOC", "GPE") or tok.ent_iob_ != "B":
            return None
        ent = self.ent_at(j)
        if ent is None or any(k in self._token_match for k in range(ent.start, ent.end)):
            return None
        return self.lookup_place(ent.text)

    def entities(self) -> list[Entity]:
        """Mentions grouped by identity (KB id, else description and country), in order of first mention."""
        groups: dict[str, list[Mention]] = {}
        for m in self.mentions:
            groups.setdefault(identity(m.actor), []).append(m)
        out = []
        for n, (ident, ms) in enumerate(groups.items(), 1):
            a = max(ms, key=lambda m: (m.actor.confidence, len(m.span.text))).actor
            spans = tuple(dict.fromkeys(m.span for m in ms))
            out.append(Entity(id=a.kb_id or f"e{n}", name=a.name, kind=a.kind or EntityKind.GROUP,
                              country=a.country, sector=a.sector, org=a.org, kb_id=a.kb_id, mentions=spans))
        return out

    # ------------------------------------------------------------------ names

    def _select_names(self, matches: list[Match]) -> None:
        """Keep one KB entry per matched name: valid on the date, in the article's countries, persons in context."""
        named: set[str] = set()
        by_pos: dict[tuple[int, int], list[Match]] = {}
        for m in matches:
            by_pos.setdefault((m.start, m.end), []).append(m)
        for (start, end), ms in sorted(by_pos.items()):
            ms = self._filter_hits(ms, named)
            if not ms:
                continue
            m = ms[0]
            if isinstance(m.hit.entry, Person) and m.hit.kind == "person":
                named.add(m.hit.entry.id)
            if self._inside_foreign_person(m):
                continue
            for i in range(start, end):
                self._token_match[i] = m

    def _filter_hits(self, ms: list[Match], named: set[str]) -> list[Match]:
        ms = [m for m in ms if m.hit.kind != "person_short" or person_context_ok(m, self.doc, named)]
        dated = [m for m in ms if valid_on(m.hit.entry, self.published)]
        ms = dated or ms
        if len(ms) > 1:
            countries = [c for c in self._rough_countries()]
            ms.sort(key=lambda m: (getattr(m.hit.entry, "country", None) not in countries,
                                   m.hit.kind == "person_short"))
        return ms

    def _rough_countries(self) -> list[str]:
        if not hasattr(self, "_rough"):
            counts = Counter(m.hit.entry.code for m in self._token_match.values()
                             if isinstance(m.hit.entry, Country))
            self._rough = [c for c, _ in counts.most_common()]
        return self._rough

    def _inside_foreign_person(self, m: Match) -> bool:
        """"Paris" inside the PER entity "Paris Hilton" is not France."""
        if isinstance(m.hit.entry, Person):
            return False
        tok = self.doc[m.start]
        if tok.ent_type_ != "PER":
            return False
        ent = self.ent_at(m.start)
        return ent is not None and (ent.end - ent.start) > (m.end - m.start)

    def _context(self) -> tuple[str, ...]:
        """The article's countries by number of mentions (names, seats, demonyms, organisations, people)."""
        self._country_counts = country_counts(self.doc, self._token_match, self.kb, self.gazetteer,
                                              self.published, self.title)
        return tuple(c for c, _ in self._country_counts.most_common())

    def _single_country(self) -> str | None:
        """The article's country when it is about one country (most of the country mentions), else None."""
        total = sum(self._country_counts.values())
        if not total:
            return None
        code, n = self._country_counts.most_common(1)[0]
        return code if n >= SINGLE_COUNTRY_SHARE * total else None

    def _title_roles(self) -> dict[str, str]:
        if not hasattr(self, "_title_role_map"):
            self._title_role_map = title_roles(self.kb, self.title)
        return self._title_role_map

    def country_for_role(self, resolve: str | None, i: int, role_id: str | None = None) -> str | None:
        """The country of a description that names none ("la junte", "les manifestants").

        "la junte", "le régime": the first article country with a ruling body on the date. Others: the
        article's country when some actor near the mention belongs to it (people, bodies and
        descriptions of the last ~2 sentences, not bare country names, which are mostly partners), else
        the country most of those actors belong to, else the article's country."""
        if resolve in ("junta", "regime"):
            kind = "junta" if resolve == "junta" else None
            for code in self.context_countries:
                if self.kb.ruling_body(code, self.published, kind) is not None:
                    return code
        if role_id and role_id in self._title_roles():
            return self._title_roles()[role_id]
        local: Counter[str] = Counter()
        for j, actor in self.mentions_before(i):
            if i - j > LOCAL_WINDOW:
                break
            if actor.kind != EntityKind.COUNTRY and actor.country in self.kb.countries:
                local[actor.country] += 1
        main = self.context_countries[0] if self.context_countries else None
        if main is not None and local.get(main):
            return main  # the article's country is among the actors near: it wins over a partner's
        if local:
            best = max(local.values())
            ranked = [c for c in self.context_countries if local.get(c) == best]
            return ranked[0] if ranked else local.most_common(1)[0][0]
        return self.context_countries[0] if self.context_countries else None

    # ------------------------------------------------------------------ per token

    def _compute(self, tok: Token) -> tuple[Actor | None, tuple[int, int]]:
        m = self._token_match.get(tok.i)
        if m is not None:
            return self._actor_for_match(m), (m.start, m.end)
        actor, span = self.describer.describe(tok)
        if actor is None and tok.dep_ in SUBJECT_DEPS:
            actor = self._city_as_subject(tok)
        return actor, span

    def _city_as_subject(self, tok: Token) -> Actor | None:
        """"Tombouctou a été ...": a city (not a capital, which the KB names as a seat) acting as a subject
        stands for its inhabitants, not for a government."""
        if tok.pos_ != "PROPN" or tok.ent_type_ not in ("LOC", "GPE"):
            return None
        place = self.place_for_token(tok)
        if place is None or not place.geonames_id or place.country not in self.kb.countries:
            return None
        self._places[tok.i] = place
        return Actor(name=place.name, country=place.country, sector=("CVL",), confidence=0.3,
                     kind=EntityKind.PLACE)

    def _actor_for_match(self, m: Match) -> Actor | None:
        e, kind = m.hit.entry, m.hit.kind
        head = self._match_head(m)
        if isinstance(e, Region):
            self._places[head.i] = self.lookup_place(self.doc[m.start:m.end].text)
            return None
        if isinstance(e, Country):
            if is_place_use(head, kind, self.kb):
                self._places[head.i] = self.lookup_place(self.doc[m.start:m.end].text)
                return None
            return self.country_actor(e, role=self.doc[m.start:m.end].text if kind == "seat" else None)
        if isinstance(e, Organisation):
            return self.org_actor(e)
        if isinstance(e, Person):
            person = self.person_actor(e)
            self.describer.names.note_kb_person_apposition(m.end, person)
            return person
        return None

    def _match_head(self, m: Match) -> Token:
        span = self.doc[m.start:m.end]
        return span.root

    # ------------------------------------------------------------------ actor builders

    def country_actor(self, c: Country, role: str | None = None, confidence: float = 0.9) -> Actor:
        return Actor(name=c.name, country=c.code, sector=("GOV",), kb_id=c.kb_id, confidence=confidence,
                     role=role, kind=EntityKind.COUNTRY)

    def org_actor(self, o: Organisation, confidence: float = 0.9) -> Actor:
        return Actor(name=o.name, country=o.country, sector=self.kb.org_sectors(o, self.published), org=o.org,
                     kb_id=o.kb_id, confidence=confidence, kind=EntityKind.ORGANISATION)

    def person_actor(self, p: Person, confidence: float = 0.9, role: str | None = None) -> Actor:
        r = self.kb.role_of(p, self.published)
        return Actor(name=p.name, country=r.country, sector=r.sectors, org=r.org, kb_id=p.kb_id,
                     confidence=confidence, role=role or r.title, kind=EntityKind.PERSON)

    def ent_at(self, i: int) -> Span | None:
        return next((e for e in self.ents if e.start <= i < e.end), None)

    def match_at(self, i: int) -> Match | None:
        return self._token_match.get(i)

    def remember_place(self, i: int, place: Place | None) -> None:
        if place is not None:
            self._places[i] = place

    def _record(self, i: int, actor: Actor, span: tuple[int, int]) -> None:
        start, end = span
        if start in self._spans and self._spans[start] == span and i != start:
            return
        doc = self.doc
        first, last = doc[start], doc[end - 1]
        chars = (first.idx, last.idx + len(last.text))
        if any(m.span.start == chars[0] and m.span.end == chars[1] for m in self.mentions[-3:]):
            return
        self._spans[start] = span
        self.mentions.append(Mention(TextSpan(chars[0], chars[1], self.text[chars[0]:chars[1]]), actor))

    def mentions_before(self, i: int) -> Iterator[tuple[int, Actor]]:
        """(token index, actor) of resolved tokens before `i`, most recent first. Lazy: its callers
        stop at the first actor that fits or beyond a window, where sorting every resolved token of
        the article at each call made resolving a pronoun cost as much as the article is long."""
        actors = self._actors
        for j in range(i - 1, -1, -1):
            actor = actors.get(j)
            if actor is not None:
                yield j, actor


def identity(actor: Actor) -> str:
    if actor.kb_id:
        return actor.kb_id
    return f"{actor.kind.value if actor.kind else 'group'}|{actor.name.lower()}|{actor.country}|{actor.org}"
