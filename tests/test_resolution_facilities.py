"""Facilities named after a place: "the Zaporizhzhia nuclear power plant" is GeoNames' power
station 55 km from the city of Zaporizhzhia, "Donetsk airport" the airport, "the Kakhovka dam"
the hydroelectric station. Where the gazetteer holds the facility, the mention is a FACILITY
at its coordinates, claims are measured to it and events are placed there; where it does not
(refineries, steel works, an ambiguous "Kyiv airport"), the town stays the reading.

Sentences written for these tests. Ids and coordinates are those of the raw GeoNames dump
(../shared/data/geonames/UA.zip, UA.txt); the distances were computed from those coordinates
with geopy's ``geodesic`` (Karney's algorithm, an implementation independent of pyproj's).
"""

from __future__ import annotations

import pytest

from geo.gazetteer import load_gazetteer
from geo.models import EventKind, MentionKind, Status
from geo.reports import Reader, Report

#: Zaporizhia Nuclear Power Plant, PS, 47.51222 N 34.58583 E (in Enerhodar).
ZNPP = 11839420
#: Chornobyl Nuclear Power Plant, 750 kV-Switchyard, PS, 51.3825 N 30.09675 E.
CHORNOBYL_NPP = 7289548
#: Kakhovka Hydroelectric Power Station, PSH, 46.77602 N 33.37157 E; a second GeoNames entry
#: of the same station (Kakhovska Hidroelektrostantsiia Imeni P.S. Neporozhnoho, 12750664)
#: lies 0.1 km from it.
KAKHOVKA_HPP, KAKHOVKA_HPP_UK = 7910879, 12750664
#: Dnieper Hydroelectric Station (DniproHES), PSH, in Zaporizhzhia, 47.86907 N 35.08644 E.
DNIPRO_HPP = 7932101
#: Donetsk International Airport, AIRP, 48.07361 N 37.73972 E.
DONETSK_AIRPORT = 6300953
#: Kharkiv International Airport, AIRP, 49.92479 N 36.28999 E; Kharkiv North Airport
#: (8030052) is 11.4 km from it.
KHARKIV_AIRPORT = 6300958
#: Kramatorsk Airport, AIRP, 48.7056 N 37.6289 E.
KRAMATORSK_AIRPORT = 7731189
#: Burshtynska TES, PS, 49.20873 N 24.66757 E; Dniester Hydroelectric Power Station, PS,
#: 48.59336 N 27.45303 E; Saky (the air base), AIRP, 45.09222 N 33.60083 E.
BURSHTYN_TPP, DNIESTER_HPP, SAKY_AIRBASE = 7284520, 7910599, 11269908
#: Zaporizhzhya (the city), 47.85167 N 35.11714 E; Kyiv, 50.45466 N 30.5238 E; Nikopol,
#: 47.56826 N 34.39126 E; Kremenchuk, 49.06253 N 33.40484 E.
ZAPORIZHZHIA, KYIV, NIKOPOL, KREMENCHUK = 687700, 703448, 700051, 704147
#: Geodesic km (geopy) between GeoNames points: Nikopol to the plant, Kyiv to Chornobyl NPP.
NIKOPOL_ZNPP_KM = 15.918
KYIV_CHORNOBYL_NPP_KM = 107.498


@pytest.fixture(scope="module")
def reader():
    return Reader()


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def _mention(reader, text, name):
    return next(m for m in reader.analyse(Report(text=text)).mentions if m.text == name)


@pytest.mark.parametrize("name, kind, facility_id", [
    ("Zaporizhzhia", "nuclear", ZNPP),
    ("Zaporizhzhia", "power", ZNPP),  # a mere "power plant": the nuclear one first
    ("Kakhovka", "hydro", KAKHOVKA_HPP),
    ("Dnipro", "hydro", DNIPRO_HPP),  # "Dnieper Hydroelectric Station"
    ("Chernobyl", "nuclear", CHORNOBYL_NPP),
    ("Donetsk", "air", DONETSK_AIRPORT),
    ("Kharkiv", "air", KHARKIV_AIRPORT),  # not Kharkiv North Airport, whose name says more
])
def test_the_gazetteer_names_a_facility_after_its_place(gazetteer, name, kind, facility_id):
    assert [p.id for p in gazetteer.facilities_named(name, kind)] == [facility_id]


@pytest.mark.parametrize("name, kind", [
    ("Kyiv", "air"),  # Boryspil and Zhuliany, 32.3 km apart
    ("Kremenchuk", "nuclear"),  # a hydroelectric station only
    ("Bakhmut", "air"),
])
def test_no_facility_where_none_or_several_far_apart_fit(gazetteer, name, kind):
    assert gazetteer.facilities_named(name, kind) == ()


@pytest.mark.parametrize("text, name, facility_id", [
    ("The Zaporizhzhia nuclear power plant lost external power again on Tuesday.",
     "Zaporizhzhia", ZNPP),
    ("Shells landed near the Zaporizhzhia NPP's cooling pond.", "Zaporizhzhia", ZNPP),
    ("The Kakhovka dam was blown up in June 2023.", "Kakhovka", KAKHOVKA_HPP),
    ("Fighting for Donetsk airport went on for months.", "Donetsk", DONETSK_AIRPORT),
    ("Missiles hit Kramatorsk airfield.", "Kramatorsk", KRAMATORSK_AIRPORT),
    ("Das AKW Saporischschja hatte erneut keinen Strom.", "Saporischschja", ZNPP),
    ("La centrale nucléaire de Zaporijjia a de nouveau perdu son alimentation.", "Zaporijjia",
     ZNPP),
    ("La central nuclear de Zaporiyia volvió a quedarse sin electricidad.", "Zaporiyia", ZNPP),
    # "la centrale de X", a power station of no kind said: the nuclear one comes first
    ("La centrale de Zaporijjia a de nouveau perdu son alimentation.", "Zaporijjia", ZNPP),
    ("Обстріл Запорізької АЕС тривав дві години.", "Запорізької", ZNPP),
    # the Ukrainian-named entry: "Kakhovska" is the adjective its name starts with
    ("Ракета попала в Каховскую ГЭС.", "Каховскую", KAKHOVKA_HPP_UK),
])
def test_a_facility_the_gazetteer_holds_is_the_facility(reader, text, name, facility_id):
    found = _mention(reader, text, name)
    assert found.kind is MentionKind.FACILITY
    assert found.place.id == facility_id
    assert found.place.name in found.reason


@pytest.mark.parametrize("text, name, town_id", [
    ("A drone attack closed Kyiv airport for an hour.", "Kyiv", KYIV),
    ("Missiles hit the Kremenchuk refinery on Monday.", "Kremenchuk", KREMENCHUK),
    ("Zaporizhzhia was shelled overnight.", "Zaporizhzhia", ZAPORIZHZHIA),
])
def test_otherwise_the_town_stays(reader, text, name, town_id):
    found = _mention(reader, text, name)
    assert found.kind is MentionKind.SETTLEMENT and found.place.id == town_id


def test_a_claim_is_measured_to_the_facility_not_its_town(reader):
    text = "Nikopol, about 10 km from the Zaporizhzhia nuclear power plant, is shelled daily."
    verdict = reader.analyse(Report(text=text)).verdicts[0]
    assert verdict.claim.subject.place.id == NIKOPOL
    assert verdict.claim.reference.place.id == ZNPP  # the city would be 62.9 km off
    assert verdict.measured_km == pytest.approx(NIKOPOL_ZNPP_KM, abs=0.05)
    # centre point to plant: "about 10 km" is more than rounding and the slack below 15.9 km
    assert verdict.status is Status.INCONSISTENT


def test_a_facility_is_a_claim_subject(reader):
    text = ("The Chornobyl nuclear power plant, about 100 km north of Kyiv, was seized on the "
            "first day of the invasion.")
    verdict = reader.analyse(Report(text=text)).verdicts[0]
    assert verdict.claim.subject.place.id == CHORNOBYL_NPP
    assert verdict.claim.reference.place.id == KYIV
    assert verdict.measured_km == pytest.approx(KYIV_CHORNOBYL_NPP_KM, abs=0.05)
    assert verdict.status is Status.CONSISTENT


@pytest.mark.parametrize("text, facility_id", [
    ("Russian forces shelled the Zaporizhzhia nuclear power plant overnight.", ZNPP),
    ("Russian missiles struck the Dnipro HPP in Zaporizhzhia on Friday.", DNIPRO_HPP),
])
def test_an_event_at_a_facility_is_placed_at_it(reader, text, facility_id):
    events = reader.analyse(Report(text=text)).events
    strikes = [e for e in events if e.kind is EventKind.STRIKE]
    assert strikes and all(e.mention.place.id == facility_id for e in strikes)


def test_each_facility_of_a_list_has_its_strike(reader):
    text = ("Russian missiles struck the Burshtyn thermal power plant and the Dniester "
            "hydroelectric plant overnight, the grid operator said.")
    strikes = [e for e in reader.analyse(Report(text=text)).events if e.kind is EventKind.STRIKE]
    assert [e.mention.place.id for e in strikes] == [BURSHTYN_TPP, DNIESTER_HPP]


@pytest.mark.parametrize("text, kinds", [
    # aircraft destroyed where the sentence speaks of an airfield stood on it: a strike
    ("Ukrainian forces hit the Saky airbase in Crimea, destroying several aircraft.",
     [EventKind.STRIKE]),
    ("Drones destroyed two Su-24 bombers parked at the Saky airfield.", [EventKind.STRIKE]),
    # "hit" is a strike when a place is its object
    ("Ukrainian missiles hit the Saky air base overnight.", [EventKind.STRIKE]),
])
def test_aircraft_destroyed_at_an_airfield_are_a_strike_not_an_interception(reader, text,
                                                                           kinds):
    events = reader.analyse(Report(text=text)).events
    assert [e.kind for e in events] == kinds
    assert all(e.mention.place.id == SAKY_AIRBASE for e in events)
