"""veille.nlp.doc_text: Doc.text read once per Doc."""
from veille.nlp import TEXT_KEY, doc_text


def test_doc_text_is_the_text_and_is_kept_on_the_doc(nlp):
    doc = nlp("La junte a reçu l'ambassadeur. Il repart demain.")
    assert TEXT_KEY not in doc.user_data
    assert doc_text(doc) == doc.text
    doc.user_data[TEXT_KEY] = "kept"  # a second read takes what the first stored
    assert doc_text(doc) == "kept"
