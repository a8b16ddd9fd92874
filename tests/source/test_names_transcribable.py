"""Session 5: which spellings of a Russian name a scheme or a foreign original can give."""
import pytest

from mtqa.source.names import expected_forms, transcribable


@pytest.mark.parametrize("source, target, possible", [
    ("Трочек", "Trocheck", True),        # an original's ck for к
    ("Волкановски", "Volkanowski", True),  # w for в
    ("Дженнифер", "Jennifer", True),     # j for дж
    ("Иовович", "Jovovic", True),        # Serbian -ić written -ic
    ("Грановщина", "Granovščina", True),  # scholarly šč
    ("Нахида", "Nahida", True),          # h for х
    ("Потехин", "Pothekin", False),      # k is no х
    ("Кинотавр", "Cinotaur", False),     # u is no в
    ("Грановщина", "Granovshia", False),  # щ dropped
    ("Кондееску", "Condescu", False),    # an е dropped
])
def test_transcribable(source, target, possible):
    assert transcribable(target, expected_forms(source, "ru").forms) is possible


@pytest.mark.parametrize("text, expected", [
    ("Анна Кикина", ("Кикина", "Кикин")),        # a feminine given name: the woman
    ("Георгия Полина", ("Полин", "Полина")),     # a masculine genitive given name
    ("Павлом Бардиным", ("Бардин", "Бардина")),  # -ым is masculine
    ("с Петровой", ("Петрова", "Петров")),       # -ой is feminine
    ("о Петрове", ("Петров", "Петрова")),        # -ове is masculine
    ("Александра Суздалева", None),             # both readings: nothing settled
    ("дом Петрова", None),                      # no given name
    ("к Марине", None),                         # -ине: a feminine noun's dative
])
def test_surname_gender(text, expected):
    from mtqa.source.names import surname_gender

    start = text.index(" ") + 1
    assert surname_gender(text, start, len(text), "ru") == expected


@pytest.mark.parametrize("text, russian", [
    ("Виктора Катанаева", True),       # a Russian surname follows
    ("Юлия Лемешевская", True),
    ("Клавдии Федоровне", True),       # a patronymic follows
    ("Виктор Гюго", False),            # a foreigner
    ("Виктор сказал", False),          # no surname
])
def test_russian_person_given_name(text, russian):
    from mtqa.source.names import russian_person_given_name

    assert russian_person_given_name(text, 0, text.index(" "), "ru") is russian


@pytest.mark.parametrize("word, nominatives", [
    ("Ленте", ("Лент", "Лента")),     # context unknown: prepositional or dative
    ("Кинотавре", ("Кинотавр", "Кинотавра")),
    ("Заботы", ("Забота",)),           # genitive of a name in -а
    ("Локомотивом", ("Локомотив",)),   # instrumental
    ("Поле", ()),                      # л before е: a nominative
    ("Солнце", ()),                    # ц before е: a nominative
    ("Уоц’те", ()),                    # no Russian word
])
def test_declined_quoted_nominatives(word, nominatives):
    from mtqa.source.names import declined_quoted_nominatives

    assert declined_quoted_nominatives(word, "ru") == nominatives


@pytest.mark.parametrize("word, before, document, nominatives", [
    ("Ленте", "комментарии", "", ("Лента",)),     # no preposition: a dative, feminine only
    ("Ленте", "", "", ("Лента",)),                # the paragraph opens with it: a dative
    ("Ленте", "в", "", ("Лент", "Лента")),        # prepositional: either gender
    ("Ленте", "в", "ленты", ("Лента",)),          # the article's -ы: feminine
    ("Кинотавре", "на", "кинотавром", ("Кинотавр",)),  # the article's -ом: masculine
    ("Кинотавре", "на", "кинотавра", ("Кинотавр", "Кинотавра")),  # -а settles nothing
    ("Заботы", "в", "", ("Забота",)),             # -ы is feminine whatever the context
])
def test_declined_quoted_nominatives_in_context(word, before, document, nominatives):
    from mtqa.source.names import declined_quoted_nominatives

    words = set(document.split())
    assert declined_quoted_nominatives(word, "ru", before, words) == nominatives


@pytest.mark.parametrize("word, patronymic, russian", [
    ("Іванівна", True, "Ivanovna"),     # -івна: Russian -овна
    ("Сергіївни", True, "Sergeyevna"),  # -іївна: Russian -еевна (genitive; BGN ye)
    ("Іванович", True, "Ivanovich"),    # masculine: spelled alike, romanised apart
    ("Іваненко", False, None),
    ("Калинівна", True, "Kalinovna"),
])
def test_ukrainian_patronymic_has_its_russian_form(word, patronymic, russian):
    # session 5 (source6): Ivanovna for Іванівна is a Russian-style rendering
    from mtqa.source.names import expected_forms, ukrainian_patronymic

    assert ukrainian_patronymic(word) is patronymic
    if russian:
        assert russian in expected_forms(word, "uk").russian_style
