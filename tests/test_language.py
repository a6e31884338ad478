"""Language: the per-language rules, script detection, and the reader using them."""

from __future__ import annotations

import re

import pytest

from seedsite import language
from seedsite.read import read_article
from seedsite.text import sentences

RU_NEWS = """Экспорт молочной продукции
Минск, 2 декабря. Белорусские производители молока подвели итоги сезона. Экспорт вырос на 12 процентов.
Спрос растёт. Покупатели в России и Казахстане заказывают больше сыров. Заводы работают в три смены.
Новые рынки. Переговоры с партнёрами из Африки идут с весны. Первые поставки намечены на март.
Цены и качество. Стоимость литра молока осталась прежней. Лаборатории проверяют каждую партию.
"""


def read(text: str, site: str = "en"):
    return read_article(text.encode("utf-8"), "news/x.txt", site)


@pytest.mark.parametrize(
    ("text", "site", "expected"),
    [
        ("Президент провёл совещание с руководством правительства.", "en", "ru"),
        ("Прэзідэнт Беларусі правёў нараду з кіраўніцтвам урада і адзначыў поспехі.", "en", "be"),
        ("Президент України провів нараду з урядом і зазначив, що їхні плани є реальними.", "en", "uk"),
        ("The President held a meeting with the government.", "ru", "en"),
        ("Le président a tenu une réunion avec le gouvernement.", "fr", "fr"),
        ("Президент провёл совещание. Рядом стоял Віктар Шостак.", "en", "ru"),  # a Belarusian name in Russian
        ("2026 — 12 % …", "ru", "ru"),  # no letters: the site's
        ("東京で会議が開かれた。", "en", "en"),  # another script: the site's
    ],
)
def test_detect_by_script(text, site, expected):
    assert language.detect(text, site) == expected


def test_get_known_regional_and_unknown_codes():
    assert language.get("ru") is language.RUSSIAN
    assert language.get("en-GB") is language.ENGLISH
    assert language.get("pt_BR").code == "pt_br" and language.get("pt_BR").stem("cidades") == "cidad"
    bare = language.get("ja")
    assert bare.code == "ja" and not bare.openers and bare.stem("Word") == "word"


def test_stems_join_inflections():
    ru = language.get("ru")
    assert ru.stem("статьи") == ru.stem("статей") == ru.stem("Статья")
    assert ru.stem("государства") == ru.stem("государство")
    assert language.get("en").stem("articles") == language.get("en").stem("article")
    assert language.get("be").stem("Артыкулы") == "артыкулы"  # no Belarusian stemmer: lower case only


@pytest.mark.parametrize("word", ["растёт", "вырос", "развивается", "отметили", "заявила", "подписали", "идут"])
def test_russian_verb_forms(word):
    assert language.get("ru").is_verb(word)


@pytest.mark.parametrize("word", ["экономика", "дружественная", "рынки", "цены", "качество", "спрос", "транзит",
                                  "бюджет", "гастроли", "результат"])
def test_russian_non_verbs(word):
    assert not language.get("ru").is_verb(word)


@pytest.mark.parametrize("code", sorted(language.LANGUAGES))
def test_listed_non_verbs_would_otherwise_pass_for_verbs(code):
    rules = language.get(code)
    assert all(re.fullmatch(rules.verb_endings, word) for word in rules.not_verbs)


def test_defining_cues_are_regular_expressions_per_language():
    ru = [re.compile(p) for p in language.get("ru").defining]
    en = [re.compile(p) for p in language.get("en").defining]
    assert any(p.search("Союзное государство — это объединение Беларуси и России.") for p in ru)
    assert any(p.search("Импортозамещение означает замену ввоза.") for p in ru)
    assert any(p.search("ВВП является главным показателем.") for p in ru)
    assert not any(p.search("Союзное государство отметило юбилей.") for p in ru)
    assert any(p.search("The Union State is a union of Belarus and Russia.") for p in en)
    assert any(p.search("GDP refers to the output of a country.") for p in en)


def test_stopwords_are_lower_case_words_of_the_language():
    assert {"и", "в", "это", "который"} <= language.get("ru").stopwords
    assert {"the", "and", "of"} <= language.get("en").stopwords
    assert all(w == w.lower() and " " not in w for lang in language.LANGUAGES.values() for w in lang.stopwords)


def test_cyrillic_sorts_in_dictionary_order():
    ru = language.get("ru")
    words = ["Яблоко", "ёлка", "Европа", "Абрикос", "Ель", "Жук"]
    assert sorted(words, key=ru.sort_key) == ["Абрикос", "Европа", "Ель", "ёлка", "Жук", "Яблоко"]
    assert ru.letter("ёлка") == "Ё" and ru.letter("2026 год") == "#"


def test_russian_abbreviations_do_not_end_sentences():
    text = "В 2026 г. Минск принял гостей. Делегация посетила ул. Ленина, т.е. центр. Итоги подведут позже."
    assert sentences(text) == [
        "В 2026 г. Минск принял гостей.", "Делегация посетила ул. Ленина, т.е. центр.", "Итоги подведут позже."
    ]


def test_russian_article_on_an_english_site_is_read_with_russian_rules():
    article = read(RU_NEWS, "en")
    assert article.lang == "ru"
    assert [s.heading for s in article.sections] == ["Новые рынки", "Цены и качество"]
    assert "Спрос растёт." in " ".join(article.paragraphs)  # a lead-in with a verb is a sentence in Russian


def test_a_lead_in_of_nouns_ending_like_verbs_is_a_heading():
    text = RU_NEWS.replace("Новые рынки.", "Логистика и транзит.")
    assert [s.heading for s in read(text, "ru").sections] == ["Логистика и транзит", "Цены и качество"]


RU_ESSAY = """Осень в деревне
Я приехал в деревню в конце сентября. Дом стоял пустой, и в комнатах пахло яблоками.
Первая неделя далась тяжело. Печь дымила, вода в колодце была ледяной. По вечерам я читал старые письма деда.
Вторая неделя прошла легче. Соседи приносили молоко и хлеб. Мы подолгу говорили о прошлом.
Потом пришли дожди. Дорога размокла, и автобус перестал ходить. Я остался до весны.
"""
RU_ENCYCLOPEDIA = """Гродно
Гродно — город на западе Беларуси, административный центр области. Население составляет около 360 тыс. чел.
Впервые город упоминается в летописи под 1127 г. В XIV веке он входил в Великое княжество Литовское. В 1795 г. отошёл к России.
Сегодня Гродно — промышленный и культурный центр. Здесь работают университет, театр и несколько музеев.
"""


@pytest.mark.parametrize("text", [RU_ESSAY, RU_ENCYCLOPEDIA], ids=["essay", "encyclopedia"])
def test_russian_essays_and_encyclopedia_articles_have_no_made_up_headings(text):
    article = read(text, "ru")
    assert article.sections == ()
    assert len(article.intro) == len(text.strip().split("\n")) - 1


def test_russian_pronoun_and_connective_openers_are_no_headings():
    text = RU_NEWS.replace("Новые рынки.", "Однако рынки.").replace("Цены и качество.", "Это важно.")
    article = read(text, "ru")
    assert article.sections == ()


def test_russian_standalone_line_ending_on_a_preposition_is_wrapped_text():
    text = ("Итоги года\nПредприятия отрасли работали весь год без остановок.\nЭкспорт продукции в\n"
            "Россию и Китай вырос, а поставки в Европу сократились.\n")
    article = read(text, "ru")
    assert article.sections == ()


def test_english_article_on_a_russian_site_keeps_english_rules():
    text = ("Strong focus\nThe visit was long and busy.\nThe Union State is in focus. Leaders met. They talked.\n"
            "A friendly economy. Trade grew. Prices held.\nNew markets. Africa is next. Deals were signed.\n")
    article = read(text, "ru")
    assert article.lang == "en"
    assert [s.heading for s in article.sections] == ["The Union State is in focus", "A friendly economy",
                                                     "New markets"]
