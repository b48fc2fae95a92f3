"""The claim layer: how an article presents one event, and whom it credits with it.

``assess(trigger, anchor, ...)`` looks at the predicate that states the event (``trigger``: the
verb or event noun) and the clause whose verb carries its mood and tense (``anchor``: the verb
itself, the verb an event noun depends on, or the governing verb of a control chain such as
"a décidé d'accorder"). Statuses (GUIDELINES §3) by precedence, the first that applies:

1. questioned    the sentence is a question (or is the title, and the title is a question)
2. negated       ne … pas/jamais/plus, aucun, sans, under démentir/nier ("n'a pas signé")
3. hypothetical  si-clause (either side), conditional "pourrait", "au cas où"
4. future        future tense, aller/prévoir/envisager/devoir + infinitive, "est attendu"
5. alleged       journalistic conditional anywhere up the clause chain ("aurait été tué",
                 "recevraient"), présumé/supposé, "dit-on", "on avance la thèse", sembler
6. reported      inside a quote, in the que-clause or object of a reporting verb, with
                 "selon X"/"d'après X", or with an incise ("affirme X", "comme le précise X")
7. asserted

The attribution is found independently: the speaker of the innermost quote containing the
trigger, else the subject of the reporting verb governing the clause, else the complement of
"selon"/"d'après", else an incise's subject. It is kept for every status but asserted, so a
conditional inside "selon les sources militaires" is alleged *and* attributed to those sources.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from veille.extract.events.syntax import infinitive_complement, is_passive, prep_of, subject
from veille.extract.lexicon import ClaimCues, Lexicon
from veille.model import Actor, Quote, QuoteKind, Status

ActorOf = Callable[[Token], Actor | None]
COND_ENDINGS = ("rais", "rait", "rions", "riez", "raient")
FUT_ENDINGS = ("rai", "ras", "ra", "rons", "rez", "ront")
EMBEDDING_DEPS = ("ccomp", "xcomp", "obj", "obl:arg", "csubj", "advcl", "acl", "acl:relcl", "nmod", "obl",
                  "obl:mod", "nsubj", "nsubj:pass", "conj", "appos", "iobj", "obl:agent")
OWN_CLAUSE_DEPS = ("acl:relcl", "acl")  # an event noun's relative or participial clause
CHARGE_DEPS = ("xcomp", "ccomp", "obl:arg", "obj", "obl")  # what a verb of accusing charges


@dataclass(frozen=True, slots=True)
class Claim:
    status: Status
    attributed_to: Actor | None = None
    cue: str | None = None  # the word that decided the status (or the attribution)


@dataclass(frozen=True, slots=True)
class Report:
    speaker: Actor | None
    cue: str


def assess(trigger: Token, anchor: Token, *, actor_of: ActorOf, quotes: Sequence[Quote], lexicon: Lexicon,
           title: str | None = None, presupposed: bool = False) -> Claim:
    """Status, attribution and cue of the event stated by ``trigger`` in the clause of ``anchor``."""
    cues = lexicon.claims
    report = find_report(trigger, anchor, actor_of=actor_of, quotes=quotes, cues=cues, presupposed=presupposed)
    chain = [] if presupposed else claim_chain(anchor, cues) + _continued(anchor)
    heads = [trigger] if presupposed else [anchor] + chain
    status, cue = _status(trigger, anchor, heads, cues, title)
    if status is None:
        status, cue = (Status.REPORTED, report.cue) if report else (Status.ASSERTED, None)
    if status is Status.ASSERTED:
        return Claim(status)
    return Claim(status, report.speaker if report else None, cue)


def _status(trigger: Token, anchor: Token, heads: list[Token], cues: ClaimCues,
            title: str | None) -> tuple[Status | None, str | None]:
    own = heads + _own_clauses(trigger)
    checks = (
        (Status.QUESTIONED, lambda: _question(trigger, title)),
        (Status.NEGATED, lambda: _negation(trigger, heads[:1] if heads else [], cues) or _negating_governor(heads, cues)),
        (Status.HYPOTHETICAL, lambda: _hypothesis(own, cues)),
        (Status.FUTURE, lambda: _future(heads, cues)),
        (Status.ALLEGED, lambda: _allegation(trigger, own, cues) or _charged(trigger, heads, cues)),
    )
    for status, check in checks:
        cue = check()
        if cue:
            return status, cue
    return None, None


def _own_clauses(trigger: Token) -> list[Token]:
    """The verbs of a relative or participial clause that tells an event noun's own occurrence: "des
    exécutions qui auraient eu lieu", "les frappes que l'armée pourrait mener" are alleged and
    hypothetical whatever the sentence around them asserts (its negation or tense stays the sentence's)."""
    if trigger.pos_ != "NOUN":
        return []
    return [c for c in trigger.children if c.dep_ in OWN_CLAUSE_DEPS and c.pos_ in ("VERB", "AUX")]


# --------------------------------------------------------------------------- the clause chain


def claim_chain(anchor: Token, cues: ClaimCues) -> list[Token]:
    """Predicates above the anchor whose mood reaches it, up to a reporting verb (which opens a new claim)."""
    out: list[Token] = []
    cur = anchor
    while cur.head.i != cur.i and len(out) < 8:
        dep, head = cur.dep_, cur.head
        if dep not in EMBEDDING_DEPS or dep in ("conj",) and head.pos_ not in ("VERB", "AUX"):
            break
        if _presupposing(cur, cues) or _finite_subordinate(cur):
            break
        if cur.dep_ in ("nsubj", "nsubj:pass") and cur.i != anchor.i and cur.pos_ in ("NOUN", "PROPN"):
            break  # "Les militaires, auteurs du coup d'État, recevraient ...": the subject's content is given
        if head.lemma_.lower() in cues.reporting_verbs and dep in ("ccomp", "obj", "xcomp", "obl:arg", "parataxis"):
            break
        if head.pos_ in ("VERB", "AUX", "ADJ") or any(c.dep_ == "cop" for c in head.children):
            out.append(head)
        cur = head
    return out


def _finite_subordinate(verb: Token) -> bool:
    """ "bien que ...", "lorsqu'on se remémore ...", "car ...": a finite adverbial clause is a claim of its
    own; gerunds and infinitives ("en refusant de", "pour exiger") share their governor's."""
    return verb.dep_ == "advcl" and verb.morph.get("VerbForm") == ["Fin"] and any(
        c.dep_ == "mark" and c.lower_ not in ("si", "s'", "s’") for c in verb.children)


def _continued(anchor: Token) -> list[Token]:
    """A verbless sentence continues the claim of the one before it in its paragraph: "Les chefs
    seraient en Russie. Ceci, dans le cadre d'un programme de formation ..." is alleged too."""
    sent = anchor.sent
    if any(t.pos_ in ("VERB", "AUX") and t.morph.get("VerbForm") == ["Fin"] for t in sent) or sent.start == 0:
        return []
    before = anchor.doc[sent.start - 1]
    if "\n" in before.text or "\n" in before.whitespace_:
        return []
    root = before.sent.root
    return [root] if root.pos_ in ("VERB", "AUX", "ADJ", "NOUN", "PROPN") else []


def _presupposing(tok: Token, cues: ClaimCues) -> bool:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    prep = prep_of(tok)
    return bool(prep and (prep in cues.presupposing_preps or prep.split()[0] in cues.presupposing_preps))


def verb_group(verb: Token) -> list[Token]:
    """The verb with its auxiliaries, also when the parser made the auxiliary the head ("n'a plus attaqué")."""
    group = [verb] + [c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop"]
    head = verb.head
    if head.i != verb.i and head.lemma_ in ("avoir", "être") and verb.dep_ in ("obj", "xcomp", "ccomp") \
            and verb.morph.get("VerbForm") == ["Part"]:
        group.append(head)
    return group


def is_conditional(tok: Token) -> bool:
    if tok.morph.get("Mood") == ["Cnd"]:
        return True
    low = tok.lower_
    lemma = tok.lemma_.lower()
    return tok.pos_ in ("VERB", "AUX") and low.endswith(COND_ENDINGS) and _stem_matches(low, lemma, COND_ENDINGS)


def is_future(tok: Token) -> bool:
    if tok.morph.get("Tense") == ["Fut"]:
        return True
    low, lemma = tok.lower_, tok.lemma_.lower()
    return tok.pos_ in ("VERB", "AUX") and low.endswith(FUT_ENDINGS) and _stem_matches(low, lemma, FUT_ENDINGS) \
        and tok.morph.get("VerbForm") != ["Inf"]


def _stem_matches(form: str, lemma: str, endings: tuple[str, ...]) -> bool:
    """ "signera" → "signer" + "a": the future/conditional stem is the infinitive (minus a final e)."""
    for ending in sorted(endings, key=len, reverse=True):
        if form.endswith(ending):
            stem = form[: -len(ending) + 1]  # keep the "r"
            return lemma.endswith(("er", "ir")) and stem == lemma or lemma.endswith("re") and stem == lemma[:-1]
    return False


# --------------------------------------------------------------------------- status cues


def _question(trigger: Token, title: str | None) -> str | None:
    sent = trigger.sent.text.strip().rstrip("»”\" ")
    if sent.endswith("?"):
        return "?"
    if title and title.strip().endswith("?") and trigger.sent.text.strip() == title.strip():
        return "?"
    return None


def _negation(trigger: Token, heads: list[Token], cues: ClaimCues) -> str | None:
    for verb in heads + ([trigger] if trigger.pos_ in ("VERB", "AUX") else []):
        words = [c for v in verb_group(verb) for c in v.children]
        has_ne = any(w.lower_ in ("ne", "n'", "n’") for w in words)
        particle = next((w for w in words if w.lower_ in cues.negation_particles and w.i > verb.i - 6), None)
        if has_ne and particle is not None and not _restrictive(verb, cues):
            return f"ne … {particle.lower_}"
        if has_ne and _negated_object(verb, cues) and not _restrictive(verb, cues):
            return "ne … aucun"
        if prep_of(verb) in cues.negation_preps:
            return prep_of(verb)
    if trigger.pos_ == "NOUN" and any(c.lower_ in cues.negation_determiners for c in trigger.children):
        return "aucun"
    return None


def _negated_object(verb: Token, cues: ClaimCues) -> bool:
    return any(c.dep_ in ("obj", "nsubj", "obl:arg") and any(d.lower_ in cues.negation_determiners
                                                            for d in c.children) for c in verb.children)


def _restrictive(verb: Token, cues: ClaimCues) -> bool:
    """ "ne … que": a "que" after the verb, not introducing a clause of its own."""
    doc = verb.doc
    for tok in doc[verb.i + 1: min(len(doc), verb.i + 8)]:
        if tok.lower_ in cues.restrictive and tok.dep_ not in ("mark",) or tok.lower_ in cues.restrictive \
                and tok.head.i == tok.i:
            return True
        if tok.text in (".", ";", "!", "?"):
            return False
    return False


def _negating_governor(heads: list[Token], cues: ClaimCues) -> str | None:
    for verb in heads[1:]:
        if verb.lemma_.lower() in cues.negation_governors:
            return verb.lemma_.lower()
    return None


def _hypothesis(heads: list[Token], cues: ClaimCues) -> str | None:
    for verb in heads:
        if any(c.dep_ == "mark" and c.lower_ in cues.hypothetical_marks for c in verb.children) \
                and _hypothetical_protasis(verb):
            return "si"
        if is_conditional(verb) or any(is_conditional(a) for a in verb_group(verb)):
            if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in cues.hypothetical_marks
                                             for m in c.children) for c in verb.children):
                return "si"
            if verb.lemma_.lower() in cues.hypothetical_modals and infinitive_complement(verb) is not None:
                return verb.lower_
    if heads:
        sent = heads[0].sent.text.lower()
        return next((p for p in cues.hypothetical_phrases if p in sent), None)
    return None


def _hypothetical_protasis(verb: Token) -> bool:
    """ "si" is hypothetical with an imperfect/pluperfect protasis or a conditional/future apodosis;
    "Si jusqu'ici la junte semble résister, l'on avance ..." (present + present) contrasts."""
    group = verb_group(verb)
    if any(t.morph.get("Tense") in (["Imp"], ["Pqp"]) for t in group):
        return True
    main = verb.head
    return main.i != verb.i and any(is_conditional(t) or is_future(t) for t in verb_group(main))


def _future(heads: list[Token], cues: ClaimCues) -> str | None:
    for verb in heads:
        for tok in verb_group(verb):
            if is_future(tok):
                return tok.lower_
        lemma = verb.lemma_.lower()
        if lemma in cues.future_governors and infinitive_complement(verb) is not None and not is_conditional(verb):
            tense = verb.morph.get("Tense")
            if tense in (["Pres"], ["Fut"]) or lemma != "aller" and tense in (["Imp"], []):
                return verb.lower_
        if lemma in cues.future_passives and is_passive(verb) and verb.morph.get("Tense") != ["Fut"]:
            if any(a.lemma_ == "être" and a.morph.get("Tense") in (["Pres"], ["Fut"]) for a in verb_group(verb)[1:]):
                return verb.lower_
    return None


def _allegation(trigger: Token, heads: list[Token], cues: ClaimCues) -> str | None:
    for verb in heads:
        for tok in verb_group(verb):
            if is_conditional(tok):
                return tok.lower_
        if verb.lemma_.lower() in cues.alleged_governors and not _given_complement(trigger, verb):
            return verb.lower_
    near = list(trigger.children) + [c for h in heads[:1] for c in h.children]
    word = next((c for c in near if _alleging_word(c, cues)
                 and c.dep_ in ("amod", "advmod", "parataxis", "acl") and c.pos_ != "NOUN"), None)
    if word is not None:
        return word.lower_
    noun = _alleging_noun(trigger, cues)
    if noun is not None:
        return noun
    scope = " ".join(t.lower_ for t in (heads[0] if heads else trigger).subtree)
    return next((p for p in cues.alleged_phrases if p in scope), None)


def _charged(trigger: Token, heads: list[Token], cues: ClaimCues) -> str | None:
    """ "X est accusé d'avoir tué", "soupçonné de meurtres": the content of an accusation, the clause or
    noun a verb of accusing governs (the verb heading the claim chain, or the one just above it, where
    the chain stops at a verb of saying), is alleged; the accusation itself is not."""
    top = heads[-1] if heads else trigger
    above = [top.head] if top.head.i != top.i and top.dep_ in CHARGE_DEPS else []
    return next((v.lower_ for v in heads + above if v.i != trigger.i and v.lemma_.lower() in cues.accusations), None)


def _alleging_word(tok: Token, cues: ClaimCues) -> bool:
    """"présumé", "prétendue", "supposés": the lexicon lists the masculine singular; the tagger may
    read the participle as a verb ("présumer") or keep the inflected form as its lemma."""
    forms = (tok.lemma_.lower(), tok.lower_, tok.lower_.removesuffix("s").removesuffix("e"))
    return any(f in cues.alleged_words for f in forms)


def _given_complement(trigger: Token, governor: Token) -> bool:
    """ "la junte semble résister aux sanctions": what seems is the resisting; the sanctions, a
    prepositional complement of the verb that seems, are given."""
    noun = trigger
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":  # "aux pressions et sanctions"
        noun = noun.head
    verb = noun.head
    return trigger.pos_ == "NOUN" and noun.dep_.startswith("obl") and verb.pos_ == "VERB" \
        and verb.i != governor.i and governor.is_ancestor(verb) and any(c.dep_ == "case" for c in noun.children)


def _alleging_noun(trigger: Token, cues: ClaimCues) -> str | None:
    """ "la thèse du soutien de certaines puissances", "des rumeurs d'attaque": the event is a hearsay's content."""
    cur = trigger
    for _ in range(3):
        if cur.dep_ not in ("nmod", "acl") or cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ == "NOUN" and cur.lemma_.lower() in cues.alleged_words:
            return cur.lower_
    return None


# --------------------------------------------------------------------------- reports and attribution


def find_report(trigger: Token, anchor: Token, *, actor_of: ActorOf, quotes: Sequence[Quote],
                cues: ClaimCues, presupposed: bool = False) -> Report | None:
    """Who the article credits with the clause, if anyone: quote, reporting verb, selon, incise.

    A presupposed event (a noun in a temporal adjunct) is only reported when it is quoted."""
    quote = _enclosing_quote(trigger, anchor, quotes)
    if quote is not None and not (presupposed and quote.kind is QuoteKind.INDIRECT):
        return Report(quote.speaker, quote.cue or "«»")
    if presupposed:
        return None
    for finder in (_reporting_verb, _selon, _incise):
        found = finder(anchor, actor_of, cues)
        if found is not None:
            return found
    return None


def _enclosing_quote(trigger: Token, anchor: Token, quotes: Sequence[Quote]) -> Quote | None:
    """The innermost quote containing the trigger, unless the quote's cue is the event's own verb
    ("a promis de remettre le pouvoir": the promise is the event, not a report of it)."""
    pos = trigger.idx
    inside = [q for q in quotes if q.start <= pos < q.end and not _cued_by(anchor, q)]
    return min(inside, key=lambda q: q.end - q.start) if inside else None


def _cued_by(anchor: Token, quote: Quote) -> bool:
    cue = (quote.cue or "").lower()
    return anchor.idx < quote.start and bool(cue) and anchor.lower_ in cue.split()


def _reporting_verb(anchor: Token, actor_of: ActorOf, cues: ClaimCues) -> Report | None:
    cur = anchor
    for _ in range(8):
        head = cur.head
        if head.i == cur.i:
            return None
        lemma = head.lemma_.lower()
        reporting = lemma in cues.reporting_verbs and cur.dep_ in ("ccomp", "xcomp", "obl:arg") or \
            cur.dep_ in ("obj", "obl:arg", "ccomp") and is_content_reporting(head, cues)
        if reporting and head.i != anchor.i:
            return _speaker_report(head, actor_of, cues)
        if cur.dep_ not in EMBEDDING_DEPS:
            return None
        cur = head
    return None


def is_content_reporting(verb: Token, cues: ClaimCues) -> bool:
    """ "dénoncer les exactions", "faire état de l'exécution" (the verb+noun entries need that object)."""
    lemma = verb.lemma_.lower()
    if lemma in cues.content_reporting_verbs:
        return True
    return any(f"{lemma}+{c.lemma_.lower()}" in cues.content_reporting_verbs for c in verb.children if c.dep_ == "obj")


def _speaker_report(verb: Token, actor_of: ActorOf, cues: ClaimCues) -> Report | None:
    """The subject of a verb of saying speaks; of a passive one ("X est accusé par Y de"), its agent."""
    subj = next((c for c in verb.children if c.dep_ == "obl:agent"), None) if is_passive(verb) else subject(verb)
    if subj is not None and subj.pos_ == "PRON" and subj.lower_ in cues.non_speaker_subjects:
        return None
    if subj is None and verb.dep_ == "conj":
        subj = subject(verb.head)
    return Report(actor_of(subj) if subj is not None else None, verb.lemma_.lower())


def _selon(anchor: Token, actor_of: ActorOf, cues: ClaimCues) -> Report | None:
    """ "selon X" scopes over the clause it is attached to, and what that clause embeds."""
    for tok in anchor.sent:
        if tok.lower_ in cues.reporting_preps and tok.dep_ in ("case", "mark", "advmod", "fixed"):
            head = tok.head if tok.dep_ != "fixed" else tok.head.head
            if head.pos_ in ("NOUN", "PROPN", "PRON") and _in_scope(anchor, head.head):
                return Report(_source_actor(head, actor_of), tok.lower_)
    return None


def _in_scope(anchor: Token, scope: Token) -> bool:
    return anchor.i == scope.i or scope.is_ancestor(anchor) or scope.dep_ == "ROOT" and scope.i == anchor.sent.root.i


def _source_actor(head: Token, actor_of: ActorOf) -> Actor | None:
    """ "selon un communiqué de la police": the police; "selon eux": whom "eux" denotes."""
    actor = actor_of(head)
    if actor is not None:
        return actor
    for c in head.children:
        if c.dep_ == "nmod" and prep_of(c) == "de" or c.dep_ == "det" and c.morph.get("Poss") == ["Yes"]:
            inner = actor_of(c)
            if inner is not None:
                return inner
    return None


def _incise(anchor: Token, actor_of: ActorOf, cues: ClaimCues) -> Report | None:
    """ "…, affirme Rami Abd al-Rahman." / "comme le précise l'ambassadeur"."""
    for c in list(anchor.children) + list(anchor.sent.root.children):
        lemma = c.lemma_.lower()
        if lemma not in cues.reporting_verbs or c.pos_ != "VERB":
            continue
        subj = subject(c)
        incise = c.dep_ == "parataxis" and subj is not None and subj.i > c.i
        comme = c.dep_ == "advcl" and any(m.lower_ in cues.reporting_incises for m in c.children)
        if incise or comme:
            return Report(actor_of(subj) if subj is not None else None, lemma)
    return None
