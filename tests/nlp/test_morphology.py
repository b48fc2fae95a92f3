from veille.nlp.morphology import fold


def moods(doc):
    return {t.text: (t.morph.get("Mood"), t.morph.get("Tense"), t.lemma_) for t in doc if t.pos_ in ("VERB", "AUX")}


def test_morph_repair_marks_all_six_conditionals_of_the_seed(seed_doc):
    cond = [t.text for t in seed_doc if t.morph.get("Mood") == ["Cnd"]]
    assert cond == ["aurait", "reconnaitrait", "recevraient", "seraient", "seraient", "reviendrait"]


def test_morph_repair_fixes_lemma_of_1990_spelling(seed_doc):
    tok = next(t for t in seed_doc if t.text == "reconnaitrait")
    assert tok.lemma_ == "reconnaître"
    assert tok._.morph_repaired is True


def test_morph_repair_marks_future_forms(nlp):
    doc = nlp("Le président recevra les délégués et ils signeront un accord.")
    m = moods(doc)
    assert m["recevra"] == (["Ind"], ["Fut"], "recevoir")
    assert m["signeront"] == (["Ind"], ["Fut"], "signer")


def test_morph_repair_leaves_nouns_and_past_forms_alone(nlp):
    doc = nlp("Le retrait des troupes est un trait du portrait. Il entra et tira.")
    assert not any(t._.morph_repaired for t in doc)
    assert all(t.morph.get("Mood") != ["Cnd"] for t in doc)


def test_morph_repair_handles_irregular_stems(nlp):
    doc = nlp("Ils pourraient venir, elle devrait partir et nous ferions la paix.")
    cond = [t.lemma_ for t in doc if t.morph.get("Mood") == ["Cnd"]]
    assert cond == ["pouvoir", "devoir", "faire"]


def test_fold_collapses_spelling_variants():
    assert fold("appellerait") == fold("appelerait")
    assert fold("Reconnaîtrait") == "reconaitrait"
