"""One source name, two MT spellings in one article (mtqa/source/name_consistency.py): real
WMT23 ru-en lines, each segment a paragraph, as the source-name rule sees the whole article."""
import re

import pytest

from mtqa.article import Article
from mtqa.engine import AuditContext, AuditOptions
from mtqa.pipeline import audit_articles
from mtqa.registry import all_rules
from mtqa.source.document import SourceDoc
from mtqa.source.language import detect

RULE = next(r for r in all_rules() if r.id == "source-name")

# rt-russian.115542, NLLB_Greedy, segments 0, 1, 10: the headline's Mahachev beside the
# article's Makhachev, both for Махачев
MAKHACHEV = (
    ["Махачев получил престижную награду от UFC - РТ на русском",
     "Российский боец смешанных единоборств (MMA) Ислам Махачев получил престижную награду от "
     "Абсолютного бойцовского чемпионата (UFC).",
     "На счету Махачева 23 победы и одно поражение в 24 боях в MMA."],
    ["Mahachev received a prestigious award from UFC - RT in Russian",
     "Russian mixed martial artist Islam Makhachev won the prestigious award from the Ultimate "
     "Fighting Championship (UFC).",
     "Makhachev has 23 wins and one loss in 24 MMA bouts."])
# srgazeta.ru.9862, ONLINE-M, segments 3, 7: the woman's accusative Алексееву read as the man's
# surname, where the article writes her Alekseeva
ALEKSEEVA = (
    ["Долгие годы Наталья Радиеана Алексеева проработала на заводе СК диспетчером "
     "производственного отдела.",
     "Природа Дальнего Востока, Вологодчины и, конечно, Башкирии, ставшей для автора второй "
     "родиной, вдохновляет Н. Алексееву на создание прекрасных полотен."],
    ["For many years Natalia Radieana Alekseeva worked at the plant SK as a production "
     "department manager.",
     "Nature of the Far East, Vologodchina and, of course, Bashkiria, which became the author’s "
     "second homeland, inspires N. Alekseev to create beautiful paintings."])
# em1-2, NLLB_Greedy, segments 0, 2: Насти (genitive of Настя) as the English word Nasty
NASTYA = (
    ["СЮЖЕТ: Больше всего на свете агента по продаже футбольных звезд волнует судьба его "
     "несовершеннолетней дочери Насти.",
     "Каково же разочарование бизнесмена, когда Настя в борьбе за независимость и в пику отцу "
     "выбирает его сверстника и делового партнера."],
    ["SUMMARY: The biggest concern of a football salesman is his teenage daughter, Nasty.",
     "What a disappointment for a businessman when Nastya, in the struggle for independence and "
     "in the peak of her father, chooses his peer and business partner."])
# 34, GPT4-5shot, segments 0, 1: Olga for Оля beside Olya for Олей: a name English text knows
# (Olga is Ольга's), not a misspelling of Olya
OLYA = (
    ["С Олей знакомы более 3 лет, пользуемся услугами регулярно.",
     "За это время видели, как Оля развивается в любимом деле, постоянно обучается новому."],
    ["We have known Olya for over 3 years and use her services regularly.",
     "During this time, we have seen how Olga develops in her favorite business, constantly "
     "learning new things."])


# rfi-russian.5562, ONLINE-M, segments 1, 8: the hyphenated Маргара-Алиджан shows the -а is
# Margara's nominative, so мост Маргара's Margar is no nominative of it
MARGARA = (
    ["Пограничный пункт Маргара-Алиджан на границе Турции и Армении открыли впервые за три "
     "десятка лет для доставки гуманитарной помощи пострадавшим от землетрясения.",
     "Как передает Public Radio of Armenia, в последний раз автомобиль пересекал мост Маргара 30 "
     "лет назад, в 1993 году."],
    ["The Margara-Alyijan border crossing point on the Turkish-Armenian border was opened for "
     "the first time in three decades for the delivery of humanitarian aid to earthquake "
     "victims.",
     "According to Public Radio of Armenia, the last time a car crossed the Margar Bridge was 30 "
     "years ago, in 1993."])
# voa-voanews-uk.16113, ONLINE-G, segments 17, 19: Ілана Шора (a man's genitive, coordinated
# with Володимира) is Ilan Shor, so партією Шора is Shor's party, not Shora's
SHOR = (
    ["Президент додав, що план буде \"покладатися на кілька внутрішніх сил, але особливо на "
     "злочинні групи\", і продовжив імена двох молдовських олігархів, Ілана Шора та Володимира "
     "Плахотнюка, обидва з яких зараз перебувають у вигнанні.",
     "Минулої осені серія масових антиурядових протестів, організованих популістською, дружньою "
     "до Росії партією Шора, також сколихнула Молдову в умовах енергетичної кризи."],
    ["The president added that the plan will \"rely on several internal forces, but especially "
     "criminal groups,\" and continued the names of two Moldovan oligarchs, Ilan Shor and "
     "Vladimir Plahotniuc, both of whom are now in exile.",
     "Last fall, a series of massive anti-government protests organized by the populist, "
     "Russian-friendly Shora party also rocked Moldova in the midst of an energy crisis."])


# em1-6, ONLINE-M, segments 16, 17: Нади, a woman's given name in the genitive, copied (Nadi;
# also a town in Fiji) where the next paragraph writes Nadia
NADYA = (
    ["Вместо актрисы Елены Плаксиной роль столичной невесты Нади исполнит Милла Иовович.",
     "В качестве дополнительной интриги появится третий — бывший жених Нади Даня (Иван Ургант)."],
    ["Instead of actress Elena Plaksina the role of the capital bride Nadi will be played by "
     "Milla Jovovic.",
     "As an additional intrigue will appear a third - ex-fiancé of Nadia Danya (Ivan Urgant)."])


def test_a_womans_given_name_in_an_oblique_case_is_her_name():
    assert flagged(*NADYA)["Nadi"] == "Nadia"


def test_a_hyphenated_name_settles_the_nominative():
    assert flagged(*MARGARA) == {"Margar": "Margara"}
    # the bridge alone: Маргара may be a genitive of a Маргар there
    assert flagged(MARGARA[0][1:], MARGARA[1][1:]) == {}


def test_a_mans_given_name_settles_the_surnames_case_in_every_paragraph():
    assert flagged(*SHOR, lang="uk")["Shora"] == "Shor"
    assert "Shora" not in flagged(SHOR[0][1:], SHOR[1][1:], lang="uk")


def article_of(sources, targets, lang="ru"):
    article = Article("\n".join(targets) + "\n", source_lang=lang)
    text = "\n".join(sources) + "\n"
    found, why = detect(text, lang)
    article.source = SourceDoc("<source>", text, found, why)
    return article


def flagged(sources, targets, lang="ru"):
    """{target word: suggestion} of source-name on the article."""
    article = article_of(sources, targets, lang)
    ctx = AuditContext(AuditOptions(select=["source-name"]))
    text = article.text
    return {text[f.start:f.end]: (f.suggestions[0] if f.suggestions else None)
            for f in RULE.check(article, ctx)}


@pytest.mark.parametrize("sources, targets, expected", [
    (*MAKHACHEV, {"Mahachev": "Makhachev"}),
    (*ALEKSEEVA, {"Alekseev": "Alekseeva"}),
    (*NASTYA, {"Nasty": "Nastya"}),
])
def test_a_second_spelling_is_flagged_with_the_articles_expected_form(sources, targets,
                                                                      expected):
    assert flagged(sources, targets) == expected


def test_the_message_names_the_evidence():
    article = article_of(*MAKHACHEV)
    ctx = AuditContext(AuditOptions(select=["source-name"]))
    (finding,) = RULE.check(article, ctx)
    assert "as this article writes it elsewhere for Махачев" in finding.message


@pytest.mark.parametrize("sources, targets", [
    # the headline alone: no spelling of the article to go by
    (MAKHACHEV[0][:1], MAKHACHEV[1][:1]),
    (ALEKSEEVA[0][1:], ALEKSEEVA[1][1:]),
    (*OLYA,),
])
def test_left_alone(sources, targets):
    assert flagged(sources, targets) == {}


@pytest.mark.parametrize("sources, targets, expected", [
    (*MAKHACHEV, {"Mahachev": "Makhachev"}),
    (*NASTYA, {"Nasty": "Nastya"}),
])
def test_the_fix_removes_its_own_finding(sources, targets, expected):
    (word, fix), = expected.items()
    fixed = [re.sub(rf"\b{word}\b", fix, t) for t in targets]
    assert flagged(sources, fixed) == {}


def test_one_finding_per_word_with_the_target_only_rule():
    """The target-only name-inconsistent rule may flag the same word (Mahachev beside
    Makhachev): the finish step folds the two into one finding, source-name leading."""
    article = article_of(*MAKHACHEV)
    ctx = AuditContext(AuditOptions(select=["source-name", "name-inconsistent"]))
    (found,) = audit_articles([article], ctx)
    on_word = [f for f in found if article.text[f.start:f.end] == "Mahachev"]
    assert len(on_word) == 1 and on_word[0].rule == "source-name"
