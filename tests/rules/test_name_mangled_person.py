"""name-mangled-person: a newsworthy person's name with one part mangled, decided by context."""
import pytest

from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions, audit_article
from mtqa.glossary import load_glossary

RULE = "name-mangled-person"
PEOPLE = """pack: people-test
description: people for the name-mangled-person tests
entries:
  - {name: Joe Biden, type: person, country: US, note: president 2021-25}
  - {name: Hunter Biden, type: person, country: US, note: son of Joe Biden}
  - {name: Dmitry Medvedev, type: person, country: RU, variants: [Dmitri Medvedev]}
  - {name: Olaf Scholz, type: person, country: DE, note: chancellor of Germany 2021-25}
  - {name: Javier Milei, type: person, country: AR, note: president of Argentina}
  - {name: Petr Pavel, type: person, country: CZ, note: president of the Czech Republic}
  - {name: Gustavo Petro, type: person, country: CO, note: president of Colombia}
  - {name: Elisabeth Borne, type: person, country: FR, note: prime minister 2022-24}
  - {name: Sergei Shoigu, type: person, country: RU, note: defence minister 2012-24}
  - {name: Edi Rama, type: person, country: AL, note: prime minister of Albania}
"""


@pytest.fixture(scope="module")
def people(tmp_path_factory):
    path = tmp_path_factory.mktemp("g") / "people.yaml"
    path.write_text(PEOPLE, encoding="utf-8")
    return load_glossary([path], bundled=False)


def mangled(people, text):
    ctx = AuditContext(AuditOptions(select=[RULE]), glossary=people)
    return [(text[f.start:f.end], f.suggestions[0]) for f in audit_article(Article(text), ctx)]


@pytest.mark.parametrize("text, expected", [
    ("Joe Baden met the press.", [("Baden", "Biden")]),          # a real place name
    ("Dmetry Medvedev spoke.", [("Dmetry", "Dmitry")]),           # given name mangled
    ("Chancellor Sholz arrived.", [("Sholz", "Scholz")]),         # title + surname
    ("Prime Minister Elisabeth Born spoke.", [("Born", "Borne")]),  # an English word
])
def test_mangled_parts_are_flagged_with_the_right_part(people, text, expected):
    assert mangled(people, text) == expected


@pytest.mark.parametrize("text", [
    "Joe Biden and Hunter Biden went to Baden-Baden.",   # right names, a real town
    "Dmitri Medvedev spoke.",                            # a listed variant
    "Sergey Shoygu spoke.",                              # a romanisation (same key)
    "Czech President Petr Pavel spoke.",                 # title then a full name: not Petro
    "General Milli met the commander.",                  # Milei is no general
    "Elisabeth Medvedev is a real given name.",          # a given name, not a mangled Dmitry
    "The Tate hosted Drag Queen Story Hour.",            # ordinary words after a title
    "Edi Rame arrived.",                                 # four-letter surnames are too close to call
])
def test_right_names_namesakes_and_other_titles_are_left_alone(people, text):
    assert mangled(people, text) == []


def test_the_fix_removes_the_finding(people):
    text = "Joe Baden and Dmetry Medvedev met Chancellor Sholz."
    for _ in range(4):
        found = AuditContext(AuditOptions(select=[RULE]), glossary=people)
        findings = audit_article(Article(text), found)
        if not findings:
            break
        f = findings[0]
        text = text[:f.start] + f.suggestions[0] + text[f.end:]
    assert text == "Joe Biden and Dmitry Medvedev met Chancellor Scholz."
    assert mangled(people, text) == []


def test_a_mangled_surname_alone_gets_the_surname_alone(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(PEOPLE + "  - {name: Roberta Metsola, type: person, country: MT, "
                             "note: president of the European Parliament}\n", encoding="utf-8")
    people = load_glossary([path], bundled=False)
    text = "Roberta Metsola opened the session. Mezzola said the vote was close."
    assert mangled(people, text) == [("Mezzola", "Metsola")]
    # without the full name in the article there is no context: left alone
    assert mangled(people, "Mezzola said the vote was close.") == []
