"""Resolve every actor mention of a parsed article to a stable identity (INTERFACE, being implemented).

Contract used by extract/ (events, claims, quotes):

    actors = resolve_doc(doc, published, kb, gazetteer)   # once per article
    actors.actor_for_token(token) -> Actor | None
        # the actor denoted by the noun phrase headed by `token` (or the mention containing it):
        # NER spans, KB aliases, demonym adjectives ("militaires maliens" -> MLI MIL),
        # complements ("l'armée du Burkina"), appositions ("Assimi Goita, le chef du CNSP"),
        # role descriptions resolved by publication date ("la junte" in 2020-09 -> CNSP),
        # pronouns and repeated descriptions via in-article coreference. Coordinated
        # phrases are NOT merged: callers walk `conj` themselves and ask once per conjunct.
    actors.actor_for_span(span) -> Actor | None
    actors.mentions -> list[Mention]
    actors.entities() -> list[Entity]
"""
