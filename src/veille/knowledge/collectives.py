"""Groups of states named by a collective noun: one actor per member state.

    "les cinq pays membres du G5 Sahel"   -> the members of the G5 Sahel on the date (organisations.yaml)
    "le Mali et la Russie ... les deux Etats"   -> the coordination just before (same size)
    "les deux pays"                       -> else the two states mentioned last (names, capitals, demonyms)
    "seule la Mauritanie n'a pas signé ... Quatre des pays ont signé"
                                          -> the group without the members singled out since it was named,
                                             when that leaves exactly the number given
An indefinite subset ("certains pays", "deux des cinq pays" with nobody singled out) names no state in
particular: it gives no members rather than wrong ones.
"""
from __future__ import annotations


from spacy.tokens import Token

from veille.knowledge.normalize import key, role_words
from veille.knowledge.phrases import case_words
from veille.knowledge.records import Country, Organisation
from veille.knowledge.views import ResolvedDoc


WINDOW = 90  # tokens (about three sentences) where the antecedent of "les deux pays" is looked for
DEFINITE = frozenset({"le", "la", "l", "les", "ce", "cet", "cette", "ces"})
OF = frozenset({"de", "des", "du", "d"})


class Collectives:
    def __init__(self, actors: ResolvedDoc):
        self.a, self.kb, self.doc = actors, actors.kb, actors.doc
        self._sets: list[tuple[int, tuple[str, ...]]] = []  # (token, member codes) in order of resolution
        self._done: dict[int, tuple[str, ...] | None] = {}

    def is_collective(self, tok: Token) -> bool:
        if tok.pos_ not in ("NOUN", "PROPN"):
            return False
        named = role_words(tok.lemma_ or tok.text) in self.kb.collectives or role_words(tok.text) in self.kb.collectives
        return named and "Sing" not in tok.morph.get("Number")  # the morphology last: the dearest to read

    def members(self, tok: Token) -> tuple[str, ...] | None:
        """The member states a collective phrase headed by `tok` denotes, or None."""
        if tok.i in self._done:
            return self._done[tok.i]
        self._done[tok.i] = None
        if not self.is_collective(tok):
            return None
        count = self._count(tok)
        codes = self._organisation_members(tok)
        since = tok.i
        if codes is None and self._definite(tok):
            since, codes = self._antecedent(tok, count)
        if codes is not None and count is not None:
            codes = self._subset(codes, count, since, tok.i)
        if codes:
            self._sets.append((tok.i, codes))
        self._done[tok.i] = codes or None
        return codes or None

    # ------------------------------------------------------------------ parts of the phrase

    def _count(self, tok: Token) -> int | None:
        """"les deux pays" (a cardinal modifier), "Quatre des pays" (a partitive head)."""
        for c in tok.children:
            if c.dep_ == "nummod" or c.pos_ == "NUM":
                n = self.kb.number(c.text)
                if n is not None:
                    return n
        if self._partitive_of(tok) and tok.head.i < tok.i:
            return self.kb.number(tok.head.text)
        return None

    def _partitive_of(self, tok: Token) -> bool:
        """"Quatre des pays": the group after a partitive head ("des" = "de les", parsed as case or det)."""
        for c in tok.children:  # "Quatre des pays" parsed with "Quatre" as a modifier of "pays"
            if c.dep_ == "det" and key(c.text) == "des" and c.i > 0 and key(self.doc[c.i - 1].text) in self.kb.partitive:
                return True
        head = tok.head
        if head.i == tok.i or head.i > tok.i or key(head.text) not in self.kb.partitive:
            return False
        return bool(case_words(tok) & OF) or any(c.dep_ == "det" and key(c.text) == "des" for c in tok.children)

    def _definite(self, tok: Token) -> bool:
        """"les/ces deux pays", "quatre des pays" (de + les): a group the reader already knows."""
        dets = {key(c.text) for c in tok.children if c.dep_ == "det"}
        return bool(dets & DEFINITE) or self._partitive_of(tok)

    def _organisation_members(self, tok: Token) -> tuple[str, ...] | None:
        """"les pays membres du G5 Sahel", "les États de la CEDEAO": the members on the publication date."""
        for t in tok.subtree:
            if t.i <= tok.i:
                continue
            m = self.a.match_at(t.i)
            if m is not None and isinstance(m.hit.entry, Organisation):
                codes = self.kb.members(m.hit.entry.id, self.a.published)
                if codes:
                    return codes
        return None

    # ------------------------------------------------------------------ antecedents

    def _antecedent(self, tok: Token, count: int | None) -> tuple[int, tuple[str, ...] | None]:
        """The group named just before: an earlier collective, a coordination, the last `count` states."""
        for i, codes in reversed(self._sets):
            if tok.i - i <= WINDOW and (count is None or len(codes) >= count):
                return i, codes
        chains = self._coordinations(tok.i)
        for i, codes in reversed(chains):
            if count is None or len(codes) == count:
                return i, codes
        if count is None:
            return tok.i, None
        recent = self._recent_states(tok.i)
        if count < 1 or len(recent) < count:  # "zéro pays", or too few states named before
            return tok.i, None
        chosen = sorted(recent[:count], key=lambda x: x[2])  # in the order the text first names them
        return min(first for _, _, first in chosen), tuple(c for _, c, _ in chosen)

    def _country_at(self, i: int) -> str | None:
        m = self.a.match_at(i)
        if m is not None and isinstance(m.hit.entry, Country) and m.start == i:
            return m.hit.entry.code
        return None

    def _coordinations(self, end: int) -> list[tuple[int, tuple[str, ...]]]:
        """"le Mali et la Russie": states joined by `conj` in the window, in text order."""
        out = []
        for i in range(max(0, end - WINDOW), end):
            code = self._country_at(i)
            tok = self.doc[i]
            if code is None or tok.dep_ == "conj" and self._country_at(tok.head.i):
                continue
            codes = [code] + [c for t in _conjuncts(tok) for c in [self._country_at(t.i)] if c]
            codes = list(dict.fromkeys(codes))
            if len(codes) >= 2:
                out.append((i, tuple(codes)))
        return out

    def _recent_states(self, end: int) -> list[tuple[int, str, int]]:
        """Distinct states named in the window (names, capitals, demonyms, places), most recent first, as
        (last mention, code, first mention in the window)."""
        last: dict[str, int] = {}
        first: dict[str, int] = {}
        for i in range(end - 1, max(-1, end - WINDOW), -1):
            code = self._country_at(i) or self._demonym_at(i) or self._place_country(i)
            if code and code in self.kb.countries:
                last.setdefault(code, i)
                first[code] = i
        return [(i, c, first[c]) for c, i in last.items()]

    def _demonym_at(self, i: int) -> str | None:
        tok = self.doc[i]
        if tok.pos_ != "ADJ":
            return None
        found = self.kb.demonym(tok.text)
        return found[0].code if len(found) == 1 else None

    def _place_country(self, i: int) -> str | None:
        tok = self.doc[i]
        if tok.ent_type_ not in ("LOC", "GPE") or tok.ent_iob_ != "B" or self.a.match_at(i):
            return None
        place = self.a.gazetteer.lookup(tok.text, self.a.context_countries)
        return place.country if place is not None and place.geonames_id else None

    def _subset(self, codes: tuple[str, ...], count: int, since: int, end: int) -> tuple[str, ...] | None:
        """`count` of the group: all of it, or the rest once the members singled out since are removed."""
        if len(codes) == count:
            return codes
        if len(codes) < count:
            return None
        singled = {self._country_at(i) for i in range(since + 1, end)} - {None}
        rest = tuple(c for c in codes if c not in singled)
        return rest if len(rest) == count else None


def _conjuncts(tok: Token) -> list[Token]:
    """The tokens coordinated with `tok` ("le Mali, le Burkina Faso et le Niger"), nested chains included."""
    out: list[Token] = []
    todo = [tok]
    while todo:
        for c in todo.pop().children:
            if c.dep_ == "conj":
                out.append(c)
                todo.append(c)
    return sorted(out, key=lambda t: t.i)
