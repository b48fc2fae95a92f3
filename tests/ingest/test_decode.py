import random

import pytest

from veille.errors import RejectedInput
from veille.ingest.decode import declared_encoding, decode_bytes

TEXT = "Élection présidentielle : la junte reçoit l’ambassadeur « russe » à Bamako, déjà célèbre."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-32"])
def test_decode_unicode_forms(encoding):
    assert decode_bytes(TEXT.encode(encoding)) == TEXT


def test_decode_windows_1252_without_declaration(seed_path):
    assert decode_bytes(TEXT.encode("cp1252")) == TEXT
    seed = seed_path.read_text(encoding="utf-8")
    assert decode_bytes(seed.encode("cp1252")) == seed


def test_decode_other_scripts_left_to_the_guesser():
    arabic = "أعلن المجلس العسكري في مالي عن تشكيل حكومة انتقالية جديدة برئاسة مدني. " * 3
    assert decode_bytes(arabic.encode("cp1256")) == arabic


def test_decode_declared_charset_wins():
    html = f"<html><head><meta charset='iso-8859-1'></head><body>{TEXT.replace('’', chr(39))}</body></html>"
    assert declared_encoding(html.encode("latin-1")) == "iso-8859-1"
    assert "Élection présidentielle" in decode_bytes(html.encode("latin-1"))


def test_decode_http_charset_used():
    data = TEXT.replace("’", "'").encode("iso-8859-15")
    assert decode_bytes(data, "iso-8859-15") == TEXT.replace("’", "'")


def test_decode_undecodable_rejected_with_advice():
    rng = random.Random(7)
    junk = bytes(rng.choice(range(0x80, 0x100)) for _ in range(4000))
    with pytest.raises(RejectedInput, match="could not decode the text.*re-save it as UTF-8"):
        decode_bytes(junk)
