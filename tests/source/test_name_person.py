"""East Slavic persons (mtqa/source/name_person.py) on real WMT23 lines: the person's name
loses the foreign-spelling and English-equivalent excuses of source-name; foreign people
transcribed into Cyrillic keep their own spelling."""
import pytest

from mtqa.source.name_person import People, given_nominative

from _source_pairs import source_name_findings

def flagged(source, target, lang):
    """{target word: suggestion} of source-name on a source/target pair (paragraphs by line)."""
    return {target[f.start:f.end]: (f.suggestions[0] if f.suggestions else None)
            for f in source_name_findings(source, target, lang)}


GERMANIKA_SRC = ("Валерия Гай Германика, заслужившая Особого упоминания каннского жюри в 2008 году "
                 "за картину «Все умрут, а я останусь» и снявшая скандальный телесериал «Школа», "
                 "получила должность креативного директора на телеканале МТ.\n"
                 "Руководство канала считает, что именно Валерии удастся принести желаемые и "
                 "необходимые перемены.")


@pytest.mark.parametrize("source, target, lang, expected", [
    # em1-6, NLLB_Greedy 9-10: a given name only the former USSR uses (Валерия) makes the
    # person Russian; her surname keeps c for к no romanisation writes, her given name alone
    # later gets its English equivalent
    (GERMANIKA_SRC,
     "Valeria Guy Germanica, who won the Special Mention of the Cannes Jury in 2008 for her "
     "film \"Everyone will die, but I will stay\" and who filmed the scandalous TV series "
     "\"School\", was appointed creative director at the MTV television channel.\n"
     "The channel believes that Valerie will bring the desired and necessary changes.",
     "ru", {"Germanica": "Germanika", "Valerie": "Valeria"}),
    # versia.ru.35861, NLLB_Greedy 3: a formed surname (-ец) beside an East Slavic given name
    ("Об этом сообщает \"Лента.ру\" со ссылкой на профессора СПбГУ Виктора Хейфеца, главреда "
     "журнала \"Латинская Америка\".",
     "This is reported by \"Lenta.ru\" with reference to SPbSU professor Victor Heifetz, "
     "editor-in-chief of the magazine \"Latin America\".",
     "ru", {"Victor": "Viktor", "Heifetz": "Kheyfets"}),
    # em2-0, NLLB_Greedy 30: h for х and an accent in a Russian's -ин surname
    ("РВ-менеджер Влад Потехин", "The manager of the company, Vlad Potehín.", "ru",
     {"Potehín": "Potekhin"}),
    # em2-0, NLLB_MBR_BLEU 39 (shortened): a given name translated as the noun it is; j for
    # the ю of a Ukrainian-only suffix (-юк) after a given name of any country
    ("Над номером работали: Лариса Мезенова, Любовь Митина, Иан Нейтан, Серафима Скибюк, "
     "Иан Фрир.",
     "Worked on the issue: Larisa Mezenova, Love Mitina, Ian Neytan, Seraphim Skibjuk, "
     "Ian Frri.", "ru", {"Love": "Lyubov", "Skibjuk": "Skibyuk"}),
    # 37, ONLINE-M 1 and 7: surname first (Кузнецовой Натальи), the given name alone later
    ("Очень довольна услугами косметолога Кузнецовой Натальи, хожу только к ней.\n"
     "Спасибо Наталье!!!",
     "Very satisfied with the services of the beautician Natalia Kuznetsova, I go only to "
     "her.\nThank you Natalie!!!", "ru", {"Natalie": "Natalya"}),
    # 3_dup_dup, Lan-BridgeMT 1: a patronymic makes the bearer Ukrainian; its misspelling is
    # compared although no Russian-style rendering explains it
    ("стягувати з Павленко Юрія Ярославовича на користь Симоненко Вікторії Микитівни "
     "аліменти на утримання неповнолітньої дитини дочки Зої",
     "to charge Yuriy Yaroslavovych Pavlenko in favor of Victoria Mykitivna Symonenko child "
     "support for the maintenance of Zoe's daughter's minor child", "uk",
     {"Mykitivna": "Mykytivna"}),
])
def test_east_slavic_person_flags(source, target, lang, expected):
    found = flagged(source, target, lang)
    assert {w: found.get(w) for w in expected} == expected


@pytest.mark.parametrize("source, target, lang", [
    # em1-5, ONLINE-A 36: Натали is the given name Natali, not a case of Наталя
    ("Предложения от него уже поступили Тому Хэнксу, Халле Берри, Джеймсу МакЭвою, Иэну "
     "МакКелену и Натали Портман.",
     "Tom Hanks, Halle Berry, James McAvoy, Ian McKellen and Natalie Portman have already "
     "received offers from him.", "ru"),
    # sovsport.ru.50088 3: a foreign given name beside -ев (the Canadian Brandon Tanev)
    ("Гости ответили точными бросками Оливера Бьоркстранда, Джареда Маккена в большинстве и "
     "Брэндона Танева.",
     "The visitors responded with accurate shots from Oliver Bjorkstrand, Jared McKenna on the "
     "power play and Brandon Tanev.", "ru"),
    # sovsport.ru.50088 2: foreign players transcribed (Vincent Trocheck, Jacob Trouba)
    ("Встреча завершилась со счетом 6:3 в пользу хозяев, в составе которых отличились "
     "Владимир Тарасенко, Винсент Трочек, Джейкоб Труба.",
     "The match ended 6:3 to the hosts, with goals from Vladimir Tarasenko, Vincent Trocheck, "
     "Jacob Trouba.", "ru"),
    # em1-6 5: a formed-looking surname first (Джина) needs an East Slavic given name after it
    ("Дженнифер Коннели («Игры разума»), Джина Дэвис («Случайный турист»).",
     "Jennifer Connelly (\"Mind Games\"), Geena Davis (\"The Accidental Tourist\").", "ru"),
    # em2-0 ref 24: a real given name standing for a Russian German's surname
    ("Дизайнер Евгений Фридгельм", "Designer Evgeny Friedhelm", "ru"),
    # voa-voanews-uk.16113 17: a Moldovan in a source about Moldova keeps the Romanian
    # spelling of his name
    ("Президент додав, що план буде \"покладатися на кілька внутрішніх сил, але особливо на "
     "злочинні групи\", і продовжив імена двох молдовських олігархів, Ілана Шора та Володимира "
     "Плахотнюка, обидва з яких зараз перебувають у вигнанні.",
     "The president added that the plan would \"rely on several internal forces, but "
     "especially criminal groups,\" and continued the names of two Moldovan oligarchs, Ilan "
     "Shor and Vladimir Plahotniuc, both of whom are now in exile.", "uk"),
    # voa-voanews-uk.16038 14: Karen Attiah, transcribed into Ukrainian
    ("Раніше Каррен Аттіа, дописувачка видання The Washington Post закликала адміністрацію США "
     "поділитись зі світом \"рецептом\" вакцини Moderna.",
     "Earlier, Karen Attiah, a contributor to The Washington Post, called on the US "
     "administration to share with the world a \"prescription\" for the Moderna vaccine.",
     "uk"),
    # a foreigner's name that shares a Russian given name (Виктор Гюго)
    ("Это написал Виктор Гюго.", "Victor Hugo wrote it.", "ru"),
])
def test_foreign_people_keep_their_spelling(source, target, lang):
    assert flagged(source, target, lang) == {}


def test_people_roles_and_given_nominatives():
    text = GERMANIKA_SRC + "\nТакже Германика начала кастинг новых ведущих. Виктор Гюго."
    people = People(text, "ru")
    at = text.index
    assert people.role(at("Валерия"), "Валерия") == "given"
    assert people.role(at("Гай"), "Гай") == "surname"
    # the surname alone in another sentence, after a capitalised sentence start
    assert people.role(at("Германика начала"), "Германика") == "surname"
    assert people.role(at("Валерии"), "Валерии") == "given"
    assert people.role(at("Гюго"), "Гюго") is None
    assert given_nominative("Валерии", "ru") == "Valeriya"
    assert given_nominative("Натальи", "ru") == "Natalya"
    assert given_nominative("Виктора", "ru") == "Viktor"
    assert given_nominative("Натали", "ru") == ""  # Natali, or a case of Наталя: undecided
