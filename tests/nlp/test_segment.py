def sentences(doc):
    return [s.text.strip() for s in doc.sents]


def test_sentences_never_cross_a_paragraph_or_heading(seed_doc):
    sents = sentences(seed_doc)
    assert "L’audience accordée à l’Ambassadeur russe par la junte" in sents
    assert "Les officiers putschistes formés par la Russie" in sents
    assert "Quatre des pays ont signé des accords de défense avec la Russie" in sents


def test_hyphenated_word_stays_in_one_sentence(seed_doc):
    sent = next(s for s in seed_doc.sents if "Fatoumata" in s.text)
    assert "enseignante-chercheuse à Bamako" in sent.text
    assert sent.text.strip().endswith("».")


def test_pipeline_has_our_components_in_order(nlp):
    names = nlp.pipe_names
    assert names.index("veille_paragraphs") < names.index("parser")
    assert names.index("lemmatizer") < names.index("veille_morph_repair")
