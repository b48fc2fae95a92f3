"""The actor knowledge base: countries, organisations, people and role terms, with time-aware lookups.

    kb = KnowledgeBase.load()                      # cached per process and data directory
    kb.lookup("l'Élysée")  -> [Hit(kind="seat", entry=Country(FRA))]
    kb.holder("head_of_state", "MLI", date(2019, 5, 1)) -> Person(Ibrahim Boubacar Keïta)
    kb.ruling_body("MLI", date(2020, 9, 1)) -> Organisation(CNSP)
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from veille.knowledge.cache import cached, code_version
from veille.knowledge.loader import DATA_DIR, KnowledgeError, Loaded, load_data, version_of
from veille.knowledge.normalize import key, role_words, words
from veille.knowledge.records import Country, Organisation, Person, Region, RoleTerm, Rule, Tenure
from veille.model import NON_STATE_CODES

Entry = Country | Organisation | Person
# The source of the code that builds the index, read once at import: a process that imported older code
# never stores its index under the key of newer code edited since.
_CODE = code_version("kb", "records", "loader", "normalize")
COUP_DAYS = 3  # an office ending within this many days of a junta taking power ended by that coup


@dataclass(frozen=True, slots=True)
class Hit:
    """One alias match: what kind of name it is (country, seat, demonym, org, person, person_short, region)."""

    kind: str
    entry: Entry | Region
    alias: str


@dataclass(frozen=True, slots=True)
class PersonRole:
    """What a person is on a date: the fields of their actor."""

    country: str
    sectors: tuple[str, ...]
    org: str | None
    title: str | None


class KnowledgeBase:
    _cache: dict[str, "KnowledgeBase"] = {}

    def __init__(self, data: Loaded):
        self.data, self.version = data, data.version
        self.countries = {c.iso3: c for c in data.countries}
        self.orgs = {o.id: o for o in data.organisations}
        self.people = {p.id: p for p in data.people}
        self.offices = data.offices
        self.former = frozenset(" ".join(role_words(x)) for x in data.lists.get("former", ()))
        self.locative = frozenset(key(x) for x in data.lists.get("locative", ()))
        self.numbers = {key(k): v for k, v in data.numbers.items()}
        self.partitive = frozenset(key(x) for x in data.lists.get("partitive", ())) | frozenset(self.numbers)
        self.motion_verbs = frozenset(key(v) for v in data.lists.get("motion_verbs", ()))
        self.dative_nouns = frozenset(key(v) for v in data.lists.get("dative_nouns", ()))
        self.collectives = frozenset(role_words(v) for v in data.lists.get("collectives", ()))
        self.local_words = frozenset(key(v) for v in data.lists.get("local", ()))
        self._aliases: dict[str, list[Hit]] = defaultdict(list)
        self._demonyms: dict[str, list[Country]] = defaultdict(list)
        self._org_adjectives: dict[str, Organisation] = {}
        self._holders: dict[tuple[str, str], list[tuple[Tenure, Person]]] = defaultdict(list)
        self._rulers: dict[str, list[tuple[Rule, Organisation]]] = defaultdict(list)
        self._roles: dict[tuple[str, ...], RoleTerm] = {}
        self._index()

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(cls, data_dir: Path | str | None = None) -> "KnowledgeBase":
        """Load (once per process and directory) and index the data files; raise KnowledgeError if broken."""
        path = str(Path(data_dir).resolve()) if data_dir else str(DATA_DIR)
        if path not in cls._cache:
            cls._cache[path] = cached(f"kb-{_CODE}-{version_of(path)}", lambda: cls._build(path))
        return cls._cache[path]

    @classmethod
    def _build(cls, path: str) -> "KnowledgeBase":
        data = load_data(path)
        if data.problems:
            raise KnowledgeError("knowledge data has problems (run `veille actors check`):\n  "
                                 + "\n  ".join(data.problems[:20]))
        return cls(data)

    def _add(self, kind: str, entry, alias: str) -> None:
        k = key(alias)
        if k and not any(h.entry is entry and h.kind == kind for h in self._aliases[k]):
            self._aliases[k].append(Hit(kind, entry, alias))

    def _index(self) -> None:
        for c in self.data.countries:
            for a in (c.name, c.name_en, *c.aliases):
                self._add("country", c, a)
            for a in c.seats + ((c.capital,) if c.capital else ()):
                self._add("seat", c, a)
            for d in c.demonyms:
                if c not in self._demonyms[key(d)]:
                    self._demonyms[key(d)].append(c)
        for o in self.data.organisations:
            for a in (o.name, *(o.aliases), *((o.name_en,) if o.name_en else ())):
                self._add("org", o, a)
            for rule in o.rules:
                self._rulers[rule.country].append((rule, o))
            for adj in o.adjectives:
                self._org_adjectives[key(adj)] = o
        for p in self.data.people:
            for a in (p.name, *p.aliases):
                self._add("person", p, a)
            for a in p.short:
                self._add("person_short", p, a)
            for t in p.roles:
                self._holders[(t.office, t.country)].append((t, p))
                if t.org:
                    self._holders[(t.office, t.org)].append((t, p))
        for r in self.data.regions:
            self._add("region", r, r.name)
        for role in self.data.roles:
            for term in role.terms:
                self._roles.setdefault(role_words(term), role)
        self.first_words = frozenset(k.split()[0] for k in self._aliases)
        self.max_alias_words = max(len(k.split()) for k in self._aliases)
        # Every alias key cut after 1, 2, ... words: a scan stops where no name goes on.
        self.alias_prefixes = frozenset(" ".join(ws[:n]) for ws in map(str.split, self._aliases)
                                        for n in range(1, len(ws) + 1))
        self.role_prefixes = frozenset(t[:n] for t in self._roles for n in range(1, len(t) + 1))
        self.max_role_words = max(len(t) for t in self._roles)
        self.role_term_words = frozenset(w for t in self._roles for w in t)

    # ------------------------------------------------------------------ lookups

    def lookup(self, name: str) -> list[Hit]:
        """Entries whose name, alias, seat or surname matches (accent/case/apostrophe/article-insensitive)."""
        return list(self._aliases.get(key(name), ()))

    def lookup_key(self, k: str) -> list[Hit]:
        return self._aliases.get(k, [])

    def demonym(self, word: str) -> list[Country]:
        """Countries of a demonym in any gender and number ("maliennes" -> Mali)."""
        return list(self._demonyms.get(key(word), ()))

    def org_adjective(self, word: str) -> Organisation | None:
        """The organisation an adjective names ("onusienne" -> UN)."""
        return self._org_adjectives.get(key(word))

    def seat(self, name: str) -> Country | None:
        """The country whose capital or seat of government this is ("Koulouba" -> Mali)."""
        return next((h.entry for h in self.lookup(name) if h.kind == "seat"), None)

    def country(self, code_or_name: str) -> Country | None:
        if code_or_name in self.countries:
            return self.countries[code_or_name]
        return next((h.entry for h in self.lookup(code_or_name) if h.kind == "country"), None)

    def role(self, term_words: tuple[str, ...]) -> RoleTerm | None:
        return self._roles.get(term_words)

    def is_actor_code(self, code: str | None) -> bool:
        return code is not None and (code in self.countries or code in NON_STATE_CODES)

    # ------------------------------------------------------------------ time

    def holder(self, office: str, country: str | None = None, on: date | None = None,
               org: str | None = None) -> Person | None:
        """Who held an office of a country (or an organisation) on a date; the latest holder when no date."""
        cands = self._holders.get((office, org or country or ""), [])
        valid = [(t, p) for t, p in cands if (on is None and t.period.end is None) or
                 (on is not None and t.period.covers(on))]
        if not valid:
            return None
        return max(valid, key=lambda tp: tp[0].period.start or date.min)[1]

    def ruling_body(self, country: str, on: date | None, kind: str | None = None) -> Organisation | None:
        """The body holding power in a country on a date (a junta, a movement that took over), if any.

        Ruling parties of elected governments are only returned when asked for with kind="party"."""
        if on is None:
            return None
        for rule, org in self._rulers.get(country, ()):
            if rule.period.covers(on) and (rule.kind == kind if kind else rule.kind != "party"):
                return org
        return None

    def deposed_by(self, person_id: str, on: date | None) -> Organisation | None:
        """The junta that took power in the person's country the day one of their offices ended (the
        body that overthrew them), if it had by ``on``: IBK and the CNSP on 18 August 2020."""
        person = self.people.get(person_id)
        if person is None or on is None:
            return None
        for t in person.roles:
            end = t.period.end
            for rule, org in self._rulers.get(t.country, ()) if end is not None and end <= on else ():
                start = rule.period.start
                if rule.kind == "junta" and start is not None and abs((start - end).days) <= COUP_DAYS:
                    return org
        return None

    def members(self, org_id: str | None, on: date | None) -> tuple[str, ...]:
        """Member states of an organisation on a date ("les pays membres du G5 Sahel"); () if none listed."""
        org = self.orgs.get(org_id or "")
        if org is None:
            return ()
        return tuple(self.countries[c].code for c in org.members_on(on) if c in self.countries)

    def number(self, word: str) -> int | None:
        """The value of a cardinal ("deux", "2", "cinq") or None."""
        k = key(word)
        return int(k) if k.isdigit() else self.numbers.get(k)

    def role_of(self, person: Person, on: date | None) -> PersonRole:
        """A person's country, sectors, org and title on a date (ELI + last role after all roles ended).

        With no date (much scraped news has none), the office the person holds now, else the last
        one they held, without "ancien": an undated article most likely speaks of them in office."""
        t = person.tenure_on(on) or (person.last_tenure() if on is None else None)
        if t:
            return PersonRole(t.country, t.sectors, t.org, t.title or None)
        ended = [t for t in person.roles if on is not None and t.period.end is not None and t.period.end <= on]
        if ended:
            last = max(ended, key=lambda t: t.period.end)
            sectors = ("ELI",) + tuple(s for s in last.sectors if s != "ELI")
            country = person.country if last.country in NON_STATE_CODES else last.country
            return PersonRole(country, sectors, None, f"ancien {last.title}".strip() if last.title else None)
        return PersonRole(person.country, person.sectors, None, None)

    def org_sectors(self, org: Organisation, on: date | None) -> tuple[str, ...]:
        """An organisation's sectors, with GOV first while it holds power (a junta, a movement that took over)."""
        rule = org.rule_on(on)
        if rule and "GOV" not in org.sectors[:1]:
            return ("GOV",) + tuple(s for s in org.sectors if s != "GOV")
        return org.sectors

    # ------------------------------------------------------------------ search

    def search(self, query: str, on: date | None = None, limit: int = 20) -> list[Entry]:
        """Entries for a free query: a name ("Goïta", "CNSP", "Moscou") or a description ("junte malienne")."""
        out: list[Entry] = []

        def add(e) -> None:
            if isinstance(e, (Country, Organisation, Person)) and e not in out:
                out.append(e)

        for h in self.lookup(query):
            add(h.entry)
        ws = words(query)
        countries = [c for w in ws for c in self._demonyms.get(w, ())] + \
                    [h.entry for w in ws for h in self._aliases.get(w, ()) if h.kind == "country"]
        singulars = role_words(" ".join(ws))  # no role term is longer than max_role_words: linear in the query
        role = next((r for n in range(min(len(ws), self.max_role_words), 0, -1) for i in range(len(ws) - n + 1)
                     if (r := self._roles.get(singulars[i:i + n]))), None)
        for c in countries:
            if role and role.resolve in ("junta", "regime"):
                for rule, org in self._rulers.get(c.iso3, ()):
                    if (on is None or rule.period.covers(on)) and (role.resolve != "junta" or rule.kind == "junta"):
                        add(org)
            elif role and role.office:
                add(self.holder(role.office, c.iso3, on))
            add(c)
        k = key(query)
        if len(k) >= 3 and len(out) < limit:
            for alias_key, hits in self._aliases.items():
                if alias_key.startswith(k) or f" {k}" in alias_key:
                    for h in hits:
                        add(h.entry)
                if len(out) >= limit:
                    break
        return out[:limit]

