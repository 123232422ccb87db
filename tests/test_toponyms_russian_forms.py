"""Russian regions named by their adjective ("Курской области"), foreign regions after an
appositive ("Azov, a port town in Rostov region"), Russian prepositional and Ukrainian
locative forms of multi-word and renamed towns' names, raions named after towns whose name
ends in a vowel, sentence-initial words and surnames that are no hamlets, genitives of
names in -ка.

Expected ids are GeoNames ids checked against the shipped gazetteer (coordinates beside
each); the probe sentences are written for these tests."""

from __future__ import annotations

import pytest

from geo.models import MentionKind
from geo.reports import Reader

#: Kursk (51.73, 36.18), Belgorod (50.60, 36.58), Bryansk (53.27, 34.32): Russian regional
#: capitals. Glushkovo, Kursk oblast (51.34, 34.64); Suzemka, Bryansk oblast (52.32, 34.08).
KURSK, BELGOROD, BRYANSK = 538560, 578072, 571476
GLUSHKOVO_RU, SUZEMKA_RU = 560995, 485817
#: Azov (47.11, 39.41) and Taganrog (47.24, 38.91), Rostov oblast, Russia.
AZOV_RU, TAGANROG = 580054, 484907
#: Lyman, once Krasnyi Lyman (48.99, 37.81); Velyka Novosilka (47.84, 36.84); Nova Kakhovka
#: (46.76, 33.36); Toretsk, once Dzerzhinsk (48.39, 37.85); Bakhmut, once Artemovsk (48.59,
#: 38.00); Kamianske, once Kamenskoye and Dniprodzerzhynsk (48.52, 34.61).
LYMAN, VELYKA_NOVOSILKA, NOVA_KAKHOVKA = 704204, 690237, 699839
TORETSK, BAKHMUT, KAMIANSKE = 709354, 713174, 709932
#: Sumskyi, Odeskyi, Romenskyi raions (GeoNames admin2 codes).
SUMSKYI, ODESKYI, ROMENSKYI = "5908", "5110", "5906"
#: Kamianka, Pokrovsk raion, Donetsk oblast (48.17, 37.79), next to Avdiivka.
KAMIANKA_AVDIIVKA = 9113202
#: Budaniv, Ternopil oblast (49.16, 25.71), "Budanov" among its aliases.
BUDANIV = 711327


@pytest.fixture(scope="module")
def reader(gazetteer):
    return Reader(gazetteer)


def mention(reader, text, surface):
    return next((m for m in reader.analyse(text).mentions if m.text == surface), None)


@pytest.mark.parametrize(("text", "surface", "expected"), [
    ("Вчера беспилотники атаковали село Теткино Курской области.", "Курской", KURSK),
    ("Губернатор Курской области сообщил об обстреле.", "Курской", KURSK),
    ("В Белгородской области сбиты три беспилотника.", "Белгородской", BELGOROD),
    ("У Бєлгородській області оголошено ракетну небезпеку.", "Бєлгородській", BELGOROD),
    ("Дрон ударил по селу Суземка Брянской обл., сообщил губернатор.", "Брянской", BRYANSK),
    ("Обстрелу подверглось село Глушково Курской области.", "Глушково", GLUSHKOVO_RU),
    ("Ворог обстріляв прикордонне село Глушково Курської області.", "Глушково",
     GLUSHKOVO_RU),
    ("Дрон ударил по селу Суземка Брянской обл., сообщил губернатор.", "Суземка", SUZEMKA_RU),
])
def test_russian_region_adjective(reader, text, surface, expected):
    """A Russian region named by its adjective is that region's capital, as "Kursk region"
    is, never a Ukrainian or Crimean village (Kurskoye); a village named with it lies there."""
    found = mention(reader, text, surface)
    assert found is not None and found.place is not None
    assert found.place.id == expected


@pytest.mark.parametrize(("text", "surface", "expected"), [
    ("Azov, a port town in Rostov region, was attacked by drones.", "Azov", AZOV_RU),
    ("Drones struck Azov, a small port city in the Rostov region of Russia.", "Azov", AZOV_RU),
    ("Strikes were reported on Azov in the Rostov region overnight.", "Azov", AZOV_RU),
    ("A fire broke out in Taganrog, a city in Rostov region, after the attack.", "Taganrog",
     TAGANROG),
])
def test_place_in_foreign_region_after_appositive(reader, text, surface, expected):
    found = mention(reader, text, surface)
    assert found.place is not None and found.place.id == expected
    assert found.place.country_code == "RU"


@pytest.mark.parametrize(("text", "surface", "expected"), [
    ("Бои идут в Красном Лимане и вокруг него.", "Красном Лимане", LYMAN),
    ("Бої тривають у Красному Лимані.", "Красному Лимані", LYMAN),
    ("Обстрел в Большой Новоселке не прекращается.", "Большой Новоселке", VELYKA_NOVOSILKA),
    ("Ситуация в Новой Каховке остается сложной.", "Новой Каховке", NOVA_KAKHOVKA),
    ("Взрывы прогремели в Дзержинске этой ночью.", "Дзержинске", TORETSK),
    ("Обстрел в Горловке и в Дзержинске.", "Дзержинске", TORETSK),
    ("Как сообщают, в Артемовске продолжаются бои.", "Артемовске", BAKHMUT),
    ("Предприятие в Каменском остановлено после удара.", "Каменском", KAMIANSKE),
])
def test_prepositional_and_locative_forms(reader, text, surface, expected):
    """One mention for a multi-word name in the prepositional or locative; a renamed town's
    former name in the locative is the town, as in the nominative."""
    found = mention(reader, text, surface)
    assert found is not None and found.place is not None
    assert found.place.id == expected


@pytest.mark.parametrize(("text", "surface", "code"), [
    ("Russian strikes hit the Sumy district overnight.", "Sumy", SUMSKYI),
    ("Shelling was reported in Sumy raion and Nikopol raion.", "Sumy", SUMSKYI),
    ("Two people were injured in Odesa district.", "Odesa", ODESKYI),
    ("Romny district and Konotop raion were shelled.", "Romny", ROMENSKYI),
    ("Shelling hit the Sumy, Okhtyrka and Shostka districts.", "Sumy", SUMSKYI),
    ("Odesa and Izmail raions were under air raid alert.", "Odesa", ODESKYI),
])
def test_raion_named_after_town_in_vowel(reader, text, surface, code):
    found = mention(reader, text, surface)
    assert found is not None and found.kind is MentionKind.RAION
    assert found.admin_code == code


@pytest.mark.parametrize(("text", "surface"), [
    ("Бойові дії тривали біля Покровська.", "Бойові"),
    ("Кілька сіл у Харківській області обстріляли.", "Кілька"),
    ("Боевые действия продолжаются под Купянском.", "Боевые"),
    ("Zelensky met Yermak and Budanov in Kyiv.", "Budanov"),
    ("Budanov and Yermak flew to Istanbul for talks.", "Budanov"),
    ("The president thanked Syrskyi, Yermak and Budanov.", "Budanov"),
])
def test_words_and_surnames_are_no_hamlets(reader, text, surface):
    assert mention(reader, text, surface) is None


def test_village_listed_with_places_is_kept(reader):
    found = mention(reader, "Shelling hit Kupiansk and Budaniv overnight.", "Budaniv")
    assert found is not None and found.place.id == BUDANIV


def test_case_form_of_peopled_village_first_in_sentence_is_kept(reader):
    found = mention(reader, "Андріївку звільнили, повідомили в штабі.", "Андріївку")
    assert found is not None and found.kind is MentionKind.SETTLEMENT


def test_genitive_of_name_in_ka(reader):
    """"Кам'янки" is Кам'янка's genitive, though two empty hamlets are called Kamyanki."""
    found = mention(reader, "Бої біля Кам'янки в Донецькій області. Авдіївка під обстрілом.",
                    "Кам'янки")
    assert found.place.id == KAMIANKA_AVDIIVKA


#: Kostiantynivka, Kramatorsk raion, Donetsk oblast (48.53, 37.71), 67,350 people; the
#: Russian spelling Konstantinovka is among its aliases, and a Crimean village of 1,354
#: (6982946) bears it as its own name.
KOSTIANTYNIVKA = 705104
#: Andriyivka, Kramatorsk raion (48.62, 37.29), which bears the name, not Sukhanivka (713440),
#: once Andriivka.
ANDRIYIVKA_DONETSK = 713445


@pytest.mark.parametrize(("text", "surface", "expected"), [
    ("Бои за Константиновку не утихают.", "Константиновку", KOSTIANTYNIVKA),
    ("Константиновка снова под обстрелом.", "Константиновка", KOSTIANTYNIVKA),
    ("Russian forces shelled Konstantinovka and Druzhkovka overnight.", "Konstantinovka",
     KOSTIANTYNIVKA),
    ("Минобороны России заявило об освобождении села Андреевка в Донецкой области.",
     "Андреевка", ANDRIYIVKA_DONETSK),
])
def test_russian_spelling_of_own_name(reader, text, surface, expected):
    """The Russian spelling of a town's own name is its name, as its own spelling is; a
    former name (an alias unlike the own name) is not."""
    assert mention(reader, text, surface).place.id == expected
