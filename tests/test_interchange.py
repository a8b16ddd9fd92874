from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from mtqa.cli import main
from mtqa.glossary import load_file
from mtqa.interchange import (InterchangeError, entry_to_dict, read_csv, read_tbx, validate,
                              write_tbx)

FIXTURES = Path(__file__).parent / "fixtures"
INTERCHANGE = FIXTURES / "interchange"


def _read(name):
    return (INTERCHANGE / name).read_text(encoding="utf-8")


def test_tbx_basic_2008_statuses_languages_and_subject_fields():
    entries, warnings = read_tbx(_read("basic2008.tbx"), "b.tbx")
    assert entries == [
        {"name": "Kyiv", "type": "place", "incorrect": ["Kiev", "Kiyv"]},
        {"name": "Volodymyr Zelenskyy", "type": "person", "variants": ["Zelensky"],
         "incorrect": ["Vladimir Zelensky"], "note": "President of Ukraine"},
        {"name": "thermal power plant", "type": "term", "incorrect": ["hot power plant"]},
    ]
    assert any("1 ru, 1 uk" in w for w in warnings)


def test_tbx_2019_dct_and_normative_authorization():
    entries, _ = read_tbx(_read("core2019.tbx"), "c.tbx")
    assert entries == [
        {"name": "Armed Forces of Ukraine", "type": "organisation",
         "variants": ["Ukrainian Armed Forces"], "incorrect": ["Armed Forces Ukraine"]},
        {"name": "Kharkiv", "type": "term", "incorrect": ["Kharkov"]},
    ]


def test_other_language_can_be_chosen():
    entries, _ = read_tbx(_read("basic2008.tbx"), "b.tbx", lang="uk")
    assert [e["name"] for e in entries] == ["Київ"]


@pytest.mark.parametrize("version", [2, 3])
def test_export_then_import_gives_the_glossary_back(version):
    _, entries = load_file(FIXTURES / "glossary.yaml")
    entries[0].incorrect["Kiew"] = "Kyiv City"  # an explicit fix survives too
    entries[0].note = "capital"
    tbx = write_tbx(entries, version)
    back, warnings = read_tbx(tbx, "out.tbx")
    assert not warnings
    assert back == [entry_to_dict(e) for e in entries]
    assert validate(back, "out.tbx")


def test_tbx_with_entity_declarations_is_refused():
    doc = ('<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           '<martif><text><body/></text></martif>')
    with pytest.raises(InterchangeError, match="declares an entity"):
        read_tbx(doc, "evil.tbx")


def test_csv_with_bom_semicolons_and_header_synonyms():
    text = ("\ufeffCorrect;Wrong;Type;Also;Notes\n"
            "Kyiv;Kiev | Kiyv;city;Kyiv City;capital\n"
            "Dmytro Kuleba;Dmitry Kuleba;Person;;\n"
            "\n"
            "thermal power plant;hot power plant;;;calque\n")
    entries, warnings = read_csv(text, "sheet.csv")
    assert entries == [
        {"name": "Kyiv", "type": "place", "variants": ["Kyiv City"],
         "incorrect": ["Kiev", "Kiyv"], "note": "capital"},
        {"name": "Dmytro Kuleba", "type": "person", "incorrect": ["Dmitry Kuleba"]},
        {"name": "thermal power plant", "type": "term", "incorrect": ["hot power plant"],
         "note": "calque"},
    ]
    assert not warnings


def test_csv_with_commas_and_list_cells_separated_by_semicolons():
    text = 'name,incorrect,type,extra\nKharkiv,"Kharkov; Charkow=>Kharkiv",place,x\n'
    entries, warnings = read_csv(text, "s.csv")
    assert entries == [{"name": "Kharkiv", "type": "place", "incorrect": ["Kharkov", "Charkow"]}]
    assert warnings == ["s.csv:1: column(s) ignored: extra"]


def test_csv_problems_name_file_and_line():
    with pytest.raises(InterchangeError, match=r"s.csv:1: the header row needs"):
        read_csv("foo,bar\nx,y\n", "s.csv")
    with pytest.raises(InterchangeError, match=r"s.csv:3: unknown type 'animal'"):
        read_csv("name,type\nKyiv,place\nCat,animal\n", "s.csv")


def test_cli_import_and_export(tmp_path):
    runner = CliRunner()
    out_yaml = tmp_path / "kyiv.yaml"
    r = runner.invoke(main, ["glossary", "import", str(INTERCHANGE / "basic2008.tbx"), "-o",
                             str(out_yaml), "--pack", "newsroom"])
    assert r.exit_code == 0, r.output
    doc = yaml.safe_load(out_yaml.read_text(encoding="utf-8"))
    assert doc["pack"] == "newsroom" and doc["entries"][0]["name"] == "Kyiv"
    pack, entries = load_file(out_yaml)  # a valid glossary
    assert len(entries) == 3
    r = runner.invoke(main, ["glossary", "export", str(out_yaml), "-o", str(tmp_path / "k.tbx")])
    assert r.exit_code == 0, r.output
    assert "<term>Vladimir Zelensky</term>" in (tmp_path / "k.tbx").read_text(encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_bytes("name;type\nKyïv;place\n".encode("latin-1"))
    r = runner.invoke(main, ["glossary", "import", str(bad)])
    assert r.exit_code == 2 and "not UTF-8" in r.output


def test_cli_type_choices_are_the_glossary_entry_types():
    from mtqa.commands.glossary_io import _TYPES
    from mtqa.glossary import ENTRY_TYPES

    assert _TYPES == ENTRY_TYPES
