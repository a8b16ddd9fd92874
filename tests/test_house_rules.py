"""House rules like Vale's: phrase packs from the configuration, glossary entries that merge
with the bundled ones, .csv/.tbx glossaries, one type vocabulary."""
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtqa.cli import main
from mtqa.phrases import backtracking_risk

HOUSE_PACK = textwrap.dedent("""\
    pack: house
    language: any
    description: The desk's own wording.
    entries:
      - id: war-in-ukraine
        phrase: [Ukrainian crisis, crisis in Ukraine]
        fix: war in Ukraine
        message: house style since 2022 is “war in Ukraine”
        category: style/awkward
        severity: major
        example: Talks on the Ukrainian crisis resumed on Monday.
        source: house style guide, section 4
    """)


def run(*args, input=None):
    r = CliRunner().invoke(main, list(args), input=input)
    return r.exit_code, r.stdout, r.stderr


@pytest.fixture
def desk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("style").mkdir()
    Path("article.txt").write_text("Talks on the Ukrainian crisis resumed. The crisis in "
                                   "Ukraine went on.\n", encoding="utf-8")
    return tmp_path


def test_house_phrase_pack_from_config_is_rules_like_the_bundled(desk):
    Path("style/phrases.yaml").write_text(HOUSE_PACK.replace("war-in-ukraine",
                                                             "war-in-ukraine-a"),
                                          encoding="utf-8")
    Path("mtqa.toml").write_text('phrase-packs = ["style/phrases.yaml"]\n', encoding="utf-8")
    code, out, err = run("check", "--select", "phrase-house", "article.txt")
    assert code == 1, err
    assert out.count("phrase-house-war-in-ukraine-a") == 2
    assert "(suggestion: war in Ukraine)" in out
    code, out, _ = run("rules")
    assert "phrase-house-war-in-ukraine-a" in out
    # the pack's own example is what `mtqa phrases check` tests it on
    code, out, err = run("phrases", "check", "style/phrases.yaml")
    assert code == 0, err


def test_house_pack_problems_name_file_and_line(desk):
    broken = HOUSE_PACK.replace("war-in-ukraine", "war-in-ukraine-b").replace(
        "style/awkward", "style/wrong")
    Path("style/phrases.yaml").write_text(broken, encoding="utf-8")
    Path("mtqa.toml").write_text('phrase-packs = ["style/phrases.yaml"]\n', encoding="utf-8")
    code, _, err = run("check", "article.txt")
    assert code == 2
    line = broken.splitlines().index("  - id: war-in-ukraine-b") + 1
    assert f"style/phrases.yaml:{line}: war-in-ukraine-b: unknown category 'style/wrong'" in err


def test_house_pack_regex_that_backtracks_catastrophically_is_refused(desk):
    risky = HOUSE_PACK.replace("war-in-ukraine", "war-in-ukraine-c") + \
        "    when: {preceded_by: '(\\w+\\s?)+:'}\n"
    Path("style/phrases.yaml").write_text(risky, encoding="utf-8")
    Path("mtqa.toml").write_text('phrase-packs = ["style/phrases.yaml"]\n', encoding="utf-8")
    code, _, err = run("check", "article.txt")
    assert code == 2 and "nested quantifiers" in err and "style/phrases.yaml:5:" in err


@pytest.mark.parametrize("regex,risky", [
    (r"(a+)+b", True), (r"(?:\w+\s?)*:", True), (r"((ab)*c)*", True),
    (r"(?:\w+\s+){0,3}of", False), (r"\b(?:his|her)\s+[A-Z]", False), (r"(?:a{2})+", False),
])
def test_backtracking_check(regex, risky):
    assert bool(backtracking_risk(regex)) is risky


def test_bundled_pack_regexes_pass_the_backtracking_check():
    from mtqa.phrases import load_packs

    assert [(e.rule_id, rx) for p in load_packs() for e in p.entries
            for k, rx in e.when.source.items()
            if k != "followed_by_entity" and backtracking_risk(rx)] == []


def test_a_house_pack_may_not_take_a_bundled_name(desk):
    Path("style/phrases.yaml").write_text(HOUSE_PACK.replace("pack: house", "pack: common"),
                                          encoding="utf-8")
    Path("mtqa.toml").write_text('phrase-packs = ["style/phrases.yaml"]\n', encoding="utf-8")
    code, _, err = run("check", "article.txt")
    assert code == 2 and "is a bundled pack's" in err


# ---- source-lang never outweighs evidence that a person is not Ukrainian --------------------

@pytest.mark.parametrize("text,flagged", [
    ("Mayor Natalia Kovalenko spoke on Monday.", True),
    ("Moldova's prime minister Natalia Gavrilița spoke in Kyiv.", False),
    ("The Moldovan prime minister Natalia Gavrilița spoke.", False),
    ("The Georgian MP Natalia Kovalenko spoke on Monday.", False),
    # where someone is, or a clause break, ties no nationality to the name
    ("Ukrainian refugee Natalia Kovalenko lives in Prague.", True),
    ("We thank the Czech Republic, Natalia Kovalenko said.", True),
])
def test_source_lang_uk_yields_to_a_foreign_cue(text, flagged):
    from mtqa.api import check_text
    from mtqa.engine import AuditOptions

    found = check_text(text, AuditOptions(select=["name-russian-form"], source_lang="uk"))
    assert bool([f for f in found if text[f.start:f.end] == "Natalia"]) is flagged


# ---- glossaries: merge, .csv/.tbx, one type vocabulary --------------------------------------

from mtqa.glossary import GlossaryError, load_file, load_glossary  # noqa: E402

BUNDLED_LIKE = textwrap.dedent("""\
    pack: bundled
    entries:
      - name: Kyiv
        type: place
        country: UA
        variants: [Kyiv City]
        incorrect: [Kiev, Kiyv]
        exceptions: [Chicken Kiev]
    """)


def _glossary(tmp_path, house_yaml):
    (tmp_path / "bundled.yaml").write_text(BUNDLED_LIKE, encoding="utf-8")
    (tmp_path / "house.yaml").write_text(house_yaml, encoding="utf-8")
    return load_glossary([tmp_path / "bundled.yaml", tmp_path / "house.yaml"], bundled=False)


def test_a_house_entry_for_a_known_name_merges_with_it(tmp_path):
    g = _glossary(tmp_path, "entries:\n  - {name: Kyiv, type: place, variants: [Kyiv-city], "
                            "incorrect: [Kyyiv], accept: [Kiyv]}\n")
    (kyiv,) = g.entries
    assert kyiv.variants == ["Kyiv City", "Kyiv-city"]
    assert set(kyiv.incorrect) == {"Kiev", "Kyyiv"}  # Kiyv: the house accepts it now
    assert kyiv.accept == ["Kiyv"] and kyiv.exceptions == ["Chicken Kiev"]
    assert kyiv.country == "UA"
    assert g.lookup("Kiev")[0] == "incorrect" and g.lookup("Kyiv City")[0] == "variant"


def test_replace_true_drops_the_known_entry(tmp_path):
    g = _glossary(tmp_path, "entries:\n  - {name: Kyiv, type: place, replace: true, "
                            "incorrect: [Kyyiv]}\n")
    (kyiv,) = g.entries
    assert set(kyiv.incorrect) == {"Kyyiv"} and kyiv.variants == [] and kyiv.exceptions == []


def test_a_later_correct_form_is_no_longer_wrong_and_vice_versa(tmp_path):
    g = _glossary(tmp_path, "entries:\n  - {name: Kyiv, type: place, variants: [Kiev], "
                            "incorrect: [Kyiv City]}\n")
    (kyiv,) = g.entries
    assert "Kiev" not in kyiv.incorrect and "Kiev" in kyiv.variants
    assert "Kyiv City" not in kyiv.variants and "Kyiv City" in kyiv.incorrect


def test_house_merge_keeps_the_bundled_variants_in_a_real_check(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("house.yaml").write_text("entries:\n  - {name: Kyiv, type: place, "
                                  "incorrect: [Kyyiv]}\n", encoding="utf-8")
    Path("a.txt").write_text("In Kiev and Kyyiv, not Chicken Kiev.\n", encoding="utf-8")
    code, out, _ = run("check", "--no-config", "--select", "name-incorrect",
                       "--glossary", "house.yaml", "a.txt")
    assert code == 1
    flagged = [line.split()[0] for line in out.splitlines()[:-1]]
    assert flagged == ["a.txt:1:4:", "a.txt:1:13:"]  # Chicken Kiev: the bundled exception


CSV = "name,type,incorrect,country\nKyiv,place,Kiev|Kiyv,UA\nAndriy Yermak,person,Andrei Yermak,UA\n"


def test_glossary_option_reads_csv_and_tbx_directly(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("names.csv").write_text(CSV, encoding="utf-8")
    Path("a.txt").write_text("Andrei Yermak flew to Kiev.\n", encoding="utf-8")
    code, out, err = run("check", "--no-config", "--no-pack", "all", "--select",
                         "name-incorrect", "--glossary", "names.csv", "a.txt")
    assert code == 1, err
    assert "Andrei Yermak" in out and "“Kiev”" in out
    tbx = Path(__file__).parent / "fixtures" / "interchange" / "basic2008.tbx"
    pack, entries = load_file(tbx)
    assert entries and pack == "basic2008"
    code, out, err = run("glossary", "check", "names.csv", str(tbx))
    assert code == 0, err


def test_csv_problems_name_the_file_and_line(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,type\nKyiv,plaice\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as exc:
        load_file(bad)
    assert f"{bad}:2: unknown type 'plaice'" in exc.value.problems[0]


@pytest.mark.parametrize("spelled,meant", [("city", "place"), ("Company", "organisation"),
                                           ("first name", "given-name"), ("place", "place")])
def test_one_type_vocabulary_for_yaml_and_import(tmp_path, spelled, meant):
    yaml_file = tmp_path / "g.yaml"
    yaml_file.write_text(f"entries:\n  - {{name: Kharkiv, type: {spelled}}}\n",
                         encoding="utf-8")
    csv_file = tmp_path / "g.csv"
    csv_file.write_text(f"name,type\nKharkiv,{spelled}\n", encoding="utf-8")
    assert load_file(yaml_file)[1][0].type == meant
    assert load_file(csv_file)[1][0].type == meant


PATTERN_PACK = textwrap.dedent("""\
    pack: housepat
    language: any
    description: Regex rules of the desk.
    entries:
      - id: percent-word
        pattern: '\\b(\\d+) per ?cent\\b'
        fix: '\\1%'
        message: house style writes the sign
        category: style/awkward
        severity: minor
        example: Prices rose by 12 per cent in March.
        source: house style guide, numbers
    """)


def test_house_pattern_entries_match_regexes_and_fill_the_fix(desk):
    Path("style/patterns.yaml").write_text(PATTERN_PACK, encoding="utf-8")
    Path("mtqa.toml").write_text('phrase-packs = ["style/patterns.yaml"]\n', encoding="utf-8")
    Path("prices.txt").write_text("Prices rose by 12 per cent, rents by 7 percent.\n",
                                  encoding="utf-8")
    code, out, err = run("check", "--select", "phrase-housepat", "prices.txt")
    assert code == 0, err  # minor findings do not fail
    assert "(suggestion: 12%)" in out and "(suggestion: 7%)" in out
    code, _, err = run("phrases", "check", "style/patterns.yaml")
    assert code == 0, err


@pytest.mark.parametrize("pattern,fix,problem", [
    ("(a+)+b", "x", "nested quantifiers"),
    ("(\\\\d+", "x", "not a valid regex"),
    ("x?", "y", "matches the empty string"),
    ("(\\\\d+) km", "\\\\2 km", "refers to group 2"),
])
def test_bad_house_patterns_are_refused_with_file_and_line(tmp_path, pattern, fix, problem):
    from mtqa.phrases import PhrasePackError, load_house_packs

    text = PATTERN_PACK.replace("'\\b(\\d+) per ?cent\\b'", f"'{pattern}'").replace(
        "'\\1%'", f"'{fix}'").replace("housepat", "housebad")
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PhrasePackError) as exc:
        load_house_packs([path])
    assert f"{path}:5: percent-word: pattern" in exc.value.problems[0]
    assert problem in exc.value.problems[0]
