"""Language identification of a sentence with langdetect, loaded on first use (its profiles
take a quarter of a second to load) and seeded so that results never vary between runs."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional, Tuple

LANGUAGE_NAMES = {
    "id": "Indonesian", "ms": "Malay", "tl": "Tagalog", "uk": "Ukrainian", "ru": "Russian",
    "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "pl": "Polish", "cs": "Czech", "sk": "Slovak", "ro": "Romanian",
    "tr": "Turkish", "vi": "Vietnamese", "sv": "Swedish", "da": "Danish", "no": "Norwegian",
    "fi": "Finnish", "hu": "Hungarian", "hr": "Croatian", "sl": "Slovenian", "so": "Somali",
    "sw": "Swahili", "af": "Afrikaans", "ca": "Catalan", "et": "Estonian", "lt": "Lithuanian",
    "lv": "Latvian", "sq": "Albanian", "cy": "Welsh", "zh-cn": "Chinese", "ja": "Japanese",
}


@lru_cache(maxsize=1)
def _detect_langs():
    from langdetect import DetectorFactory, detect_langs

    DetectorFactory.seed = 0
    return detect_langs


def detect(text: str) -> Optional[Tuple[str, float]]:
    """(language code, probability) of the likeliest language, or None when langdetect finds
    no usable feature in the text."""
    from langdetect.lang_detect_exception import LangDetectException

    try:
        langs = _detect_langs()(text)
    except LangDetectException:
        return None
    if not langs:
        return None
    return langs[0].lang, langs[0].prob


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)
