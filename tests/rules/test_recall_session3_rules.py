"""Behaviour of the MT-artefact rules added for issue 9 recall in session 3:
punct-hyphen-as-dash, punct-repeated-phrase, punct-split-compound. Their `examples` run in
tests/test_rule_examples.py; here the cases that decide precision, and `mtqa fix` run until
stable over real MT text (the zh-en TED and WMT23 sentences the rules were measured on)."""
from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions, audit_article
from mtqa.fix import fix_text

RULES = ["punct-hyphen-as-dash", "punct-repeated-phrase", "punct-split-compound"]

# Real MT output (MQM zh-en TED talks and WMT23 ru-en/uk-en), one artefact of each rule or
# more per line.
MT_TEXT = """Maybe they were stars before and then collapsed into two black holes-each with a mass of 10 times that of the sun.
As you can see-maybe a little fuzzy-you can see the red waves being emitted.
You can see that the countries on the left are all relatively equal-Japan, Finland, Norway, Sweden-their top 20% are richer.
Einstein realized that if the universe was empty, if the universe was empty, it would look like this picture.
She worked at the SK plant as a dispatcher of the production department of the production department.
The biggest change is how important long - term stress from society is to immunity.
Not only will it warm up to 155 ° F, 43 or 44 ° C for two days, but also it will remain warm.
"""


def rule_findings(text, rule):
    ctx = AuditContext(AuditOptions(select=[rule]))
    return [f for f in audit_article(Article(text), ctx) if f.rule == rule]


def test_each_rule_finds_its_artefacts_in_real_mt():
    counts = {rule: len(rule_findings(MT_TEXT, rule)) for rule in RULES}
    assert counts == {"punct-hyphen-as-dash": 5, "punct-repeated-phrase": 2,
                      "punct-split-compound": 3}


def test_fix_loop_over_real_mt_removes_every_finding_of_these_rules():
    # `mtqa fix --unsafe`: the fix loop runs until stable and withdraws a fix whose finding
    # comes back
    result = fix_text(MT_TEXT, "mt.txt", AuditContext(AuditOptions(select=RULES)), unsafe=True)
    assert result.converged and not result.withdrawn
    fixed = result.after
    for rule in RULES:
        assert rule_findings(fixed, rule) == [], rule
    assert "two black holes—each with" in fixed
    assert "if the universe was empty, it would" in fixed
    assert "long-term stress" in fixed and "44 °C" in fixed


def test_hyphen_compounds_and_prefixes_are_left():
    text = ("The check-in was easy, the built-in aquarium huge, a follow-up planned; so-and-so "
            "said the state-of-the-art, pro-Kremlin, trans-Atlantic what-if know-how was so-so.")
    assert rule_findings(text, "punct-hyphen-as-dash") == []


def test_hyphen_inside_a_link_is_left():
    assert rule_findings("See https://example.org/holes-each-year and a@b-it.org.",
                         "punct-hyphen-as-dash") == []


def test_repeated_phrase_needs_three_words_and_no_figures():
    assert rule_findings("It was very, very good, good.", "punct-repeated-phrase") == []
    assert rule_findings("Values: minus 120 degrees, minus 120 degrees.",
                         "punct-repeated-phrase") == []
    assert len(rule_findings("They offered several options, offered several options.",
                             "punct-repeated-phrase")) == 1


def test_split_compound_leaves_dashes_before_asides():
    text = "My data comes from the United Nations - like that of the World Bank - and more."
    assert rule_findings(text, "punct-split-compound") == []


def test_bare_title_opening_a_sentence_is_flagged_but_not_a_headline_or_a_name_title():
    rule = "grammar-title-without-article"
    text = ("Relations with Germany are developing in waves - DW - 09.02.2023\n"
            "President of Ukraine Volodymyr Zelensky believes that relations between Berlin "
            "and Kyiv are developing in waves.\n"
            "President of the European Parliament visits Kyiv\n"
            "President Joe Biden said on Monday that the talks would go on next week.\n")
    found = rule_findings(text, rule)
    assert [text[f.start:f.end] for f in found] == ["President"]
    assert text[found[0].start - 1] == "\n"  # the second line, not the headline or Biden


def test_bare_title_in_mid_sentence_before_a_name_is_flagged_but_not_a_formal_title():
    # Real WMT23 uk-en MT (session 4 extension) and formal English titles (AP "titles").
    rule = "grammar-title-without-article"
    mt = ("This was announced on Friday by Minister of Digital Transformation Mykhailo Fedorov "
          "and Deputy Head of the US Agency for International Development Isobel Coleman.")
    found = rule_findings(mt, rule)
    assert [mt[f.start:f.end] for f in found] == ["Minister", "Deputy Head"]
    assert [f.suggestions[0] for f in found] == ["the Minister", "the Deputy Head"]
    english = ("The talks were led by Secretary of State Antony Blinken and Mayor of London "
               "Sadiq Khan on Monday.")
    assert rule_findings(english, rule) == []
    # no name after the "of" phrase: left (cannot be told from a headline-style phrase)
    assert rule_findings("The meeting with Head of the department ended late yesterday "
                         "evening.", rule) == []


def test_fixing_a_mid_sentence_bare_title_removes_its_finding():
    rule = "grammar-title-without-article"
    text = ("The summit of EU leaders will be attended by President of Ukraine Volodymyr "
            "Zelensky.\n")
    result = fix_text(text, "mt.txt", AuditContext(AuditOptions(select=[rule])), unsafe=True)
    assert result.converged and not result.withdrawn
    assert "attended by the President of Ukraine" in result.after
    assert rule_findings(result.after, rule) == []
