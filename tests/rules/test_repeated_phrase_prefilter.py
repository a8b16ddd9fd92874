"""punct-repeated-phrase runs its regex only where the token pre-check finds a repeated run;
the pre-check must never hide a repeat the regex alone would find."""
from hypothesis import given, settings, strategies as st

from mtqa.article import Article
from mtqa.rules import punct_repeated_phrase as rule_module

WORDS = ["the", "The", "war", "if", "long-term", "la", "don't", "Kyiv", "5", "again", "a-b-c"]


def _regex_only(text):
    out, pos = [], 0
    while True:
        m = rule_module._REPEAT.search(text, pos)
        if not m:
            return out
        pos = m.start(3)
        if not set(m.group(1).lower().split()) <= rule_module._FILLER:
            out.append((m.start(2), m.end(3)))
            pos = m.end(3)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", ", ", ". ", " "])),
                min_size=3, max_size=40),
       st.integers(0, 30), st.integers(3, 9))
def test_prefilter_never_hides_a_repeat(parts, at, length):
    words = "".join(w + sep for w, sep in parts).strip()
    tokens = words.split(" ")
    run = " ".join(tokens[at % len(tokens):][:length])
    text = f"{words} {run}, {run} end."  # often a repeat, sometimes not
    found = [(f.start, f.end) for f in rule_module.RepeatedPhrase().check(Article(text), None)]
    assert found == _regex_only(text)


def test_prefilter_skips_articles_without_a_repeated_run():
    plain = Article("The talks resumed in Kyiv on Monday, and the delegations met again.")
    assert not rule_module._may_repeat([w.lower() for w in plain.token_texts])
    looped = Article("If the universe were empty, if the universe were empty, it would be dark.")
    assert rule_module._may_repeat([w.lower() for w in looped.token_texts])
