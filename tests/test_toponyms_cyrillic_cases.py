"""Russian and Ukrainian case forms of place names: nouns in a consonant, in -а/-я and in -о
("у Волчанска", "біля Суджі", "к Курахову"), names of two words that both inflect ("в районі
Часового Яру", "в Часовом Яре", "у Кривому Розі"), capitalised sentence-initial words before
them ("Обстріл Вовчанська"), and former names that a foreign city still bears ("у
Дзержинска": Toretsk in a report about the war, Dzerzhinsk near Nizhny Novgorod).

Expected ids are GeoNames ids checked against the shipped gazetteer (coordinates beside
each); the probe sentences are written for these tests."""

from __future__ import annotations

import pytest

from geo.reports import Reader

#: Sudzha, Kursk oblast, Russia (51.19, 35.27); Shebekino, Belgorod oblast (50.41, 36.93);
#: Staryy Oskol, Belgorod oblast (51.30, 37.85).
SUDZHA, SHEBEKINO, STARY_OSKOL = 486816, 495112, 487928
#: Vovchansk, Kharkiv oblast (50.29, 36.94); Velykyi Burluk, Kharkiv oblast (50.06, 37.38).
VOVCHANSK, VELYKYI_BURLUK = 689304, 690193
#: Chasiv Yar (48.59, 37.83), Lyman, once Krasnyi Lyman (48.99, 37.81), Kurakhove (47.99,
#: 37.28), Toretsk, once Dzerzhinsk (48.39, 37.85): Donetsk oblast.
CHASIV_YAR, LYMAN, KURAKHOVE, TORETSK = 710915, 704204, 695357, 709354
#: Kryvyi Rih, Dnipropetrovsk oblast (47.91, 33.39).
KRYVYI_RIH = 703845
#: Dzerzhinsk, Nizhny Novgorod oblast, Russia (56.24, 43.46).
DZERZHINSK_RU = 563708
#: Donetsk (48.02, 37.80), once Oleksandrivka, the own name of a hundred villages.
DONETSK = 709717
#: Mykolaiv, the oblast capital (46.98, 31.99), "Николаев" in Russian.
MYKOLAIV = 700569


@pytest.fixture(scope="module")
def reader(gazetteer):
    return Reader(gazetteer)


def mention(reader, text, surface):
    return next((m for m in reader.analyse(text).mentions if m.text == surface), None)


def place_id(reader, text, surface):
    found = mention(reader, text, surface)
    return None if found is None or found.place is None else found.place.id


@pytest.mark.parametrize(("text", "surface", "expected"), [
    ("Бои на окраинах Суджи продолжаются третьи сутки.", "Суджи", SUDZHA),
    ("Російська авіація завдала удару по околицях Суджі.", "Суджі", SUDZHA),
    ("ВСУ нанесли удар по Судже, сообщил губернатор.", "Судже", SUDZHA),
    ("Украинские военные вошли в Суджу, сообщают источники.", "Суджу", SUDZHA),
    ("Под Суджей продолжаются встречные бои.", "Суджей", SUDZHA),
    ("Бои у Волчанска не прекращаются с мая.", "Волчанска", VOVCHANSK),
    ("Окупанти обстріляли околиці Вовчанська з артилерії.", "Вовчанська", VOVCHANSK),
    ("Ситуація у Вовчанську залишається складною.", "Вовчанську", VOVCHANSK),
    ("Под Волчанском уничтожена группа диверсантов.", "Волчанском", VOVCHANSK),
    ("Российские войска взяли Угледар и продвигаются к Курахову.", "Курахову", KURAKHOVE),
    ("Противник обстрелял Белгород и Шебекина из РСЗО.", "Шебекина", SHEBEKINO),
])
def test_noun_case_forms(reader, text, surface, expected):
    """A name in a consonant, in -а or in -о, in the genitive, dative, accusative,
    instrumental or locative, is the place its nominative names."""
    assert place_id(reader, text, surface) == expected


@pytest.mark.parametrize(("text", "surface", "expected"), [
    ("Ворог штурмує позиції в районі Часового Яру.", "Часового Яру", CHASIV_YAR),
    ("Запеклі бої тривають у Часовому Яру, повідомив речник.", "Часовому Яру", CHASIV_YAR),
    ("Бои идут в районе Часова Яра, сообщили в Минобороны.", "Часова Яра", CHASIV_YAR),
    ("Российские подразделения закрепились в Часовом Яре.", "Часовом Яре", CHASIV_YAR),
    ("Под Часовым Яром уничтожены два танка, сообщили военные.", "Часовым Яром",
     CHASIV_YAR),
    ("Під Часовим Яром тривають запеклі бої.", "Часовим Яром", CHASIV_YAR),
    ("Подразделения продвинулись западнее Красного Лимана.", "Красного Лимана", LYMAN),
    ("Российские войска подошли к Красному Лиману с севера.", "Красному Лиману", LYMAN),
    ("Вибухи у Кривому Розі, повідомив голова міської ради.", "Кривому Розі", KRYVYI_RIH),
    ("Вибухи у Великому Бурлуці, повідомили місцеві мешканці.", "Великому Бурлуці",
     VELYKYI_BURLUK),
    ("Атака беспилотников на Старый Оскол отражена.", "Старый Оскол", STARY_OSKOL),
])
def test_both_words_of_a_name_inflect(reader, text, surface, expected):
    """One mention for a name of two words in a case form: a possessive adjective (Часів,
    Часов: "Часового", "Часова") and a noun ("Яру", "Яра", "Яре"), the Ukrainian locative
    that turns г and к into з and ц ("Розі", "Бурлуці"); a Russian name by its own name."""
    assert place_id(reader, text, surface) == expected


@pytest.mark.parametrize(("text", "surface", "expected"), [
    ("Вокруг Суджи продолжаются ожесточенные бои, сообщил корреспондент.", "Суджи", SUDZHA),
    ("Из Суджи вывезли более двух тысяч мирных жителей.", "Суджи", SUDZHA),
    ("Обстріл Вовчанська не припиняється, повідомила обласна адміністрація.", "Вовчанська",
     VOVCHANSK),
    ("Освобождение Волчанска станет важным шагом, заявил военный эксперт.", "Волчанска",
     VOVCHANSK),
])
def test_case_form_after_a_sentence_initial_word(reader, text, surface, expected):
    """Cyrillic capitalises a sentence's first word, a preposition or a noun: no longer name
    holds the case form after it."""
    assert place_id(reader, text, surface) == expected


@pytest.mark.parametrize(("text", "surface"), [
    ("Суджи больше нет, пишут военкоры.", "Суджи"),
    ("Суджу обстреляли ночью.", "Суджу"),
])
def test_case_form_of_a_border_town_first_in_its_sentence(reader, text, surface):
    """A case form of a town along the border is the town even as a sentence's first word,
    where other small foreign places are taken for capitalised words."""
    assert place_id(reader, text, surface) == SUDZHA


@pytest.mark.parametrize(("text", "surface"), [
    ("Радио Свобода сообщило об ударе по городу.", "Свобода"),
    ("Губернатор Гладков сообщил об обстреле Шебекина.", "Гладков"),
])
def test_proper_names_before_and_after_capitals_are_no_places(reader, text, surface):
    assert mention(reader, text, surface) is None


@pytest.mark.parametrize(("text", "surface"), [
    ("Об этом заявил президент Путин на совещании.", "Путин"),
    ("Он сообщил, что губернатор Гладков прибыл в Шебекино.", "Гладков"),
    ("Об этом сообщил речник Волошин на брифинге.", "Волошин"),
])
def test_surname_after_a_cyrillic_title_is_no_place(reader, text, surface):
    """A capitalised word after a Russian or Ukrainian title ("губернатор", "речник") is a
    surname, as after "governor" or "spokesman", not a hamlet of that name."""
    assert mention(reader, text, surface) is None


@pytest.mark.parametrize(("text", "surface", "expected"), [
    ("Бои у Дзержинска продолжаются, ВСУ отходят к Константиновке.", "Дзержинска", TORETSK),
    ("Штурмовые отряды продвинулись у Дзержинска и Горловки.", "Дзержинска", TORETSK),
    ("Армия России наступает на Дзержинск со стороны Горловки.", "Дзержинск", TORETSK),
    ("При обстреле Дзержинска Донецкой области пострадали двое жителей.", "Дзержинска",
     TORETSK),
    ("Беспилотники упали у Дзержинска под Нижним Новгородом, сообщил губернатор.",
     "Дзержинска", DZERZHINSK_RU),
    ("Губернатор Глеб Никитин посетил Дзержинск и Нижний Новгород.", "Дзержинск",
     DZERZHINSK_RU),
    ("Беспилотник атаковал предприятие в Дзержинске под Нижним Новгородом.", "Дзержинске",
     DZERZHINSK_RU),
])
def test_former_name_that_a_russian_city_bears(reader, text, surface, expected):
    """Dzerzhinsk is Toretsk's former name and a Russian city's own name: Toretsk beside
    the report's Ukrainian places, the Russian city beside its Russian ones."""
    assert place_id(reader, text, surface) == expected


@pytest.mark.parametrize(("text", "surface"), [
    ("Взрывы прогремели у Дзержинска ночью.", "Дзержинска"),
    ("Взрывы прогремели в Дзержинске ночью.", "Дзержинске"),
    ("Взрывы прогремели в городе Дзержинск ночью.", "Дзержинск"),
])
def test_former_name_alone_is_the_ukrainian_town_in_every_case(reader, text, surface):
    """With nothing else to go by, the nominative, genitive and locative agree: the
    Ukrainian town once so called, the war's meaning."""
    assert place_id(reader, text, surface) == TORETSK


@pytest.mark.parametrize(("text", "surface"), [
    ("Красный Лиман остается под контролем ВСУ, заявили в штабе.", "Красный Лиман"),
    ("Подразделения продвинулись западнее Красного Лимана.", "Красного Лимана"),
    ("В Красном Лимане прозвучали взрывы.", "Красном Лимане"),
])
def test_russian_name_of_a_town_in_every_case(reader, text, surface):
    """"Красный Лиман" is Lyman's Russian and former name, letter for letter, and no other
    place's (the hamlets Krasnyi Lyman only spell it in Latin): Lyman in every case."""
    assert place_id(reader, text, surface) == LYMAN


@pytest.mark.parametrize(("text", "surface"), [
    ("Беспилотники атаковали Кировоград и Николаев этой ночью.", "Николаев"),
    ("Ракетный удар по Николаеву повредил энергосистему.", "Николаеву"),
    ("В Николаеве прогремели взрывы, сообщили власти.", "Николаеве"),
])
def test_russian_name_of_a_city_not_a_hamlets_latin_name(reader, text, surface):
    """"Николаев" is Mykolaiv's Russian name letter for letter; a hamlet without people
    whose Latin name is Nikolayev does not outrank it, in any case."""
    assert place_id(reader, text, surface) == MYKOLAIV


def test_a_hundred_villages_name_is_no_city_in_cyrillic(reader):
    """Donetsk also has "Олександрівка" among its names, as a hundred villages do: the
    name is a village's."""
    found = mention(reader, "Ворог обстріляв Олександрівку вночі, повідомили в ОВА.",
                    "Олександрівку")
    assert found is not None and found.place is not None
    assert found.place.id != DONETSK and found.place.name == "Oleksandrivka"


@pytest.mark.parametrize("text", [
    "Встреча пройдёт в Турции.",  # not Turytsia
    "Дрон залетел в Польшу.",
    "Ракета пролетела над Молдовой.",  # not Moldove
    "Уламки впали в Румунії.",
    "Делегація прибула до Туреччини.",
])
def test_other_countries_in_cyrillic_cases_are_no_villages(reader, text):
    assert [m.text for m in reader.analyse(text).mentions] == []


#: Washington, D.C. (38.90 N, 77.04 W), 689,545 people; Geneva (46.20 N, 6.15 E), 201,741.
WASHINGTON_DC, GENEVA = 4140963, 2660646


@pytest.mark.parametrize(("text", "surface", "expected"), [
    ("Переговоры в Вашингтоне завершились.", "Вашингтоне", WASHINGTON_DC),
    ("Зустріч у Вашингтоні перенесли.", "Вашингтоні", WASHINGTON_DC),
    ("Делегация прибыла в Женеву.", "Женеву", GENEVA),  # not the village Zheniv
])
def test_foreign_cities_by_their_cyrillic_names(reader, text, surface, expected):
    assert mention(reader, text, surface).place.id == expected
