"""Language identification with lingua over a bounded set of languages (settings.languages)."""
from __future__ import annotations

import re
from functools import lru_cache

from lingua import IsoCode639_1, LanguageDetector, LanguageDetectorBuilder

MIN_LETTERS = 20  # below this, no language is claimed
SAMPLE_CHARS = 400  # the title and opening of an article are enough; lingua's time grows with length
_LETTERS = re.compile(rf"(?:[^\W\d_][\W\d_]*){{{MIN_LETTERS}}}")


@lru_cache(maxsize=8)
def _detector(languages: tuple[str, ...]) -> LanguageDetector:
    codes = [IsoCode639_1.from_str(code.lower()) for code in languages]
    if len(codes) == 1:  # lingua needs two candidates; a second one keeps "not this language" possible
        codes.append(IsoCode639_1.EN if codes[0] != IsoCode639_1.EN else IsoCode639_1.FR)
    # trigram models only: about 10 MB instead of 150 MB per process, as accurate on the 400 characters
    # of an article's opening (lingua's low accuracy mode loses precision on very short texts only)
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


def detect_language(text: str, languages: tuple[str, ...]) -> str | None:
    """The ISO 639-1 code of the language of ``text`` among ``languages``; None when the text
    is too short (fewer than MIN_LETTERS letters) or no language stands out."""
    sample = text[:SAMPLE_CHARS]
    if not languages or _LETTERS.search(sample) is None:
        return None
    language = _detector(tuple(languages)).detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language is not None else None
