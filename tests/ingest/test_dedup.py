from veille.ingest.dedup import NearDuplicateIndex, content_hash, minhash_signature


def test_dedup_content_hash_ignores_whitespace_case_and_soft_hyphens():
    assert content_hash("La junte  a reçu\nl’ambassadeur.") == content_hash(" la JUNTE a reçu l’ambassadeur.\n")
    assert content_hash("pre\xadmier étage") == content_hash("premier étage")
    assert content_hash("La junte a reçu l’ambassadeur.") != content_hash("La junte a reçu l’émissaire.")
    assert len(content_hash("x")) == 64


def test_dedup_near_duplicate_found_unrelated_not(seed_gold, wikinews_records):
    seed = seed_gold["text"]
    edited = seed.replace("Moscou", "la capitale russe", 1).replace("très bonnes qualités", "bonne qualité")
    index = NearDuplicateIndex(threshold=0.8)
    index.add("seed", minhash_signature(seed))
    index.add("44510", minhash_signature(wikinews_records["44510"]["text"]))
    assert index.query(minhash_signature(edited)) == ["seed"]
    assert index.query(minhash_signature(wikinews_records["44540"]["text"])) == []


def test_dedup_signature_is_bytes_and_stable():
    one, two = minhash_signature("La junte a reçu l’ambassadeur de Russie."), minhash_signature("La junte a reçu l’ambassadeur de Russie.")
    assert isinstance(one, bytes) and one == two


def test_dedup_adding_an_id_twice_is_harmless():
    index = NearDuplicateIndex()
    signature = minhash_signature("La junte a reçu l’ambassadeur de Russie à Bamako mardi.")
    index.add("a", signature)
    index.add("a", signature)
    assert len(index) == 1 and index.query(signature) == ["a"]
