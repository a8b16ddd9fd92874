"""_Paragraph.near_candidates (name_differences) lets a source name look only at the target
words that may be near one of its forms. It must be exact: every comparable target word that
_near_forms finds near a form is among the candidates, and the findings are those of the plain
loop over every comparable word. Real WMT23 lines: the name-dense film reviews (em1-*, em2-0:
credits and casts), and news in both languages; every system and the reference."""
import pytest

from mtqa.engine import AuditContext, AuditOptions
from mtqa.source import name_differences
from tests.source.test_name_memos import clear_memos, findings

from _wmt23 import WMT23, translations_of

DOCUMENTS = [("ru", d) for d in ("em1-0", "em1-2", "em1-3", "em1-4", "em1-5", "em1-6",
                                 "em1-7", "em2-0", "ogirk.ru.8559", "rfi-russian.5562")] + [
    ("uk", d) for d in ("6", "voa-voanews-uk.16113")]


@pytest.mark.skipif(not WMT23.is_dir(), reason="shared WMT23 dev data absent")
@pytest.mark.parametrize("lang, document", DOCUMENTS)
def test_candidates_hold_every_near_word_and_findings_are_the_plain_loops(
        lang, document, monkeypatch):
    sources, translations = translations_of(lang, document)
    ctx = AuditContext(AuditOptions(select=["source-name"]))
    indexed = name_differences._Paragraph.near_candidates
    asked = []

    def checked(paragraph, forms, exact, patronymic):
        found = indexed(paragraph, forms, exact, patronymic)
        near = [c for c in paragraph.comparable if next(name_differences._near_forms(
            c[1].text, forms, paragraph.lang, exact, patronymic), None) is not None]
        assert set(map(id, near)) <= set(map(id, found))
        assert [c for c in paragraph.comparable if c in found] == found  # in their order
        asked.append(len(found) < len(paragraph.comparable))
        return found

    monkeypatch.setattr(name_differences._Paragraph, "near_candidates", checked)
    clear_memos()
    with_index = findings(translations, sources, lang, ctx, fresh=True)
    assert asked and any(asked)  # the index left words out
    monkeypatch.setattr(name_differences._Paragraph, "near_candidates",
                        lambda paragraph, *_: list(paragraph.comparable))
    clear_memos()
    assert with_index == findings(translations, sources, lang, ctx, fresh=True)
    assert sum(map(len, with_index)) >= 1
