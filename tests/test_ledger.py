"""The name ledger (mtqa.ledger): names grouped by entity with each spelling, count, status and
first line."""
from mtqa.api import audit_articles
from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions
from mtqa.ledger import build_ledger

TEXT = ("Talks in Kyiv\n"
        "Officials in Kharkov and Kyiv met Mikhail Podolyak on Monday.\n"
        "Podolyak said the Zyborvska delegation of Andriy Zyborvsky would return.\n"
        "Later Zyborvsky spoke to Sergey Lavrov by phone.\n")


def ledger(test_glossary, text=TEXT):
    ctx = AuditContext(AuditOptions(), glossary=test_glossary)
    [result] = audit_articles([Article(text)], ctx=ctx)
    return {e.name: e for e in build_ledger(result.article, result.findings, test_glossary)}


def spellings(entity):
    return {s.text: (s.status, s.count, s.first_line, s.fix) for s in entity.spellings}


def test_house_forms_flagged_spellings_and_counts(test_glossary):
    by_name = ledger(test_glossary)
    assert spellings(by_name["Kyiv"]) == {"Kyiv": ("house form", 2, 1, None)}
    assert spellings(by_name["Kharkiv"]) == {"Kharkov": ("flagged", 1, 2, "Kharkiv")}
    podolyak = by_name["Mykhailo Podolyak"]
    assert podolyak.type == "person" and podolyak.status == "flagged"
    assert spellings(podolyak) == {"Mikhail Podolyak": ("flagged", 1, 2, "Mykhailo Podolyak"),
                                   "Podolyak": ("variant", 1, 3, None)}
    # a Russian spelling of a Russian's name is the house form, not flagged
    assert spellings(by_name["Sergey Lavrov"]) == {"Sergey Lavrov": ("house form", 1, 4, None)}


def test_unknown_names_grouped_by_surname(test_glossary):
    by_name = ledger(test_glossary)
    unknown = by_name["Andriy Zyborvsky"]
    assert unknown.type == "unknown" and unknown.status == "unknown"
    assert spellings(unknown) == {"Andriy Zyborvsky": ("unknown", 1, 3, None),
                                  "Zyborvsky": ("unknown", 1, 4, None)}


def test_headline_and_ordinary_words_are_not_names(test_glossary):
    by_name = ledger(test_glossary)
    assert not any(n in by_name for n in ("Talks", "Officials", "Later", "Monday"))


def test_spans_in_bulk_answer_as_one_at_a_time():
    # the ledger adds glossary matches and asks the overlap test in bulk (hardening3): the
    # bulk answers must be those of `add` and `overlapping`, span by span
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from mtqa.ledger import _Spans

    span = st.tuples(st.integers(0, 40), st.integers(0, 8)).map(lambda t: (t[0], t[0] + t[1]))

    @settings(max_examples=300, deadline=None)
    @given(st.lists(span, max_size=12), st.lists(span, max_size=12), st.lists(span, max_size=12))
    def agree(present, added, asked):
        one, bulk = _Spans(), _Spans()
        for i, (s, e) in enumerate(present):
            one.add(s, e, i)
            bulk.add(s, e, i)
        for s, e in added:
            one.add(s, e)
        bulk.add_sorted([s for s, _ in added], [e for _, e in added])
        assert (bulk.items, bulk.longest) == (one.items, one.longest)
        maybe = one.may_overlap([s for s, _ in asked], [e for _, e in asked])
        for (s, e), may in zip(asked, maybe):
            assert may or not one.overlapping(s, e)

    agree()


def test_runs_found_during_the_audit_give_the_same_ledger_without_tokenising_again(
        test_glossary):
    # `mtqa report` sets name_ledger: the audit step finds the ledger's candidate name runs
    # while the tokens are alive; after Article.release the ledger must not tokenise the
    # article again, and must equal the ledger built from a fresh tokenisation.
    def audited(name_ledger):
        options = AuditOptions(name_ledger=name_ledger)
        [result] = audit_articles([Article(TEXT)], ctx=AuditContext(options, test_glossary))
        return result

    kept, plain = audited(True), audited(False)
    assert "tokens" not in kept.article.__dict__  # released by the audit
    from_audit = build_ledger(kept.article, kept.findings, test_glossary)
    assert "tokens" not in kept.article.__dict__  # ... and not rebuilt for the ledger
    fresh = build_ledger(plain.article, plain.findings, test_glossary)
    assert [e.to_dict() for e in from_audit] == [e.to_dict() for e in fresh]
    assert any(e.type == "unknown" for e in from_audit)  # the runs were used


def _runs_one_token_at_a_time(article):
    """The definition of ledger._run_candidates: walk the tokens, extend a run while the next
    word is capitalised, in the sentence and one space on, then trim ordinary words."""
    from mtqa.lexicon import zipf

    text, toks = article.text, article.tokens
    runs, i = [], 0
    capital = [t.text.isalpha() and t.text[:1].isupper() for t in toks]
    while i < len(toks):
        if not capital[i]:
            i += 1
            continue
        j = i
        while (j + 1 < len(toks) and capital[j + 1] and toks[j + 1].sentence == toks[i].sentence
               and text[toks[j].end:toks[j + 1].start] == " "):
            j += 1
        words = toks[i:j + 1]
        while words and zipf(words[0].text) >= 3.0 and (words[0].sentence_initial
                                                        or len(words) > 1):
            words = words[1:]
        while words and zipf(words[-1].text) >= 3.5:
            words = words[:-1]
        if len(words) == 1 and words[0].text.endswith(("ian", "ians", "ean", "eans", "ese")):
            words = []
        if words and all(all(c.isascii() or "\u00c0" <= c <= "\u024f" for c in w.text)
                         for w in words) and any(len(w.text) >= 3 and not w.text.isupper()
                                                 and zipf(w.text) < 3.0 for w in words):
            if not article.in_headline(words[0].start):
                runs.append((words[0].start, words[-1].end))
        i = j + 1
    return runs


def test_run_candidates_found_in_bulk_are_the_runs_of_the_token_walk():
    import random

    from mtqa.article import Article
    from mtqa.ledger import _run_candidates

    rng = random.Random(13)
    words = ["The", "Kiev", "Kostin", "Andriy", "said", "of", "Ukrainian", "NATO", "Fang",
             "Chinese", "Ol\u00e9", "Z\u00fcrich", "Minister", "the", "Oblast", "Kharkiv"]
    gaps = [" ", " ", " ", ", ", ". ", "  ", "\n", " - "]
    for _ in range(400):
        text = "".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(1, 40)))
        text += rng.choice(["", "end."])
        article = Article(text)
        assert _run_candidates(article) == _runs_one_token_at_a_time(article), text
