"""The speed pre-checks of issue 11 answer exactly what the work they skip would answer: each
is compared with the plain computation on generated text (hypothesis) built from the pieces
that make the patterns match, so matches and near misses are both common."""
import re

from hypothesis import example, given, settings, strategies as st

from mtqa.article import Article
from mtqa.rules import case_stray_capital, locale_decimal_comma
from mtqa.rules import locale_thousands_dot
from mtqa.rules._gates import occurs_near
from mtqa.rules._scripts import NUMBER, SCALE_WORD_RE, SCALE_WORDS


def _text(pieces, max_size=30):
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


_PLACE_PIECES = ["City", "Region", "Oblast", "city", "XCity", " of ", " of", "of ", "Kyiv",
                 "the", " ", ". ", "\n", "Old", "Town", "K", "1"]


@settings(max_examples=250, deadline=None)
@given(_text(_PLACE_PIECES))
def test_stray_capital_gate_is_the_prefilter(text):
    assert case_stray_capital._may_have_run(text) == bool(
        case_stray_capital._PREFILTER.search(text))


_LEADING_LOOKBEHIND = re.compile(
    r"(?<![\w.,])(" + NUMBER + r")(\s?)(" + "|".join(
        sorted(map(re.escape, SCALE_WORDS), key=len, reverse=True)) + r")(\.?)(?!\w)",
    re.IGNORECASE)
_NUMBER_PIECES = ["1", "25", "0", ".", ",", " ", "a", "_", "x1", "\n", "٣", "Млн", "млн",
                  "тыс.", "juta", "ribu", "5 juta"] + sorted(SCALE_WORDS)[:6]


@settings(max_examples=300, deadline=None)
@given(_text(_NUMBER_PIECES, 20))
def test_scale_word_regex_matches_as_with_a_leading_lookbehind(text):
    def spans(rx):
        return [(m.span(), m.groups()) for m in rx.finditer(text)]
    assert spans(SCALE_WORD_RE) == spans(_LEADING_LOOKBEHIND)


@settings(max_examples=250, deadline=None)
@given(_text(["1", "280", ".000", ".5", ",5", ",000", "0", " ", "v", ".", ",", "people"], 20))
def test_figure_rules_find_what_a_whole_text_scan_finds(text):
    # the rules start their scan a few characters before the first literal hint
    for rule, rx in ((locale_thousands_dot.ThousandsDot(), locale_thousands_dot._NUMBER),
                     (locale_decimal_comma.DecimalComma(), locale_decimal_comma._DECIMAL)):
        found = [(f.start, f.end) for f in rule.check(Article(text), None)]
        if not rx.search(text):
            assert found == []
    hint = locale_thousands_dot._DOT_GROUP.search(text)
    every = [m.span() for m in locale_thousands_dot._NUMBER.finditer(text)]
    assert every == ([m.span() for m in locale_thousands_dot._NUMBER.finditer(
        text, max(0, hint.start() - 3))] if hint else [])
    hint = locale_decimal_comma._COMMA_DIGIT.search(text)
    every = [m.span() for m in locale_decimal_comma._DECIMAL.finditer(text)]
    assert every == ([m.span() for m in locale_decimal_comma._DECIMAL.finditer(
        text, max(0, hint.start() - 3))] if hint else [])


@settings(max_examples=300, deadline=None)
@given(_text([".", ",", "?", "!", ";", ":", " ", "\t", "a", "..", "...", "etc", "\n"], 25))
def test_doubled_marks_scan_starts_where_a_match_can(text):
    from mtqa.rules import punct_doubled

    every = [m.span() for m in punct_doubled._PATTERNS.finditer(text)]
    found = [(f.start, f.end) for f in punct_doubled.DoubledPunctuation().check(
        Article(text), None)]
    first = punct_doubled._TWO_MARKS.search(text)
    if first is None:
        assert every == [] and found == []
    else:
        start = first.start()
        while start and text[start - 1] in " \t":
            start -= 1
        assert every == [m.span() for m in punct_doubled._PATTERNS.finditer(text, start)]
    assert [m.span() for m in punct_doubled._matches(text)] == every



# Patterns rewritten to start with their literal (issue 11), each beside the form with the
# leading lookbehind it replaced: the same matches, also when searched from inside the text.
_REWRITTEN = [
    ("punct_hyphen_as_dash", "_HYPHEN", r"(?<=[A-Za-z])-(?=[A-Za-z])", 0),
    ("punct_split_compound", "_SPACED_HYPHEN", r"(?<=[a-z]) - (?=[a-z])", 0),
    ("punct_quote_style", "_SINGLE_OPEN", r"(?<![\w'’])['‘](?=[^\W\d_])", 0),
    ("punct_quote_style", "_SINGLE_CLOSE", r"(?<=[\w.,!?])['’](?![\w'’])", 0),
    ("punct_number_space", "_SPLIT_GROUP", r"(?<![\w.,])(\d{1,3}),([ \t]+)(\d{3})(?![\d,.]\d|\d)",
     0),
]
_MARK_PIECES = ["a", "Z", "1", "_", "-", " - ", "'", "‘", "’", ",", ".", " ", "\t", "!", "é",
                "2, 500", "12", "x-y", "'em", "‘Kyiv’"]


@settings(max_examples=300, deadline=None)
@given(_text(_MARK_PIECES, 15), st.integers(0, 40), st.integers(0, 40))
def test_literal_first_patterns_match_as_the_lookbehind_first_ones(text, pos, endpos):
    import importlib

    for module, name, original, flags in _REWRITTEN:
        new = getattr(importlib.import_module(f"mtqa.rules.{module}"), name)
        old = re.compile(original, flags)
        assert [(m.span(), m.groups()) for m in new.finditer(text)] == \
            [(m.span(), m.groups()) for m in old.finditer(text)]
        a, b = new.search(text, pos, endpos), old.search(text, pos, endpos)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


@settings(max_examples=400, deadline=None)
@given(_text(["5", "1", "12", ",000", "2,5", "one", "One", "a", "few", "A few", "several",
              "twenty", "hundred", " ", "  ", "\n", "\t", ".", "-", "/", "x", "thousands",
              "Millions", "hundreds", "dozens", " of", " people", "THOUSANDS", "ſ", "İ", "ı", "thouſands",
              "mıllions"], 25))
def test_plural_multipliers_are_found_as_a_whole_text_search_finds_them(text):
    from mtqa.rules import number_agreement

    every = [m.span() for m in number_agreement._plural_multiplier_re().finditer(text)]
    assert [m.span() for m in number_agreement._plural_multipliers(
        text, text.lower())] == every


@settings(max_examples=400, deadline=None)
@given(_text(["word", " ", "\n", "\u2003", "a/b", "@x", "#", "_", ".com", ".c", ".", "x\"y",
              "“", "a", "=", "&", "%", "~", "*", "\\", "-", "http://x.org", "É"], 30))
def test_technical_runs_are_the_blank_free_stretches_holding_a_technical_mark(text):
    from mtqa.rules import spell_unknown_word

    stretches = [m for m in re.finditer(r"\S+", text)
                 if spell_unknown_word._TECHNICAL.search(m.group())]
    assert spell_unknown_word._technical_runs(text) == (
        [m.start() for m in stretches], [m.end() for m in stretches])


@settings(max_examples=400, deadline=None)
@given(_text(["a", "Kyiv", " ", "  ", "\t", ",", ";", ":", "!", "?", ".", "..", ")", "(",
              "\"", "”", "’", "»", "]", ".5", "\n", "x.com", "( Jeep"], 25))
def test_space_before_matches_tried_at_their_places_are_finditer_s(text):
    from mtqa.rules import punct_space_before as rule
    from mtqa.rules._gates import finditer_at

    assert [m.span() for m in finditer_at(rule._SPACE_BEFORE, text, rule._SPACE_PLACES)] == [
        m.span() for m in rule._SPACE_BEFORE.finditer(text)]


_GLOSS_PIECES = ["Olaf", "olaf", "Scholz", " ", " (", "(", ")", "drugs", "a", "-", "'", ".",
                 "\n", "x1"]


@settings(max_examples=400, deadline=None)
@given(_text(_GLOSS_PIECES, 24))
@example("drugs (drugs) (a longer bracket)")  # a start before the text's: not that match again
def test_repeated_glosses_are_the_whole_text_matches(text):
    from mtqa.rules import punct_repeated_gloss as rule

    def spans(matches):
        return [(m.span(), m.span(2)) for m in matches]
    assert spans(rule.repeated_glosses(text)) == spans(rule._REPEAT.finditer(text))


_TIME_PIECES = ["22", "1", "0", "9", "13", ".", ".00", ".30", ".7", " ", " to ", "-", "Moscow",
                " hours", ",", "x", "\n"]


@settings(max_examples=400, deadline=None)
@given(_text(_TIME_PIECES, 16))
def test_dotted_times_are_the_whole_text_matches(text):
    from mtqa.rules import locale_time_dot as rule
    from mtqa.rules._gates import finditer_at
    # (the rule's one pattern finds what its two parts found, each over the whole text)
    parts = sorted(m.span() for part in (rule._TIME_24, rule._RANGE_START)
                   for m in re.finditer(part, text, re.MULTILINE))
    assert [m.span() for m in finditer_at(rule._DOTTED_24, text, rule._DOTTED_TIME,
                                          blanks="")] == parts


_QUOTE_PIECES = ["\"", "“", "”", "«", "»", "Chelsea", "Modern", "School", " ", "to ", "the ",
                 "club ", "said", ",", ".", "a", "Go", "2"]


@settings(max_examples=300, deadline=None)
@given(_text(_QUOTE_PIECES, 20))
def test_quoted_proper_name_gate_is_implied_by_every_pattern(text):
    from mtqa.rules import punct_quoted_proper_name as rule
    if not rule._SHORT_QUOTED_NAME.search(text):
        for pattern in (rule._QUOTED, rule._BEFORE_HEAD, rule._OPENS_SENTENCE,
                        rule._AFTER_HEAD, rule._AFTER_PLACE):
            assert not pattern.search(text), pattern.pattern


_TITLE_PIECES = ["President", "Head", "Deputy", "Minister", "Head coach", "Chief of Staff",
                 "Commander-in-Chief", "Director-General", "Vice President", "Staff", "coach",
                 " of ", " to ", "the ", "Ukraine", "Volodymyr", "Zelensky", "said", "by ",
                 "with ", "and ", ". ", "\n", " ", "-", "O'", "X", "of", "to"]


@settings(max_examples=400, deadline=None)
@given(_text(_TITLE_PIECES, 25))
def test_bare_title_scans_find_what_whole_text_scans_find(text):
    # speed7: the patterns are tried only at title words the tokens locate; the definition
    # is finditer over the whole text, and (for mid-sentence titles) every " of "/" to "
    from mtqa.rules import grammar_title_article as g

    article = Article(text)
    assert [m.span(1) for m in g._openings(article)] == [
        m.span(1) for m in g._OPENING.finditer(text)]
    every = []
    for link in (" of ", " to "):
        i = text.find(link)
        while i >= 0:
            after = i + len(link)
            if text[after:after + 1].isupper() or text.startswith("the ", after):
                before = g._BEFORE_LINK.search(text, max(0, i - g._WINDOW), i)
                m = before and g._MID_SENTENCE.match(text, before.start())
                if m:
                    every.append(m.span(1))
            i = text.find(link, after - 1)
    assert [m.span(1) for m in g._mid_sentence(article)] == sorted(every)


_QUOTED_NAME_PIECES = ['"', "“", "”", "«", "»", "Chelsea", "Shinnik", "MS-21", "Al-Ahly", " ",
                       "to ", "of ", "the ", "the Egyptian ", "hotel", "geopark", "project ",
                       "goes", "said", ". ", "\n", ",", ".", "a", "X", "and "]


@settings(max_examples=400, deadline=None)
@given(_text(_QUOTED_NAME_PIECES, 25))
def test_quoted_proper_name_line_scans_find_what_whole_text_scans_find(text):
    from mtqa.rules import punct_quoted_proper_name as q

    every = [(m.re.pattern, m.span(), m.groups())
             for rx in (q._QUOTED, q._BEFORE_HEAD, q._OPENS_SENTENCE, q._AFTER_HEAD,
                        q._AFTER_PLACE) for m in rx.finditer(text)]
    found = [(m.re.pattern, m.span(), m.groups()) for m in q._matches(text)]
    assert found == every


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Kyiv", "NATO", "McDonald", "kyiv", "2022", "Ab1", "É", "é",
                                 "ǅemal", "Σ", "X", "O'Brien", "ǈ", "Ⅻ", "Kiev's", "ß", " ",
                                 ". ", "\n", "-", "Ａｂ"]), max_size=30).map("".join))
def test_shared_token_sets_are_their_definitions(text):
    # speed7: the per-article indices every rule shares, built in C, against the plain
    # per-token definitions they replace
    article = Article(text)
    texts = article.token_texts
    assert article.token_set == set(texts)
    assert article.lowered_set == {t.lower() for t in texts}
    assert article.capitalised_set == {
        t for t in texts if t[:1].isupper() and t.isalpha() and not t.isupper()}


@settings(max_examples=400, deadline=None)
@given(_text(["the", "The", "THE", "a", "A", " ", "  ", "\t", ". ", "\n", "-", "'", "’", "s",
              "İ", "i", "ı", "I", "ß", "SS", "ss", "ſ", "K", "k", "Kyiv", "kyiv", "2", "x"], 25))
def test_repeated_word_matches_are_found_where_finditer_finds_them(text):
    from mtqa.rules import punct_repeated_word as r

    article = Article(text)
    folded = list(map(str.casefold, article.token_texts))
    assert [m.span() for m in r._repeats(text, article.tokens, article.token_texts, folded)] \
        == [m.span() for m in r._REPEAT.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(_text(["Kyiv", "Київ", "²", "½", "é", "ª", "µ", "_", "1", "٣", "习近平", "Ω", " ", ". ",
              "\n", "’", "—", "x_Ж", "Ｋ", "ℓ", "\u0301"], 20))
def test_non_latin_letter_answer_from_tokens_is_the_whole_text_search(text):
    from mtqa.rules._scripts import NON_LATIN_LETTER, has_non_latin_letter

    assert has_non_latin_letter(Article(text)) == bool(NON_LATIN_LETTER.search(text))


@settings(max_examples=300, deadline=None)
@given(_text(["a", "Z", "z", "A", ".", "?", "!", ",", " ", "é", "É", "1", "\n", "..", "ab"], 20))
def test_glue_hint_led_by_the_mark_answers_as_led_by_the_letter(text):
    from mtqa.rules.punct_missing_space import _GLUE_HINT

    assert bool(_GLUE_HINT.search(text)) == bool(re.search(r"[a-z][.?!][A-Z]|[a-z],[a-z]", text))
