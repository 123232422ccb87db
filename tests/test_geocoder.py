"""OfflineGeocoder: geopy's interface, context in queries, ranking, bad input, fallback."""

from __future__ import annotations

import pytest
from geopy.exc import GeocoderServiceError, GeocoderTimedOut
from geopy.location import Location

from geo.errors import BadInputError
from geo.geocoder import OfflineGeocoder, cached_rate_limited
from tests.test_text import KUPIANSK_SPELLINGS


@pytest.mark.parametrize("spelling", KUPIANSK_SPELLINGS)
def test_every_spelling_geocodes_to_kupiansk(geocoder, spelling):
    loc = geocoder.geocode(spelling)
    assert isinstance(loc, Location)
    assert loc.raw["geonameid"] == 703656
    assert loc.point[:2] == (49.71003, 37.61581)


@pytest.mark.parametrize(("query", "geonameid"), [
    ("Kharkiv", 706483), ("Kharkov", 706483), ("Харків", 706483), ("Zaporizhzhia", 687700),
    ("Zaporozhye", 687700), ("Artemivsk", 713174), ("Bakhmut", 713174), ("Geneva", 2660646),
    ("Budapest", 3054643), ("Moscow", 524901), ("Belgorod", 578072), ("Kursk", 538560),
    ("Washington", 4140963),
])
def test_unqualified_names_pick_the_prominent_place(geocoder, query, geonameid):
    loc = geocoder.geocode(query)
    assert loc.raw["geonameid"] == geonameid


def test_oblast_context_keeps_only_that_oblast(geocoder):
    found = geocoder.geocode("Voznesenka, Donetsk oblast", exactly_one=False)
    assert {loc.raw["geonameid"] for loc in found} == {9112507, 688864}
    assert all(loc.raw["admin1_code"] == "05" for loc in found)
    assert "Donetska Oblast" in found[0].raw["reason"]


def test_raion_context_picks_the_pokrovsk_voznesenka(geocoder):
    loc = geocoder.geocode("Voznesenka, Pokrovsk raion")
    assert loc.raw["geonameid"] == 9112507
    assert loc.point[:2] == (48.06075, 37.25573)
    assert loc.raw["ambiguous"] is False


@pytest.mark.parametrize("query", [
    "Voznesenka, Rajon Pokrowsk, Oblast Donezk", "Voznesenka, raïon de Pokrovsk",
    "Voznesenka, distretto di Pokrovs'k", "Voznesenka, Raion of Pokrovsk, Oblast of Donetsk",
    "Вознесенка, Покровский район, Донецкая область",
])
def test_raion_and_oblast_words_of_other_languages(geocoder, query):
    assert geocoder.geocode(query).raw["geonameid"] == 9112507


def test_a_hromada_with_its_kind_is_read_as_near_its_centre(geocoder):
    # Izium urban hromada: the Kamianka near Izium (GeoNames 707051, 49.12 N 37.30 E), not the
    # likelier one of Lozova raion.
    loc = geocoder.geocode("Kamianka, Izium urban hromada, Kharkiv Oblast")
    assert loc.raw["geonameid"] == 707051


def test_bare_qualifier_reads_as_the_oblast(geocoder):
    assert geocoder.geocode("Lyman, Donetsk").raw["admin1_code"] == "05"
    assert geocoder.geocode("Lyman (Kharkiv oblast)").raw["admin1_code"] == "07"


def test_ambiguous_answer_says_so(geocoder):
    loc = geocoder.geocode("Voznesenka")
    assert loc.raw["ambiguous"] is True and loc.raw["candidate_count"] >= 9
    assert "ranked first" in loc.raw["reason"]
    everything = geocoder.geocode("Voznesenka", exactly_one=False)
    assert len(everything) == loc.raw["candidate_count"]
    assert everything[0].raw["geonameid"] == loc.raw["geonameid"]


def test_raw_carries_the_place_record(geocoder):
    raw = geocoder.geocode("Pokrovsk").raw
    assert {"geonameid", "admin1", "admin2", "feature_code", "population"} <= set(raw)
    assert raw["admin2"] == "Pokrovskyi Raion" and raw["population"] == 60127


def test_reverse_finds_the_nearest_village(geocoder):
    loc = geocoder.reverse((48.0608, 37.2556))
    assert loc.raw["geonameid"] == 9112507 and loc.raw["distance_km"] < 0.1
    assert geocoder.reverse("0, -30") is None  # mid-Atlantic


@pytest.mark.parametrize(("query", "message"), [
    ("", "empty"), ("   \n", "empty"), ("x" * 10_000, "10,000 characters"),
    (b"\xff\xfe\x00\x01", "binary"), ("ab\x00cd", "control or binary"), (None, "must be text"),
])
def test_bad_queries_raise_a_clear_error(geocoder, query, message):
    with pytest.raises(BadInputError, match=message):
        geocoder.geocode(query)


def test_unknown_place_is_none(geocoder):
    assert geocoder.geocode("Xyzzyville") is None
    assert geocoder.geocode("Xyzzyville", exactly_one=False) == []


class FakeOnline:
    """A stand-in for an online geocoder (the tests never reach the network)."""

    def __init__(self, answer=None, error=None):
        self.answer, self.error, self.calls = answer, error, []

    def geocode(self, query, exactly_one=True):
        self.calls.append(query)
        if self.error:
            raise self.error
        return self.answer


def test_fallback_is_asked_only_when_offline_fails(gazetteer):
    online = FakeOnline(Location("Xyzzyville, Nowhere", (1.0, 2.0), {"place_id": 1}))
    geocoder = OfflineGeocoder(gazetteer, fallback=online)
    assert geocoder.geocode("Kupiansk").raw["geonameid"] == 703656
    assert online.calls == []
    loc = geocoder.geocode("Xyzzyville")
    assert online.calls == ["Xyzzyville"] and loc.point[:2] == (1.0, 2.0)
    assert loc.raw["source"] == "online fallback"


@pytest.mark.parametrize("error", [GeocoderTimedOut("timed out"),
                                   GeocoderServiceError("HTTP 429")])
def test_fallback_failures_warn_and_answer_none(gazetteer, error):
    geocoder = OfflineGeocoder(gazetteer, fallback=FakeOnline(error=error))
    assert geocoder.geocode("Xyzzyville") is None
    assert "online geocoder failed" in geocoder.warnings[-1]


def test_cached_rate_limited_asks_once_per_query(tmp_path):
    online = FakeOnline(Location("Somewhere", (10.0, 20.0), {"id": 5}))
    lookup = cached_rate_limited(online, tmp_path / "cache.json", min_delay_seconds=0)
    first = lookup("Somewhere")
    again = cached_rate_limited(online, tmp_path / "cache.json", min_delay_seconds=0)(
        "Somewhere")
    assert online.calls == ["Somewhere"]
    assert (first.point[:2], again.point[:2]) == ((10.0, 20.0), (10.0, 20.0))


@pytest.mark.parametrize("query, geonameid", [
    ("Sloviansk", 693468),      # not Nikopol, which GeoNames also lists as "Slov'iansk"
    ("Slovyansk", 693468),
    ("Krasnyi Lyman", 704204),  # the town renamed Lyman, not a village of 592 still so called
    ("Artemivsk", 713174),      # Bakhmut's former name
])
def test_an_alias_unlike_the_places_own_name_loses_to_a_real_namesake(gazetteer, query,
                                                                      geonameid):
    assert OfflineGeocoder(gazetteer).geocode(query).raw["geonameid"] == geonameid
