"""The table-driven romanisation (str.translate) and the precompiled key functions give what
the letter-by-letter loops and pattern-string re.sub calls they replaced gave (speed9a): on
generated words and on every capitalised word of the WMT23 sources."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from mtqa.source import names
from mtqa.source.romanize import (_ENDINGS, _FLEETING_K, _NOMINATIVE, RUSSIAN, UKRAINIAN, _RUSSIAN_YE_AFTER, _case_like,
                                  _russian_word, _russian_word_by_letter, _ukrainian_word,
                                  _ukrainian_word_by_letter, endings_of, lemma_forms,
                                  romanize)

WMT23 = Path(__file__).resolve().parents[2].parent / "shared" / "dev" / "wmt23"


# ---- the oracles: the code as it was before speed9a --------------------------------------
def _old_ukrainian(word):
    low = word.lower()
    out = []
    for i, ch in enumerate(low):
        if ch == "г" and i > 0 and low[i - 1] == "з":
            out.append("gh")
            continue
        form = UKRAINIAN.get(ch, ch)
        if isinstance(form, tuple):
            form = form[0] if i == 0 else form[1]
        out.append(form)
    return _case_like("".join(out), word)


def _old_russian(word):
    low = word.lower()
    out = []
    for i, ch in enumerate(low):
        if ch in "её" and (i == 0 or low[i - 1] in _RUSSIAN_YE_AFTER):
            out.append("ye")
        else:
            out.append(RUSSIAN.get(ch, ch))
    return _case_like("".join(out), word)


def _old_skeleton(word, lang=None):
    k = re.sub(r"[^a-z]", "", names.fold(word))
    for a, b in names._SOUND_GROUPS:
        k = k.replace(a, b)
    k = k.replace("ch", "\x01").replace("sh", "\x02").replace("zh", "\x03").replace("ts", "\x04")
    for a, b in names._ENGLISH_FOLDS:
        k = k.replace(a, b)
    k = k.replace("c", "k")
    if lang != "uk":
        for a, b in names._RUSSIAN_FOLDS:
            k = k.replace(a, b)
    k = re.sub(r"(?:yi|iy|yy|ii|y|i)$", "y", k)
    if len(k) > 4 and k.endswith("e"):
        k = k[:-1]
    return re.sub(r"(.)\1+", r"\1", k)


def _old_variant_key(word):
    k = re.sub(r"[^a-z]", "", names.fold(word))
    k = k.replace("x", "ks").replace("dzh", "j").replace("shch", "щ").replace("sch", "щ")
    k = re.compile(r"(?:iy|yy|ii|yi|y|i)$").sub("ы", k) if len(k) > 3 else k
    for latin, cyrillic in (("a", "я"), ("u", "ю")):
        k = re.sub(r"[iy]{1,2}" + latin, cyrillic, k)
    k = re.sub(r"[iy]{0,2}[e]|[iy]{1,2}o", "e", k)
    k = re.sub(r"(ch|zh|sh|щ)я", r"\1a", k)
    k = re.sub(r"(ch|zh|sh|щ)ю", r"\1u", k)
    return re.sub(r"y(?=[aeiouяюы])|(?<=[aeiouяюы])y", "i", k)


def _old_lemma_forms(word, lang):
    forms = [romanize(word, lang)]
    low = word.lower()
    for ending in _ENDINGS.get(lang, ()):
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            stem = word[:len(word) - len(ending)]
            adjectival = stem.lower().endswith(("ськ", "цьк", "зьк", "ск", "цк", "зк"))
            for nominative in _NOMINATIVE[lang]:
                if adjectival and nominative in ("", "о", "ь", "я"):
                    continue
                candidate = romanize(stem + nominative, lang)
                if candidate not in forms:
                    forms.append(candidate)
            if not adjectival and _FLEETING_K.search(stem.lower()):
                candidate = romanize(stem[:-1] + "о" + stem[-1], lang)
                if candidate not in forms:
                    forms.append(candidate)
    return tuple(forms)


def _old_fold(text):
    import unicodedata
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _check(word):
    assert names.fold(word) == _old_fold(word)
    for lang in ("uk", "ru", None, "de"):
        low = word.lower()
        assert endings_of(low, lang) == tuple(e for e in _ENDINGS.get(lang, ())
                                              if low.endswith(e))
        if lang in ("uk", "ru"):
            assert lemma_forms.__wrapped__(word, lang) == _old_lemma_forms(word, lang)
    assert _ukrainian_word(word) == _old_ukrainian(word) == _ukrainian_word_by_letter(word)
    assert _russian_word(word) == _old_russian(word) == _russian_word_by_letter(word)
    latin = _old_russian(word)
    for w in (word, latin):
        assert names.skeleton.__wrapped__(w, "uk") == _old_skeleton(w, "uk")
        assert names.skeleton.__wrapped__(w, "ru") == _old_skeleton(w, "ru")
        assert names.variant_key.__wrapped__(w) == _old_variant_key(w)


# letters that matter: both alphabets in both cases, the apostrophes, the placeholders'
# neighbours, Latin and a few others
_LETTERS = ("абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюя" "АБВГҐДЕЄЁЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
            "'’ʼ-" "abcdeghikstyzACXYuojfpr" "\u0301\ue000\ue001\ue002İß")


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_LETTERS, max_size=12))
def test_generated_words(word):
    _check(word)


def test_every_zg_and_ye_context():
    # every pair of the context letters of the context letters, at the start and inside a word
    context = "зЗгГеЕёЁєЄїЇйЙюЮяЯаоьъЬЪ"
    for a in context:
        for b in context:
            for w in (a + b, "к" + a + b, a + b + "к", "к" + a + "к" + b):
                _check(w)


@pytest.mark.skipif(not WMT23.exists(), reason="WMT23 dev data not present (../shared)")
def test_every_capitalised_source_word_of_wmt23():
    words = set()
    for lang in ("uk", "ru"):
        with open(WMT23 / f"{lang}-en.jsonl", encoding="utf-8") as fh:
            for line in fh:
                for segment in json.loads(line)["src"]:
                    words.update(w for w in re.findall(r"[^\W\d_][\w'’ʼ-]*", segment)
                                 if w[:1].isupper())
    assert len(words) > 3_000
    for word in words:
        _check(word)
        for lang in ("uk", "ru"):
            assert romanize.__wrapped__(word, lang) == _old_romanize(word, lang)


def _old_romanize(text, lang):
    from mtqa.source.romanize import STRESS_MARK, _split_words
    word_fn = {"uk": _old_ukrainian, "ru": _old_russian}[lang]
    text = text.replace(STRESS_MARK, "")
    if text.isalpha():
        return word_fn(text)
    return "".join(word_fn(part) if is_word else part for is_word, part in _split_words(text))


def test_every_ending_on_several_stems():
    stems = ("Гостомел", "Ол", "Зап", "Запорізьк", "Перекрёстк", "ЛУЖК", "зг", "Мар'їнк", "Ї",
             "ЄВГЕН", "Йосип", "ььь", "ъеё", "Юзг", "яЗГ", "Ёлк", "Бе\u0301рез", "Ab-Ц")
    for endings in _ENDINGS.values():
        for ending in endings:
            for stem in stems:
                for word in (stem + ending, stem + ending.upper(), stem + "ь" + ending):
                    _check(word)


# ---- transcribable: the search over letter groups against the compiled pattern --------------
def _russian_forms(limit=None):
    forms = set()
    with open(WMT23 / "ru-en.jsonl", encoding="utf-8") as fh:
        for line in fh:
            for segment in json.loads(line)["src"]:
                for w in re.findall(r"[^\W\d_][\w'’ʼ-]*", segment):
                    if w[:1].isupper():
                        forms.update(lemma_forms(w, "ru"))
    return sorted(forms)[:limit]


def _spellings_of(form, rng, count):
    """Words the form's pattern may accept (random alternatives per group) and near misses."""
    groups = names._transcription_groups(form)
    out = set()
    for _ in range(count):
        word = "".join(rng.choice(alternatives)[0] for alternatives in groups)
        word += rng.choice(("", "", "e", "h", "x"))
        out.add(word)
        if word:
            k = rng.randrange(len(word))
            out.add(word[:k] + word[k + 1:])                      # a letter dropped
            out.add(word[:k] + rng.choice("ceiyhsz") + word[k:])  # a letter added
    return out


@pytest.mark.skipif(not WMT23.exists(), reason="WMT23 dev data not present (../shared)")
def test_transcribes_as_the_pattern_fullmatches():
    import random

    rng = random.Random(9)
    forms = _russian_forms()
    assert len(forms) > 2_000
    targets = set()
    with open(WMT23 / "ru-en.jsonl", encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            for side in [doc["ref"]] + list(doc["hyps"].values())[:3]:
                for segment in side:
                    targets.update(w.lower() for w in re.findall(r"[^\W\d_]+", segment)
                                   if w[:1].isupper())
    by_first = {}
    for t in targets:
        by_first.setdefault(t[:1], []).append(t)
    compared = accepted = 0
    for form in forms[::3]:
        groups = names._transcription_groups(form)
        assert groups is not None, form
        pattern = names._transcription_pattern.__wrapped__(form)
        words = _spellings_of(form, rng, 8)
        words.update(t for t in by_first.get(form[:1].lower(), ())
                     if names._may_transcribe(t, form))
        for word in words:
            expected = bool(pattern.fullmatch(word))
            assert names._transcribes(word, groups) == expected, (word, form)
            compared += 1
            accepted += expected
    assert compared > 10_000 and accepted > 1_000
