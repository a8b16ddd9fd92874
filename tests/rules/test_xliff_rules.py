from mtqa.engine import AuditContext, AuditOptions
from mtqa.pipeline import audit_articles
from mtqa.glossary import Glossary
from mtqa.pipeline import make_article


def _xliff(pairs, src="id"):
    units = "".join(f'<trans-unit id="{i}"><source>{s}</source><target>{t}</target></trans-unit>\n'
                    for i, (s, t) in enumerate(pairs, 1))
    return (f'<xliff version="1.2"><file source-language="{src}" target-language="en">'
            f'<body>\n{units}</body></file></xliff>\n')


def _findings(pairs, rule, src="id"):
    article = make_article(_xliff(pairs, src), "job.xlf")
    ctx = AuditContext(AuditOptions(select=[rule]), glossary=Glossary([]))
    return [(article.original[f.start:f.end], f.message, f.suggestions)
            for f in audit_articles([article], ctx)[0]]


def test_source_number_flags_changed_numbers():
    found = _findings([("Harga naik 2,5 persen", "Prices rose 25 percent"),
                       ("Sebanyak 1.500 warga", "As many as 1.500 residents"),
                       ("Korban 1.250 orang", "The toll is 1,520 people"),
                       ("Anggaran Rp 300 miliar", "A budget of Rp 30 billion")],
                      "source-number")
    assert [(text, sugg) for text, _, sugg in found] == [
        ("25", []), ("1.500", ["1,500"]), ("1,520", []), ("30", [])]
    assert "written the source's way" in found[1][1]


def test_source_number_reads_each_side_in_its_locale():
    found = _findings([("Sebanyak 1.000 orang", "As many as 1,000 people"),
                       ("Harga naik 2,5 persen", "Prices rose 2.5 percent"),
                       ("Sebanyak 2,5 juta warga", "As many as 2.5 million residents"),
                       ("Sebanyak 2.500.000 warga", "As many as 2.5 million residents"),
                       ("Pada pukul 14.30 WIB", "At 2:30 p.m. local time"),
                       ("Pada 17/08/2023 ada 5 korban", "On August 17, 2023 there were five victims"),
                       ("Pesawat F-16 dan G7", "F-16 jets and the G7"),
                       ("Ia juara 1", "She came 1st"),
                       ("Penduduk 280,000 jiwa", "A population of 280,000")],
                      "source-number")
    assert found == []
    assert _findings([("Близько 1 500 осіб", "About 1,500 people"),
                      ("Втрати 5,5 млрд гривень", "Losses of 5.5 billion hryvnias")],
                     "source-number", src="uk") == []
    assert _findings([("3万人", "30,000 people")], "source-number", src="zh") == []


def test_number_missing_from_the_target_is_flagged_on_the_segment():
    found = _findings([("Sebanyak 1.500 warga tewas", "Many residents died")],
                      "source-number")
    assert found == [("Many residents died", "the source's 1.500 is not in the translation", [])]


def test_untranslated_segment_is_flagged():
    found = _findings([("Pemerintah akan mengumumkan hasilnya besok.",
                        "Pemerintah akan mengumumkan hasilnya besok."),
                       ("Bank Indonesia", "Bank Indonesia"),
                       ("2023", "2023"),
                       ("https://example.com/berita", "https://example.com/berita"),
                       ("OK", "OK"),
                       ("Pemerintah mengumumkan", "The government announced")],
                      "xliff-untranslated")
    assert [text for text, _, _ in found] == ["Pemerintah akan mengumumkan hasilnya besok."]


def test_bilingual_rules_are_silent_on_monolingual_articles():
    article = make_article("Prices rose 25 percent.\n", "a.txt")
    ctx = AuditContext(AuditOptions(select=["xliff"]), glossary=Glossary([]))
    assert audit_articles([article], ctx)[0] == []
