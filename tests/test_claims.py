"""Tests for geo.claims: distance, direction, border, front-line, river and region facts.

Every sentence here is written for the test. Mentions are built by hand from the shipped
gazetteer (GeoNames ids), with offsets computed from the test text, so the parser is tested
alone, without the toponym reader.
"""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo import claims as claims_module
from geo.claims import _Parser, direction_of, parse_claims, parse_number
from geo.geodesy import miles_to_km
from geo.models import Claim, ClaimKind, Mention, MentionKind, Status
from tests.sphere import haversine_km

KUPIANSK, KHARKIV, POKROVSK, VOZNESENKA = 703656, 706483, 704422, 9112507
TABAIVKA, SYNKIVKA, DONETSK, HORLIVKA, KHERSON = 691967, 693778, 709717, 707753, 706448


def spans_ok(text: str, claims: list[Claim]) -> bool:
    return all(c.text == text[c.start:c.end] and 0 <= c.start < c.end <= len(text)
               for c in claims)


def kinds(claims: list[Claim]) -> list[ClaimKind]:
    return [c.kind for c in claims]


# --------------------------------------------------------------------------------------------
# The founding example, reworded


def test_kupiansk_sentence_gives_four_claims_about_kupiansk(mk):
    text = ("Kupiansk, a rail hub on the Oskil River in the east of Ukraine's northern Kharkiv "
            "oblast, sits 120 kilometers (75 miles) east of Kharkiv city and 45 kilometers "
            "south of the Russian border.")
    kup = mk(text, "Kupiansk", KUPIANSK)
    oskil = mk(text, "Oskil", kind=MentionKind.RIVER)
    ukraine = mk(text, "Ukraine", kind=MentionKind.COUNTRY, code="UA")
    oblast = mk(text, "Kharkiv", kind=MentionKind.OBLAST, code="07")
    city = mk(text, "Kharkiv", KHARKIV, nth=1)
    claims = parse_claims(text, [kup, oskil, ukraine, oblast, city])

    assert kinds(claims) == [ClaimKind.RIVER, ClaimKind.REGION, ClaimKind.DISTANCE,
                             ClaimKind.BORDER_DISTANCE]
    assert all(c.subject is kup for c in claims)
    assert spans_ok(text, claims)
    river, region, distance, border = claims
    assert river.reference_feature == "the Oskil River" and river.reference is oskil
    assert region.reference is oblast
    assert region.text == "in the east of Ukraine's northern Kharkiv oblast"
    assert distance.reference is city
    assert distance.direction == "E" and distance.direction_deg == 90.0
    d = distance.distance
    assert (d.value, d.unit, d.low_km, d.high_km) == (120.0, "km", 120.0, 120.0)
    assert d.alt_value == 75.0 and d.alt_unit == "mi"
    assert d.alt_km == pytest.approx(miles_to_km(75)) == pytest.approx(120.7, abs=0.01)
    assert distance.text == "120 kilometers (75 miles) east of Kharkiv"
    assert border.reference_feature == "the Russian border" and border.reference is None
    assert border.direction == "S" and border.distance.km == 45.0


def test_voznesenka_south_of_pokrovsk_is_a_direction_claim(mk):
    text = ("Moscow announced that its troops had taken the village of Voznesenka, south of the "
            "besieged town of Pokrovsk.")
    vozn, pok = mk(text, "Voznesenka", VOZNESENKA), mk(text, "Pokrovsk", POKROVSK)
    [claim] = parse_claims(text, [vozn, pok])
    assert claim.kind == ClaimKind.DIRECTION
    assert claim.subject is vozn and claim.reference is pok
    assert (claim.direction, claim.direction_deg) == ("S", 180.0)
    assert claim.distance is None
    assert claim.text == "south of the besieged town of Pokrovsk"


# --------------------------------------------------------------------------------------------
# Subjects


def test_subject_is_the_nearest_place_before_the_claim(mk):
    text = "Soldiers reached Tabaivka, a hamlet roughly 20 kilometers southeast of Kupiansk."
    tab, kup = mk(text, "Tabaivka", TABAIVKA), mk(text, "Kupiansk", KUPIANSK)
    [claim] = parse_claims(text, [tab, kup])
    assert claim.subject is tab and claim.reference is kup
    assert claim.distance.hedge == "roughly" and claim.distance.km == 20.0
    assert claim.direction == "SE"


def test_anaphoric_sentence_takes_the_previous_subject(mk):
    text = "Pokrovsk is a mining town. It lies about 25 km north of Voznesenka."
    pok, vozn = mk(text, "Pokrovsk", POKROVSK), mk(text, "Voznesenka", VOZNESENKA)
    [claim] = parse_claims(text, [pok, vozn])
    assert claim.subject is pok and claim.reference is vozn
    assert "previous sentence" in claim.note


def test_second_reference_in_a_sentence_is_not_the_subject(mk):
    text = "The village of Tabaivka lies 20 km southeast of Kupiansk and 100 km east of Kharkiv."
    tab = mk(text, "Tabaivka", TABAIVKA)
    kup, kha = mk(text, "Kupiansk", KUPIANSK), mk(text, "Kharkiv", KHARKIV)
    claims = parse_claims(text, [tab, kup, kha])
    assert [c.reference for c in claims] == [kup, kha]
    assert all(c.subject is tab for c in claims)


def test_fronted_claim_takes_the_place_after_it(mk):
    text = "Lying nearly 90 km south of the Russian border, Horlivka is an industrial city."
    hor = mk(text, "Horlivka", HORLIVKA)
    [claim] = parse_claims(text, [hor])
    assert claim.kind == ClaimKind.BORDER_DISTANCE and claim.subject is hor
    assert claim.distance.hedge == "nearly"


def test_fronted_region_frames_the_place_after_it(mk):
    text = "Further south in Donetsk oblast, officials reported fighting near Voznesenka."
    oblast = mk(text, "Donetsk", kind=MentionKind.OBLAST, code="05")
    vozn = mk(text, "Voznesenka", VOZNESENKA)
    [claim] = parse_claims(text, [oblast, vozn])
    assert claim.kind == ClaimKind.REGION and claim.subject is vozn
    assert claim.reference is oblast and claim.text == "in Donetsk oblast"


def test_which_clause_hangs_on_the_place_before_it(mk):
    text = "Shelling hit Kupiansk, which is some 100 km east of Kharkiv, on Monday."
    kup, kha = mk(text, "Kupiansk", KUPIANSK), mk(text, "Kharkiv", KHARKIV)
    [claim] = parse_claims(text, [kup, kha])
    assert claim.subject is kup and claim.distance.hedge == "some"


def test_forces_distance_is_a_front_line_claim_about_the_place(mk):
    text = "By then Russian troops were 15 kilometers away from Kupiansk."
    kup = mk(text, "Kupiansk", KUPIANSK)
    [claim] = parse_claims(text, [kup])
    assert claim.kind == ClaimKind.FRONTLINE_DISTANCE
    assert claim.subject is kup and claim.reference is None
    assert claim.reference_feature == "the front line"


# --------------------------------------------------------------------------------------------
# Figures: numbers, words, ranges, hedges, units


@pytest.mark.parametrize(("phrase", "value", "low", "high", "hedge"), [
    ("twelve kilometers (seven miles) from", 12, 12, 12, ""),
    ("twenty-five km from", 25, 25, 25, ""),
    ("a hundred kilometres from", 100, 100, 100, ""),
    ("15-20 km from", 17.5, 15, 20, ""),
    ("15 to 20 km from", 17.5, 15, 20, ""),
    ("about 10 km from", 10, 10, 10, "about"),
    ("approximately 33 km from", 33, 33, 33, "approximately"),
    ("around 8 km from", 8, 8, 8, "around"),
    ("some 30 km from", 30, 30, 30, "some"),
    ("nearly 140 km from", 140, 140, 140, "nearly"),
    ("almost 60 km from", 60, 60, 60, "almost"),
    ("less than 10 kilometers from", 10, 0, 10, "less than"),
    ("up to 5 km from", 5, 0, 5, "up to"),
    ("more than 30 km from", 30, 30, math.inf, "more than"),
    ("over 40 km from", 40, 40, math.inf, "over"),
    ("25.4 kilometres from", 25.4, 25.4, 25.4, ""),
    ("25,4 kilometres from", 25.4, 25.4, 25.4, ""),
    ("1,20 km from", 1.2, 1.2, 1.2, ""),
    ("12,000 km from", 12000, 12000, 12000, ""),
    ("800 metres from", 800, 0.8, 0.8, ""),
])
def test_stated_figures(mk, phrase, value, low, high, hedge):
    text = f"Tabaivka lies {phrase} Kupiansk."
    [claim] = parse_claims(text, [mk(text, "Tabaivka", TABAIVKA), mk(text, "Kupiansk", KUPIANSK)])
    d = claim.distance
    assert d.value == pytest.approx(value)
    assert (d.low_km, d.high_km) == (pytest.approx(low), pytest.approx(high))
    assert d.hedge == hedge
    assert claim.text.endswith("Kupiansk")


def test_decimal_comma_and_thousands_comma_are_noted():
    assert parse_number("1,20") == (1.2, "'1,20' read with a decimal comma")
    assert parse_number("12,000")[0] == 12000
    assert parse_number("57,61")[0] == pytest.approx(57.61)
    assert parse_number("twelve") == (12.0, "")
    assert math.isnan(parse_number("umpteen")[0])


def test_miles_first_keeps_both_figures(mk):
    text = "Tabaivka is 12 miles (20 km) from Kupiansk."
    [claim] = parse_claims(text, [mk(text, "Tabaivka", TABAIVKA), mk(text, "Kupiansk", KUPIANSK)])
    d = claim.distance
    assert d.unit == "mi" and d.value == 12 and d.km == pytest.approx(miles_to_km(12))
    assert d.alt_unit == "km" and d.alt_km == 20


# --------------------------------------------------------------------------------------------
# Directions


@pytest.mark.parametrize(("phrase", "name", "bearing"), [
    ("30 km north-west of", "NW", 315.0),
    ("30 km northwest of", "NW", 315.0),
    ("30 km to the east of", "E", 90.0),
    ("25.4 kilometres (15.8 mi) north from the centre of", "N", 0.0),
    ("at 116 km SSE from the centre of", "SSE", 157.5),
    ("53.8 kilometres (33.4 mi) southwest by south (SWbS) of the centre of", "SWbS", 213.75),
    ("about 18.5 kilometres (11.5 mi) northeast by north from the centre of", "NEbN", 33.75),
    ("113.6 kilometres east-southeast from the center of", "ESE", 112.5),
    ("24 km SW from", "SW", 225.0),
])
def test_direction_phrases(mk, phrase, name, bearing):
    text = f"Tabaivka is {phrase} Kharkiv city."
    [claim] = parse_claims(text, [mk(text, "Tabaivka", TABAIVKA), mk(text, "Kharkiv", KHARKIV)])
    assert claim.kind == ClaimKind.DISTANCE
    assert (claim.direction, claim.direction_deg) == (name, bearing)


def test_bare_directions(mk):
    text = ("Troops left Tabaivka immediately west of Kupiansk. Synkivka lies northeast of the "
            "city of Kupiansk.")
    tab, syn = mk(text, "Tabaivka", TABAIVKA), mk(text, "Synkivka", SYNKIVKA)
    k1, k2 = mk(text, "Kupiansk", KUPIANSK), mk(text, "Kupiansk", KUPIANSK, nth=1)
    claims = parse_claims(text, [tab, k1, syn, k2])
    assert [(c.kind, c.subject, c.reference, c.direction) for c in claims] == [
        (ClaimKind.DIRECTION, tab, k1, "W"), (ClaimKind.DIRECTION, syn, k2, "NE")]


@pytest.mark.parametrize(("words", "name"), [
    ("east", "E"), ("north-west", "NW"), ("nordwestlich", "NW"), ("südsüdwestlich", "SSW"),
    ("östlich", "E"), ("nord-ouest", "NW"), ("sud-est", "SE"), ("noreste", "NE"),
    ("sur-suroeste", "SSW"), ("северо-восточнее", "NE"), ("южнее", "S"), ("юго-западу", "SW"),
    ("SSO", "SSW"), ("NbE", "NbE"), ("東北", "NE"), ("southwest by south", "SWbS"),
])
def test_direction_lexicon(words, name):
    assert direction_of(words)[0] == name


def test_area_parts_are_not_directions(mk):
    text = "Kupiansk is in the east of Ukraine and Russian troops attacked from the south."
    claims = parse_claims(text, [mk(text, "Kupiansk", KUPIANSK),
                                 mk(text, "Ukraine", kind=MentionKind.COUNTRY, code="UA")])
    assert claims == []


# --------------------------------------------------------------------------------------------
# Borders, front line, rivers, regions


@pytest.mark.parametrize(("phrase", "feature", "direction"), [
    ("45 kilometers south of the Russian border", "the Russian border", "S"),
    ("40 kilometers south of the border with the Russian Federation", "the Russian border", "S"),
    ("5 kilometres (three miles) from the Russian border", "the Russian border", ""),
    ("nearly 140 km south of the Russian border", "the Russian border", "S"),
    ("30 km from Russia's border", "the Russian border", ""),
    ("60 km east of the Belarusian border", "the Belarusian border", "E"),
    ("20 km from the border", "the border", ""),
])
def test_border_phrases(mk, phrase, feature, direction):
    text = f"Kupiansk lies {phrase}."
    [claim] = parse_claims(text, [mk(text, "Kupiansk", KUPIANSK)])
    assert claim.kind == ClaimKind.BORDER_DISTANCE
    assert claim.reference_feature == feature and claim.direction == direction
    assert claim.text == phrase


def test_country_mention_as_reference_is_a_border_claim(mk):
    text = "Kupiansk lies about 40 km from Russia."
    [claim] = parse_claims(text, [mk(text, "Kupiansk", KUPIANSK),
                                  mk(text, "Russia", kind=MentionKind.COUNTRY, code="RU")])
    assert claim.kind == ClaimKind.BORDER_DISTANCE
    assert claim.reference_feature == "the Russian border"


@pytest.mark.parametrize("phrase", [
    "about 10 km from the front line",
    "less than 10 kilometers from the positions of the Russian occupiers",
    "8 km from the frontline",
    "some 12 km from the line of contact",
    "6 km from Russian positions",
])
def test_front_line_phrases(mk, phrase):
    text = f"Kupiansk is {phrase}."
    [claim] = parse_claims(text, [mk(text, "Kupiansk", KUPIANSK)])
    assert claim.kind == ClaimKind.FRONTLINE_DISTANCE
    assert claim.reference_feature == "the front line"
    assert claim.subject.place.id == KUPIANSK


def test_their_positions_is_not_a_front_line(mk):
    text = "Kupiansk troops moved 2 km from their positions."
    assert parse_claims(text, [mk(text, "Kupiansk", KUPIANSK)]) == []


@pytest.mark.parametrize(("phrase", "feature"), [
    ("on the Oskil River", "the Oskil River"),
    ("on the banks of the Oskil river", "the Oskil River"),
    ("on the left bank of the Oskil", "the Oskil River"),
    ("on the Dnieper", "the Dnieper River"),
    ("am Ufer des Flusses Oskil", "the Oskil River"),
    ("on the bank of the River Oskil", "the Oskil River"),
])
def test_river_phrases(mk, phrase, feature):
    text = f"Kupiansk lies {phrase}."
    [claim] = parse_claims(text, [mk(text, "Kupiansk", KUPIANSK)])
    assert claim.kind == ClaimKind.RIVER and claim.reference_feature == feature
    assert claim.text == phrase


def test_a_river_phrase_after_a_noun_places_that_noun_not_the_town_after_the_verb(mk):
    # the guns stand on the left bank; Kupiansk lies on both: no claim about it. A fronted
    # phrase, set off by its comma, does place the town after it.
    text = "Russian guns on the left bank of the Oskil shelled Kupiansk again."
    assert parse_claims(text, [mk(text, "Kupiansk", KUPIANSK)]) == []
    text = "On the left bank of the Oskil, Kupiansk was shelled again."
    [claim] = parse_claims(text, [mk(text, "Kupiansk", KUPIANSK)])
    assert claim.kind == ClaimKind.RIVER and claim.subject.text == "Kupiansk"
    assert claim.reference_feature == "the Oskil River"


def test_a_datelines_place_is_no_claims_subject(mk):
    # Kharkiv is where the story was filed; the region phrase is about the strikes
    text = "KHARKIV, Nov 20 (Reuters) - Drones struck power plants in the Lviv region."
    mentions = [mk(text, "KHARKIV", KHARKIV), mk(text, "Lviv", kind=MentionKind.OBLAST, code="15")]
    assert parse_claims(text, mentions) == []
    # the next paragraph is no dateline: its town is the subject
    text += "\nKupiansk, a town in Kharkiv oblast, lost power."
    mentions += [mk(text, "Kupiansk", KUPIANSK),
                 mk(text, "Kharkiv", kind=MentionKind.OBLAST, code="07")]
    [claim] = parse_claims(text, mentions)
    assert claim.kind == ClaimKind.REGION and claim.subject.text == "Kupiansk"


def test_the_word_river_is_no_river_name(mk):
    """"am Ufer des Flusses," names no river: "Flusses" is the word, not its name."""
    text = "Kupiansk liegt am Ufer des Flusses, 100 km östlich von Charkiw."
    claims = parse_claims(text, [mk(text, "Kupiansk", KUPIANSK), mk(text, "Charkiw", KHARKIV)])
    assert [c.kind for c in claims] == [ClaimKind.DISTANCE]


def test_bare_name_after_on_the_is_a_river_only_if_known(mk):
    text = "Kupiansk lies on the Kharkiv front."
    assert parse_claims(text, [mk(text, "Kupiansk", KUPIANSK)]) == []


@pytest.mark.parametrize("phrase", ["in Kharkiv oblast", "in Kharkiv region",
                                    "in the north of Kharkiv oblast", "within Kharkiv Oblast"])
def test_region_phrases(mk, phrase):
    text = f"Kupiansk, a town {phrase}, was shelled."
    oblast = mk(text, "Kharkiv", kind=MentionKind.OBLAST, code="07")
    [claim] = parse_claims(text, [mk(text, "Kupiansk", KUPIANSK), oblast])
    assert claim.kind == ClaimKind.REGION and claim.reference is oblast
    assert claim.text == phrase


def test_region_with_raion_and_oblast_chain(mk):
    text = "Voznesenka is a village in Pokrovsk Raion, Donetsk Oblast, Ukraine."
    vozn = mk(text, "Voznesenka", VOZNESENKA)
    raion = mk(text, "Pokrovsk", kind=MentionKind.RAION, code="1416")
    oblast = mk(text, "Donetsk", kind=MentionKind.OBLAST, code="05")
    claims = parse_claims(text, [vozn, raion, oblast,
                                 mk(text, "Ukraine", kind=MentionKind.COUNTRY, code="UA")])
    assert [(c.kind, c.reference) for c in claims] == [(ClaimKind.REGION, raion),
                                                       (ClaimKind.REGION, oblast)]
    assert all(c.subject is vozn for c in claims)


# --------------------------------------------------------------------------------------------
# References that are not mentions


def test_unknown_reference_is_kept_with_a_note(mk):
    text = "Kupiansk lies 30 km west of Xyzzyville."
    [claim] = parse_claims(text, [mk(text, "Kupiansk", KUPIANSK)])
    assert claim.reference is None and claim.note == "unknown reference 'Xyzzyville'"
    assert claim.direction == "W" and claim.distance.km == 30


def test_resolve_reference_is_asked_for_unknown_names(mk, gazetteer):
    text = "Kupiansk lies 30 km west of Kharkov."
    asked = []

    def resolver(name: str) -> Mention | None:
        asked.append(name)
        return Mention(name, 0, 0, place=gazetteer.get(KHARKIV))

    [claim] = parse_claims(text, [mk(text, "Kupiansk", KUPIANSK)], resolve_reference=resolver)
    assert asked == ["Kharkov"] and claim.reference.place.id == KHARKIV


def test_a_failing_resolver_does_not_break_parsing(mk):
    text = "Kupiansk lies 30 km west of Xyzzyville."

    def resolver(name: str):
        raise RuntimeError("offline")

    [claim] = parse_claims(text, [mk(text, "Kupiansk", KUPIANSK)], resolve_reference=resolver)
    assert "unknown reference 'Xyzzyville'" in claim.note


def test_generic_reference_means_the_place_named_before(mk):
    text = "Kupjansk ist eine Stadt am Oskil. Das Oblastzentrum Charkiw liegt rund 100 km " \
           "westlich von der Stadt."
    kup, kha = mk(text, "Kupjansk", KUPIANSK), mk(text, "Charkiw", KHARKIV)
    claims = parse_claims(text, [kup, kha])
    distance = [c for c in claims if c.kind == ClaimKind.DISTANCE][0]
    assert distance.subject is kha and distance.reference is kup
    assert distance.direction == "W"


def test_raion_centre_is_the_raion_seat(mk):
    text = "Synkivka lies 9 km from the raion centre."
    [claim] = parse_claims(text, [mk(text, "Synkivka", SYNKIVKA)])
    assert claim.reference.place.id == KUPIANSK  # seat of Kupiansk raion
    assert "seat" in claim.note


# --------------------------------------------------------------------------------------------
# Other languages


def test_german(mk):
    text = "Kupjansk liegt etwa 100 Kilometer östlich von Charkiw und 40 km südlich der " \
           "russischen Grenze."
    kup, kha = mk(text, "Kupjansk", KUPIANSK), mk(text, "Charkiw", KHARKIV)
    distance, border = parse_claims(text, [kup, kha])
    assert (distance.kind, distance.subject, distance.reference) == (ClaimKind.DISTANCE, kup,
                                                                     kha)
    assert distance.direction == "E" and distance.distance.hedge == "etwa"
    assert border.kind == ClaimKind.BORDER_DISTANCE and border.direction == "S"
    assert border.reference_feature == "the Russian border"


def test_french_and_spanish(mk):
    fr = "Koupiansk est située à 100 km au nord-est de Kharkiv."
    [c] = parse_claims(fr, [mk(fr, "Koupiansk", KUPIANSK), mk(fr, "Kharkiv", KHARKIV)])
    assert (c.direction, c.distance.km, c.reference.place.id) == ("NE", 100, KHARKIV)
    es = ("Voznesenka se encuentra a unos 25,09 kilómetros (15,59 millas) al sur (SbE) de "
          "Pokrovsk.")
    [c] = parse_claims(es, [mk(es, "Voznesenka", VOZNESENKA), mk(es, "Pokrovsk", POKROVSK)])
    assert c.direction == "SbE" and "differ" in c.note  # the abbreviation wins
    assert c.distance.km == pytest.approx(25.09) and c.distance.hedge == "unos"
    assert c.distance.alt_km == pytest.approx(miles_to_km(15.59))


def test_russian_and_ukrainian(mk):
    text = "Вознесенка расположена южнее Покровска, в 25 км от города."
    vozn, pok = mk(text, "Вознесенка", VOZNESENKA), mk(text, "Покровска", POKROVSK)
    direction, distance = parse_claims(text, [vozn, pok])
    assert (direction.kind, direction.direction, direction.reference) == (
        ClaimKind.DIRECTION, "S", pok)
    assert distance.reference is pok and distance.subject is vozn  # "the town" = Pokrovsk
    uk = "Вознесенка розташована за 25 кілометрів на південь від Покровська."
    [c] = parse_claims(uk, [mk(uk, "Вознесенка", VOZNESENKA), mk(uk, "Покровська", POKROVSK)])
    assert (c.direction, c.distance.km) == ("S", 25)


def test_chinese(mk):
    text = "沃兹涅先卡位於波克羅夫斯克以南25公里。"
    vozn, pok = mk(text, "沃兹涅先卡", VOZNESENKA), mk(text, "波克羅夫斯克", POKROVSK)
    [c] = parse_claims(text, [vozn, pok])
    assert (c.subject, c.reference, c.direction, c.distance.km) == (vozn, pok, "S", 25)


# --------------------------------------------------------------------------------------------
# Robustness


def test_text_without_facts_gives_no_claims(mk):
    text = ("Ukrainian troops fired 152 mm shells near Kupiansk for 10 minutes; a 147 km long "
            "tributary flows past. Russian forces are advancing from the south.")
    assert parse_claims(text, [mk(text, "Kupiansk", KUPIANSK)]) == []


@pytest.mark.parametrize("text", ["", "   ", "km", "120 km east of", "of of of", "\x00\ufffd"])
def test_degenerate_texts(text):
    assert parse_claims(text, []) == []


def test_mentions_with_bad_offsets_are_ignored(mk):
    text = "Kupiansk lies 30 km west of Xyzzyville."
    bad = [Mention("Kharkiv", 500, 507), Mention("Kharkiv", 5, 2), "not a mention"]
    claims = parse_claims(text, [*bad, mk(text, "Kupiansk", KUPIANSK)])
    assert len(claims) == 1 and claims[0].subject.text == "Kupiansk"


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyz ABCDEFGHKNOPSW.,;()-'0123456789км公里")
    + ["km ", " of ", " from ", "north ", "south-east ", " the Russian border", " River",
       " in ", " oblast", "Kupiansk", "Kharkiv", " about ", " less than ", " miles", "\n"]),
    max_size=80).map("".join))
def test_never_raises_and_spans_are_verbatim(text):
    mentions = []
    for m in re.finditer(r"Kupiansk|Kharkiv", text):
        mentions.append(Mention(m.group(), m.start(), m.end()))
    for m in re.finditer(r"oblast", text):
        mentions.append(Mention("x", m.start(), m.end(), kind=MentionKind.OBLAST))
    # the parser itself, not parse_claims: its safety net would hide a bug behind a log line
    claims = _Parser(text, mentions, None).run() if text.strip() else []
    assert spans_ok(text, claims)
    assert parse_claims(text, mentions) == claims


def test_distance_to_a_place_named_before_the_figure():
    from geo.reports import analyse

    analysis = analyse("Zaporizhzhia is a river port. The distance to Kiev is 444 km as the "
                       "crow flies.")
    (verdict,) = [v for v in analysis.verdicts if v.claim.distance is not None]
    assert verdict.claim.subject.place.id == 687700
    assert verdict.claim.reference.place.id == 703448
    # An independent figure: haversine on the mean sphere between the GeoNames coordinates of
    # Kyiv (50.45466, 30.5238) and Zaporizhzhia (47.85167, 35.11714) agrees within 0.5 %.
    sphere_km = haversine_km(50.45466, 30.5238, 47.85167, 35.11714)
    assert abs(verdict.measured_km - sphere_km) / sphere_km < 0.005
    assert verdict.status is Status.CONSISTENT


# --------------------------------------------------------------------------------------------
# More languages, river mouths, pronouns, "near X ... N km away", seats that pick a namesake


@pytest.mark.parametrize("text, direction, reference", [
    ("Pokrowsk leży 50 km na północny zachód od Doniecka.", "NW", DONETSK),
    ("Doneckas yra 50 km į pietryčius nuo Pokrovsko.", "SE", POKROVSK),
    ("Kupiansk ligger 100 km öster om Charkiv.", "E", KHARKIV),
    ("Kupiansk si trova a 100 km a est di Kharkiv.", "E", KHARKIV),
    ("Pokrovsk fica a 50 km a noroeste de Donetsk.", "NW", DONETSK),
    ("Kupiansk ligt 100 km ten oosten van Charkov.", "E", KHARKIV),
    ("Pokrovsk se află la 50 km nord-vest de Donețk.", "NW", DONETSK),
    ("Kupjansk leží 100 km východně od Charkova.", "E", KHARKIV),
])
def test_distances_in_more_languages(text, direction, reference):
    from geo.reports import analyse

    (claim,) = [c for c in analyse(text).claims if c.distance is not None]
    assert claim.direction == direction
    assert claim.reference.place.id == reference
    assert claim.subject.place.id != reference


def test_a_case_form_of_ukraine_is_not_a_village():
    from geo.reports import analyse

    # "Ukrainoje" (Lithuanian locative of Ukraine) shares its stem with the village Ukrainske;
    # "Украинска" is the genitive of the town Ukrainsk (GeoNames 690771) and stays one.
    names = {m.text for m in analyse("Pokrovskas yra miestas rytų Ukrainoje.").mentions}
    assert "Ukrainoje" not in names
    towns = analyse("Обстрел окрестностей Украинска и Селидово продолжился.").mentions
    assert [m.place.id for m in towns if m.text == "Украинска"] == [690771]


@pytest.mark.parametrize("text", [
    "Kherson lies about 25 km from the mouth of the Dnipro River.",
    "Cherson ligger 25 km från Dneprs mynning.",
    "Cherson liegt etwa 25 km von der Mündung des Dnepr entfernt.",
])
def test_a_river_mouth_is_measured_to_the_rivers_geonames_point(text):
    from geo.reports import analyse

    analysis = analyse(text)
    (verdict,) = [v for v in analysis.verdicts if v.claim.distance is not None]
    assert verdict.claim.kind is ClaimKind.DISTANCE
    assert verdict.claim.reference.place.id == 565896  # GeoNames' Dnieper (STM), at its mouth
    assert verdict.claim.subject.place.id == KHERSON
    # Kherson (46.63695, 32.61458) to the Dnieper's point (46.4975, 32.30861) on the sphere.
    sphere_km = haversine_km(46.63695, 32.61458, 46.4975, 32.30861)
    assert verdict.measured_km == pytest.approx(sphere_km, rel=0.005)
    assert verdict.status is Status.CONSISTENT


def test_of_it_points_back_and_a_sea_as_subject_is_turned_round():
    from geo.reports import analyse

    analysis = analyse("Donetsk is a large industrial city. The Sea of Azov lies about 95 km "
                       "south of it. Makiivka is 15 km east of it.")
    coast, east = sorted((c for c in analysis.claims if c.distance is not None),
                         key=lambda c: c.start)
    assert coast.kind is ClaimKind.COAST_DISTANCE
    assert coast.subject.place.id == DONETSK
    assert coast.direction == "N"  # the sea is south of Donetsk: Donetsk is north of the sea
    assert "other way round" in coast.note
    assert east.kind is ClaimKind.DISTANCE
    assert east.subject.text == "Makiivka"
    assert east.reference.place.id == DONETSK


def test_km_away_takes_what_the_place_is_said_to_be_near():
    from geo.reports import analyse

    analysis = analyse("Vovchansk is a small town near the border with Russia. In fact it "
                       "lies only 5 km away.")
    (verdict,) = [v for v in analysis.verdicts if v.claim.distance is not None]
    assert verdict.claim.kind is ClaimKind.BORDER_DISTANCE
    assert verdict.claim.subject.place.id == 689304  # Vovchansk
    assert "near" in verdict.claim.note
    assert verdict.measured_km < 10  # Vovchansk is a few km from the border (Natural Earth)
    # Without a "near" the figure has no reference, and is not turned into a claim; nor when
    # the figure's sentence is about something else (the school is 3 km from the town).
    for text in ("Vovchansk is a small town. It lies 5 km away.",
                 "Vovchansk lies near the front line. Shelling hit a school 3 km away."):
        assert not [c for c in analyse(text).claims if c.distance is not None]
    (same,) = analyse("Vovchansk lies near the border with Russia, just 5 km away.").claims
    assert same.kind is ClaimKind.BORDER_DISTANCE and same.subject.place.id == 689304


def test_distances_to_its_own_seats_pick_the_namesake():
    from geo.reports import analyse

    # Nine places are called Пятихатки; only the one in Vasylivka raion (Zaporizhzhia oblast)
    # lies about 54 km from its oblast seat and 16 km from its raion seat.
    analysis = analyse("Село Пятихатки расположено в 54 км от областного центра и в 16 км "
                       "от райцентра.")
    (village,) = [m for m in analysis.mentions if m.text == "Пятихатки"]
    assert len(village.candidates) > 5
    assert village.place.id == 695966
    oblast, raion = sorted((c for c in analysis.claims if c.distance is not None),
                           key=lambda c: c.start)
    assert oblast.reference.place.id == 687700  # Zaporizhzhia
    assert raion.reference.place.id == 686729  # Vasylivka
    assert "Zaporizhzhya" in oblast.note and "Vasylivka" in raion.note
    assert haversine_km(47.50725, 35.45987, 47.85167, 35.11714) == pytest.approx(46.1, abs=0.3)


def test_french_est_de_is_not_a_direction():
    from geo.reports import analyse

    # "est de" is "is of/again" in French; only "à l'est de" is a direction there.
    assert analyse("La ville est de nouveau attaquée par la Russie.").claims == ()


def test_hyphenated_figures_and_places_lying_between_others():
    from geo.reports import analyse

    (drive,) = [c for c in analyse("Kupiansk is a 120-kilometre drive east of "
                                   "Kharkiv.").claims if c.distance is not None]
    assert drive.distance.km == 120 and drive.direction == "E"
    assert (drive.subject.place.id, drive.reference.place.id) == (KUPIANSK, KHARKIV)
    # Izium (GeoNames 707292), not Sloviansk, is what lies 120 km from Kharkiv.
    (izium,) = [c for c in analyse("Izium sits roughly midway between Kharkiv and Sloviansk, "
                                   "about 120 km from Kharkiv.").claims if c.distance]
    assert izium.subject.text == "Izium" and izium.reference.place.id == KHARKIV


def test_a_feature_as_subject_is_turned_round():
    from geo.reports import analyse

    (front,) = analyse("The front line is now 10 km from Kramatorsk.").claims
    assert front.kind is ClaimKind.FRONTLINE_DISTANCE and front.subject.text == "Kramatorsk"
    assert front.reference is None and "other way round" in front.note
    (city,) = analyse("Kramatorsk is a big city. The front line is now 20 km from the "
                      "city.").claims
    assert city.kind is ClaimKind.FRONTLINE_DISTANCE and city.subject.text == "Kramatorsk"
    analysis = analyse("The Russian border lies 30 km north of Kupiansk.")
    (border,) = analysis.verdicts
    assert border.claim.kind is ClaimKind.BORDER_DISTANCE
    assert border.claim.subject.place.id == KUPIANSK and border.claim.direction == "S"
    assert border.status is Status.CONSISTENT  # 34.8 km shortest, 52.8 km due north


# --------------------------------------------------------------------------------------------
# The cheap scans in front of the big patterns (geo.claims._Scan) never change what they find:
# matches drawn from each pattern, set in random text, in either case.

SCANNED = {
    "directions": claims_module._BARE_DIRECTION_RE,
    "rivers": claims_module._RIVER_PHRASE_RE,
    "betweens": claims_module._BETWEEN_RE,
    "anchors": claims_module._ANCHOR_RE,
}
AROUND = st.lists(st.sampled_from(
    [" ", "  ", "\n", "-", ",", ".", "(", "x", "9", "_", "'", "of ", " the ", "and ", "km ",
     "Kupiansk", "до ", "від ", "以", "a", "N", "é", "ſ"]), max_size=6).map("".join)
CASES = (str, str.lower, str.upper, str.capitalize, str.title, str.swapcase)


@pytest.mark.parametrize("name", sorted(SCANNED))
def test_the_scan_finds_every_match_of_the_pattern(name):
    pattern = SCANNED[name]
    found = []

    @settings(max_examples=300, deadline=None)
    @given(AROUND, st.from_regex(pattern), AROUND, st.sampled_from(CASES))
    def check(before, match, after, case):
        text = case(before + match + after)
        want = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in getattr(claims_module._Scan(text), name)()] == want
        found.extend(want)

    check()
    assert found  # the strategy reaches the pattern, so agreement means something


# --------------------------------------------------------------------------------------------
# Distance and direction phrasing across languages: units, number words, compass adverbs,
# borders, front lines, rivers, "direction of X, N km away", "the distance to the raion centre"

IZIUM, BAKHMUT, TORETSK, VOVCHANSK = 707292, 713174, 709354, 689304


@pytest.mark.parametrize("text, km, direction", [
    ("Izium leží približne 120 km juhovýchodne od Charkova.", 120, "SE"),
    ("Izium ligger omkring 120 km sydøst for Kharkiv.", 120, "SE"),
    ("Izium ligger 120 km sydost om Charkiv.", 120, "SE"),
    ("Izium es troba a 120 km al sud-est de Khàrkiv.", 120, "SE"),
    ("Izium se află la 120 km la sud-est de Harkov.", 120, "SE"),
    ("Izium se află la 120 km est de Harkov.", 120, "E"),
    ("Izium si trova a 120 km ad est di Kharkiv.", 120, "E"),
    ("Izium si trova a 120 chilometri a sud-est di Kharkiv.", 120, "SE"),
    ("Izium se nalazi 120 km jugoistočno od Harkiva.", 120, "SE"),
    ("Изюм се намира на 120 km югоизточно от Харков.", 120, "SE"),
    ("Ізюм размешчаны за 120 км на паўднёвы ўсход ад Харкава.", 120, "SE"),
    ("Izium leży dwanaście kilometrów na południowy wschód od Charkowa.", 12, "SE"),
    ("Izium si trova a una ventina di chilometri a est di Kharkiv.", 20, "E"),
    ("Izium se trouve à une dizaine de kilomètres à l'est de Kharkiv.", 10, "E"),
    ("Izium se trouve à une douzaine de kilomètres à l'est de Kharkiv.", 12, "E"),
    ("Izium se trouve à une soixantaine de kilomètres au sud-est de Kharkiv.", 60, "SE"),
    ("Изюм находится в двенадцати километрах к юго-востоку от Харькова.", 12, "SE"),
    ("Izium se trouve entre 110 et 130 km au sud-est de Kharkiv.", 120, "SE"),
])
def test_figures_and_directions_in_more_languages(text, km, direction):
    from geo.reports import analyse

    (claim,) = [c for c in analyse(text).claims if c.distance is not None]
    assert claim.distance.value == km
    assert claim.direction == direction
    assert claim.subject.place.id == IZIUM and claim.reference.place.id == KHARKIV


@pytest.mark.parametrize("text", [
    "Vovchansk leży 5 km od granicy z Rosją.",
    "Vovchansk leží 5 km od hranice s Ruskem.",
    "Vovchansk ligt 5 km van de grens met Rusland.",
    "Vovchansk ligger 5 km från gränsen mot Ryssland.",
    "Vovchansk si trova a 5 km dal confine con la Russia.",
    "Vovchansk se află la 5 km de granița cu Rusia.",
    "Вовчанськ розташований за 5 км від державного кордону з Росією.",
])
def test_border_words_in_more_languages(text):
    from geo.reports import analyse

    (verdict,) = [v for v in analyse(text).verdicts if v.claim.distance is not None]
    assert verdict.claim.kind is ClaimKind.BORDER_DISTANCE
    assert verdict.claim.subject.place.id == VOVCHANSK and verdict.claim.distance.value == 5
    assert verdict.measured_km < 10  # Vovchansk is a few km from the Russian border


@pytest.mark.parametrize("text", [
    "Kupiansk leży około 7 km od linii frontu.",
    "Kupiansk si trova a circa 7 km dalla linea del fronte.",
])
def test_front_line_words_in_more_languages(text):
    from geo.reports import analyse

    (claim,) = [c for c in analyse(text).claims if c.distance is not None]
    assert claim.kind is ClaimKind.FRONTLINE_DISTANCE
    assert claim.subject.place.id == KUPIANSK and claim.distance.value == 7


@pytest.mark.parametrize("text", [
    "Kupiansk leży nad rzeką Oskił.",
    "Kupjansk leží na řece Oskol.",
    "Kupiansk se află pe râul Oskil.",
    "Kupiansk ligt aan de rivier de Oskil.",
    "Kupiansk ligger vid floden Oskil.",
    "Kupiansk si trova sul fiume Oskil.",
])
def test_river_phrases_in_more_languages(text):
    from geo.reports import analyse

    (claim,) = analyse(text).claims
    assert claim.kind is ClaimKind.RIVER and "Osk" in claim.reference_feature
    assert claim.subject.place.id == KUPIANSK


@pytest.mark.parametrize("text", [
    "Toretsk lies southwest of Bakhmut, about 25 km away.",
    "Südwestlich von Bachmut, etwa 25 km entfernt, liegt Torezk.",
])
def test_a_direction_then_a_bare_figure_away_is_one_claim(text):
    from geo.reports import analyse

    (verdict,) = [v for v in analyse(text).verdicts if v.claim.distance is not None]
    claim = verdict.claim
    assert (claim.subject.place.id, claim.reference.place.id) == (TORETSK, BAKHMUT)
    assert claim.distance.value == 25 and claim.direction == "SW"
    # Toretsk (48.39477, 37.8478) from Bakhmut (48.59419, 37.99886) on the sphere: ~25 km.
    assert haversine_km(48.39477, 37.8478, 48.59419, 37.99886) == pytest.approx(25, abs=1)
    assert verdict.status is Status.CONSISTENT


def test_the_distance_to_the_raion_centre_named_before_the_figure():
    from geo.reports import analyse

    analysis = analyse("Гродівка — селище в Покровському районі. Відстань до райцентру "
                       "становить 12 км.")
    (claim,) = [c for c in analysis.claims if c.distance is not None]
    assert claim.subject.place.id == 708047  # Hrodivka
    assert claim.reference.place.id == POKROVSK and claim.distance.value == 12


# --------------------------------------------------------------------------------------------
# Appositives, compound number words, inflected countries, case endings, homonymous rivers

HOSTOMEL, BUCHA, KYIV, KURYLIVKA, IZIUM = 708251, 711350, 703448, 703610, 707292
PAVLOHRAD, VOVCHANSK = 697889, 689304
VOVCHA_DNIPRO, VOVCHA_DONETS = 689270, 472810  # two GeoNames streams named Vovcha


@pytest.mark.parametrize(("text", "places", "want"), [
    ("Hostomel, a town near Bucha, lies 25 km north-west of Kyiv.",
     [("Hostomel", HOSTOMEL), ("Bucha", BUCHA), ("Kyiv", KYIV)], (HOSTOMEL, KYIV, 25, "NW")),
    ("Kupiansk, which lies near Kurylivka, is 120 km east of Kharkiv.",
     [("Kupiansk", KUPIANSK), ("Kurylivka", KURYLIVKA), ("Kharkiv", KHARKIV)],
     (KUPIANSK, KHARKIV, 120, "E")),
    ("Kupiansk, once home to 27,000 people, a rail hub near Kurylivka, lies 120 km east of "
     "Kharkiv.", [("Kupiansk", KUPIANSK), ("Kurylivka", KURYLIVKA), ("Kharkiv", KHARKIV)],
     (KUPIANSK, KHARKIV, 120, "E")),
    ("Kupjansk, eine Stadt unweit von Kurylivka, liegt 120 km östlich von Charkiw.",
     [("Kupjansk", KUPIANSK), ("Kurylivka", KURYLIVKA), ("Charkiw", KHARKIV)],
     (KUPIANSK, KHARKIV, 120, "E")),
    # a list is no appositive: the nearest place stays the subject
    ("Shelling hit Kupiansk, a rail hub near Kurylivka, and struck Izium, 120 km south-east "
     "of Kharkiv.", [("Kupiansk", KUPIANSK), ("Kurylivka", KURYLIVKA), ("Izium", IZIUM),
                     ("Kharkiv", KHARKIV)], (IZIUM, KHARKIV, 120, "SE")),
    # the verb's own clause names its subject
    ("East of Kharkiv, the regional capital, Kupiansk lies 40 km from Izium.",
     [("Kharkiv", KHARKIV), ("Kupiansk", KUPIANSK), ("Izium", IZIUM)],
     (KUPIANSK, IZIUM, 40, "")),
])
def test_the_subject_is_the_place_its_appositives_describe(mk, text, places, want):
    mentions = [mk(text, surface, gid) for surface, gid in places]
    (claim,) = [c for c in parse_claims(text, mentions) if c.distance is not None]
    assert (claim.subject.place.id, claim.reference.place.id, claim.distance.value,
            claim.direction) == want


@pytest.mark.parametrize(("words", "value"), [
    ("twenty-five", 25), ("one thousand two hundred", 1200), ("a hundred and twenty", 120),
    ("fünfundzwanzig", 25), ("hundertzwanzig", 120), ("zweihundertfünfzig", 250),
    ("vingt-cinq", 25), ("cent vingt", 120), ("quatre-vingt-dix", 90), ("soixante-quinze", 75),
    ("deux cents", 200), ("veinticinco", 25), ("treinta y cinco", 35), ("ciento veinte", 120),
    ("venticinque", 25), ("ventuno", 21), ("cento e vinte", 120), ("duzentos e vinte", 220),
    ("двадцати пяти", 25), ("ста двадцати", 120), ("сто двадцять", 120),
    ("dwadzieścia pięć", 25), ("dvadsať päť", 25), ("pětadvacet", 25), ("sto dvacet", 120),
    ("vijfentwintig", 25), ("tjugofem", 25), ("douăzeci și cinci", 25), ("huszonöt", 25),
])
def test_compound_number_words(words, value):
    assert parse_number(words) == (value, "")


@pytest.mark.parametrize(("text", "low", "high"), [
    ("Kupiansk lies twenty-five kilometres east of Kharkiv.", 25, 25),
    ("Kupjansk liegt fünfundzwanzig Kilometer östlich von Charkiw.", 25, 25),
    ("Kupiansk está a ciento veinte kilómetros al este de Járkov.", 120, 120),
    ("Kupiansk fica a cento e vinte quilómetros a leste de Kharkiv.", 120, 120),
    ("Купянск расположен в ста двадцати километрах к востоку от Харькова.", 120, 120),
    ("Kupiańsk leży dwadzieścia pięć kilometrów na wschód od Charkowa.", 25, 25),
    # a range stays a range: a joint joins only tens and a unit, or a hundred and the rest
    ("Kupiansk lies between ten and twelve kilometres east of Kharkiv.", 10, 12),
    ("Kupiansk está entre veinte y treinta kilómetros al este de Járkov.", 20, 30),
])
def test_compound_number_words_in_claims(mk, text, low, high):
    name = re.search(r"Kharkiv|Charkiw|Járkov|Харькова|Charkowa", text).group()
    (claim,) = parse_claims(text, [mk(text, name, KHARKIV)])
    assert (claim.distance.low_km, claim.distance.high_km) == (low, high)
    assert claim.direction == "E" and claim.reference.place.id == KHARKIV


@pytest.mark.parametrize(("phrase", "iso"), [
    ("granicy z Rosją", "RUS"), ("hranice s Ruskem", "RUS"), ("gränsen mot Ryssland", "RUS"),
    ("de grens met Rusland", "RUS"), ("confine russo", "RUS"), ("Rusijos sienos", "RUS"),
    ("granicy z Białorusią", "BLR"), ("granicy z Polską", "POL"),
])
def test_country_names_inflected_in_other_languages(phrase, iso):
    from geo import features

    assert features.border_country(phrase) == iso


@pytest.mark.parametrize(("text", "feature"), [
    ("Vovchansk leży 5 km od granicy z Rosją.", "the Russian border"),
    ("Vovchansk si trova a 5 km dal confine russo.", "the Russian border"),
    ("Vovchansk ligger 5 km fra grensen til Russland.", "the Russian border"),
    ("Vovchansk ligger 5 km från gränsen mot Ryssland.", "the Russian border"),
    ("Vovchansk liegt nur 5 Kilometer vor der russischen Grenze.", "the Russian border"),
    ("Vovchansk leży 5 km od granicy z Białorusią.", "the Belarusian border"),
])
def test_border_distance_with_the_country_named_in_other_languages(mk, text, feature):
    (claim,) = parse_claims(text, [mk(text, "Vovchansk", VOVCHANSK)])
    assert claim.kind is ClaimKind.BORDER_DISTANCE and claim.reference_feature == feature
    assert claim.distance.value == 5 and claim.subject.place.id == VOVCHANSK


@pytest.mark.parametrize(("text", "subject", "reference"), [
    ("The column stopped at Kupiansk, some 20 km short of Kurylivka.", "Kupiansk", "Kurylivka"),
    ("Die Kolonne hielt in Kupjansk, 20 km vor Kurylivka.", "Kupjansk", "Kurylivka"),
])
def test_short_of_and_vor_measure_a_distance(mk, text, subject, reference):
    mentions = [mk(text, subject, KUPIANSK), mk(text, reference, KURYLIVKA)]
    (claim,) = parse_claims(text, mentions)
    assert (claim.subject.place.id, claim.reference.place.id) == (KUPIANSK, KURYLIVKA)
    assert claim.distance.value == 20 and claim.direction == ""


@pytest.mark.parametrize(("text", "subject", "reference", "direction"), [
    ("Kupjanszk Harkivtól 120 kilométerre keletre fekszik.", "Kupjanszk", "Harkivtól", "E"),
    ("Izjum Harkivtól mintegy 120 kilométerre délkeletre található.", "Izjum", "Harkivtól",
     "SE"),
    ("Kupjansk sijaitsee noin 120 kilometriä Harkovasta itään.", "Kupjansk", "Harkovasta",
     "E"),
    ("Izjum sijaitsee noin 120 kilometriä Harkovasta kaakkoon.", "Izjum", "Harkovasta", "SE"),
])
def test_hungarian_and_finnish_from_as_a_case_ending(mk, text, subject, reference, direction):
    mentions = [mk(text, subject, KUPIANSK), mk(text, reference, KHARKIV)]
    (claim,) = parse_claims(text, mentions)
    assert (claim.subject.place.id, claim.reference.place.id) == (KUPIANSK, KHARKIV)
    assert claim.distance.value == 120 and claim.direction == direction


@pytest.mark.parametrize(("town", "gid", "stream"), [
    ("Pavlohrad", PAVLOHRAD, VOVCHA_DNIPRO), ("Vovchansk", VOVCHANSK, VOVCHA_DONETS),
])
def test_a_river_mouth_shared_by_several_streams_is_the_one_near_the_text(mk, town, gid,
                                                                         stream):
    # Vovcha 689270 flows into the Samara near Pavlohrad (mouth 48.64 N 35.69 E); Vovcha
    # 472810 is the Donets tributary at Vovchansk (mouth 50.29 N 36.86 E).
    text = f"{town} lies about 40 km from the mouth of the Vovcha."
    (claim,) = parse_claims(text, [mk(text, town, gid)])
    assert claim.reference.place.id == stream and claim.subject.place.id == gid


SUDZHA = 486816  # Sudzha, Kursk oblast (Russia)


@pytest.mark.parametrize(("text", "kind"), [
    ("Russian forces advanced on Sudzha. Residents in the Sumy region now live 30 km from the "
     "front line.", ClaimKind.FRONTLINE_DISTANCE),
    ("Russian forces advanced on Sudzha. Villages of Sumy oblast lie within 30 km of the "
     "border.", ClaimKind.BORDER_DISTANCE),
])
def test_a_fact_about_an_area_takes_no_place_from_an_earlier_sentence(mk, text, kind):
    mentions = [mk(text, "Sudzha", SUDZHA), mk(text, "Sumy", kind=MentionKind.OBLAST)]
    (claim,) = parse_claims(text, mentions)
    assert claim.kind is kind and claim.distance.high_km == 30
    assert claim.subject is None and "Sumy" in claim.note


def test_a_fact_about_the_town_still_takes_the_earlier_sentence_s_place(mk):
    text = "Fighting continued near Kupiansk. The town is 10 km from the front line."
    (claim,) = parse_claims(text, [mk(text, "Kupiansk", KUPIANSK)])
    assert claim.kind is ClaimKind.FRONTLINE_DISTANCE and claim.subject.place.id == KUPIANSK


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([
    "im", "Rajon", "rajons", "raion", "Raions", "of", "district", "District", "raion of",
    "région", "de", "óblast", "oblast", "Oblast", "Gebiet", "bezirk", "область", "района",
    "район", "області", "районі", "Kupiansk", "the", "near", "der", "в", "\u00a0", "  ", "\t",
]), max_size=6), st.sampled_from([" ", "  ", "\n", "\u00a0"]))
def test_the_last_words_of_admin_phrases_are_those_the_pattern_ends_with(words, tail):
    """The cheap test before _ADMIN_BEFORE (a hand-kept list of its last words) never says no
    where the pattern matches: a word added to one and not the other fails here."""
    from geo.claims import _ADMIN_BEFORE, _ADMIN_LAST_WORDS, _Scan

    text = " ".join(words) + tail
    if _ADMIN_BEFORE.search(text):
        assert _Scan(text).may_end_with(0, len(text), _ADMIN_LAST_WORDS), text


@pytest.mark.parametrize("phrase", [
    "im Rajon ", "der Oblast ", "the district\u00a0 of ", "raion of ", "la région de ",
    "el óblast de ", "Донецкой область ", "Покровского района ", "Покровському районі ",
])
def test_each_kind_of_admin_phrase_passes_the_cheap_test(phrase):
    from geo.claims import _ADMIN_BEFORE, _ADMIN_LAST_WORDS, _Scan

    assert _ADMIN_BEFORE.search(phrase)
    assert _Scan(phrase).may_end_with(0, len(phrase), _ADMIN_LAST_WORDS)


def test_an_opening_the_settlement_never_means_a_place_named_after_it(mk):
    """"The settlement lies ... of Khartsyzk, 15 km from the centre of Khartsyzk": the
    settlement is a place named before the sentence (here none), not Khartsyzk."""
    khartsyzk, donetsk = 706466, 709717
    body = ("The settlement lies in the south-east of the city area of Khartsyzk, about 15 km "
            "from the centre of Khartsyzk and 30 km east of Donetsk.")
    claims = parse_claims(body, [mk(body, "Khartsyzk", khartsyzk),
                                 mk(body, "Khartsyzk", khartsyzk, nth=1),
                                 mk(body, "Donetsk", donetsk)])
    assert [(c.distance.value, c.subject) for c in claims] == [(15.0, None), (30.0, None)]
    # with the settlement named in the sentence before, it is the subject of both
    text = "Kupiansk is a town on the Oskil. " + body
    claims = parse_claims(text, [mk(text, "Kupiansk", KUPIANSK),
                                 mk(text, "Khartsyzk", khartsyzk),
                                 mk(text, "Khartsyzk", khartsyzk, nth=1),
                                 mk(text, "Donetsk", donetsk)])
    assert [(c.distance.value, c.subject.text) for c in claims if c.distance] == [
        (15.0, "Kupiansk"), (30.0, "Kupiansk")]


@pytest.mark.parametrize("text", [
    "Avdiivka lies just north of Donetsk, about 15 km from the city centre.",
    "Avdiivka liegt nördlich von Donetsk, etwa 15 Kilometer vom Stadtzentrum entfernt.",
    "Avdiivka находится севернее Donetsk, в 15 км от центра города.",
])
def test_the_city_centre_is_the_centre_of_the_city_just_named(mk, text):
    avdiivka, donetsk = mk(text, "Avdiivka", 713120), mk(text, "Donetsk", 709717)
    (claim,) = [c for c in parse_claims(text, [avdiivka, donetsk]) if c.distance]
    assert (claim.distance.value, claim.subject, claim.reference) == (15.0, avdiivka, donetsk)
