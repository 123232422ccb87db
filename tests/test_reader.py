"""Reading reports: formats, mentions, disambiguation, and the seed's acceptance values."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from geo.errors import BadInputError
from geo.models import ClaimKind, MentionKind, Status
from geo.reports import MAX_REPORT_BYTES, Reader, load_reports, parse_report
from geo.toponyms import ToponymFinder, resolve_mentions

SEED = "seeds/000_014aeed3c577199d.txt"


@pytest.fixture(scope="module")
def reader(gazetteer):
    return Reader(gazetteer)


@pytest.fixture(scope="module")
def seed(reader):
    (report,) = load_reports(SEED)
    return reader.analyse(report)


def first(analysis, surface):
    return next(m for m in analysis.mentions if m.text == surface
                and m.kind is MentionKind.SETTLEMENT)


def test_seed_header_gives_date_and_title():
    (report,) = load_reports(SEED)
    assert report.date == dt.date(2024, 11, 14)
    assert report.title.startswith("Ukraine updates")
    assert report.text.startswith("What you need to know")


@pytest.mark.parametrize(("surface", "geonameid"), [
    ("Kupiansk", 703656), ("Kharkiv", 706483), ("Pokrovsk", 704422), ("Voznesenka", 9112507),
    ("Geneva", 2660646), ("Budapest", 3054643), ("Moscow", 524901), ("Washington", 4140963),
])
def test_seed_places_resolve(seed, surface, geonameid):
    assert first(seed, surface).place.id == geonameid


def test_voznesenka_reason_cites_the_text(seed):
    mention = first(seed, "Voznesenka")
    assert len(mention.candidates) >= 9
    assert "Donetsk" in mention.reason or "south of" in mention.reason
    assert mention.confidence >= 0.75


def test_mention_offsets_index_the_text(seed):
    for mention in seed.mentions:
        assert seed.report.text[mention.start:mention.end] == mention.text


def test_donetsk_oblast_is_a_region_not_the_city(seed):
    kinds = {(m.text, m.kind) for m in seed.mentions}
    assert ("Donetsk", MentionKind.OBLAST) in kinds
    assert ("Donetsk", MentionKind.SETTLEMENT) not in kinds
    assert ("Kharkiv", MentionKind.OBLAST) in kinds


def claim(seed, kind, reference_text=None):
    for verdict in seed.verdicts:
        c = verdict.claim
        if c.kind is kind and (reference_text is None or (
                c.reference is not None and c.reference.text == reference_text)):
            return verdict
    raise AssertionError(f"no {kind} claim on {reference_text}")


def test_seed_distance_claim_kharkiv(seed):
    verdict = claim(seed, ClaimKind.DISTANCE, "Kharkiv")
    assert verdict.claim.subject.place.id == 703656
    assert verdict.claim.distance.km == 120 and verdict.claim.distance.alt_value == 75
    assert abs(verdict.measured_km - 102.45) < 0.5
    assert abs(verdict.bearing_deg - 106.6) < 1.0
    assert abs(verdict.ratio - 120 / 102.45) < 0.02
    assert verdict.status is Status.CONSISTENT
    assert verdict.direction_status is Status.CONSISTENT
    assert verdict.units_status is Status.CONSISTENT


def test_seed_border_claim(seed):
    verdict = claim(seed, ClaimKind.BORDER_DISTANCE)
    assert verdict.claim.subject.place.id == 703656
    assert abs(verdict.measured_km - 34.8) < 2.0
    assert verdict.status is Status.CONSISTENT


def test_seed_region_and_river_claims(seed):
    assert claim(seed, ClaimKind.REGION).status is Status.CONSISTENT
    assert claim(seed, ClaimKind.RIVER).status in (Status.CONSISTENT, Status.UNVERIFIABLE)


def test_seed_direction_claim_pokrovsk(seed):
    verdict = claim(seed, ClaimKind.DIRECTION, "Pokrovsk")
    assert verdict.claim.subject.place.id == 9112507
    assert abs(verdict.measured_km - 25.09) < 0.2
    assert abs(verdict.bearing_deg - 166.5) < 1.0
    assert verdict.status is Status.CONSISTENT


def test_place_abroad_is_never_a_ukrainian_village(gazetteer):
    text = "Talks were held in Geneva and later in Budapest; Moscow did not comment."
    mentions = resolve_mentions(ToponymFinder(gazetteer).find(text), text, gazetteer)
    assert {m.place.country_code for m in mentions if m.place} == {"CH", "HU", "RU"}


def test_ordinary_words_and_people_are_not_places(gazetteer):
    text = ("Mayor Ivan Petrenko said the bar near the station reopened. Olena Koval told "
            "reporters that the army would hold Kupiansk's eastern districts.")
    found = [m.text for m in ToponymFinder(gazetteer).find(text)
             if m.kind is MentionKind.SETTLEMENT]
    assert found == ["Kupiansk"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Officials said Nikopol was shelled again.", ["Nikopol"]),
    ("The governor said Nikopol and Marhanets were hit.", ["Nikopol", "Marhanets"]),
    ("Officials said Vorozhba, a town near the border, was hit.", ["Vorozhba"]),
    ("The line held, said Shevchenko.", []),
    ("The line held, said Shevchenko, a battalion commander.", []),
    ("\"We hold,\" said Oleh Lysenko.", []),
    ("„Wir halten“, fügte Shevchenko hinzu.", []),
])
def test_a_name_after_said_is_a_speaker_only_where_the_clause_ends(gazetteer, text, expected):
    # Nikopol (700051), Vorozhba (688961), Shevchenko and Lysenko (villages, and surnames)
    # are all in the gazetteer: only the words around them decide.
    found = [m.text for m in ToponymFinder(gazetteer).find(text)
             if m.kind is MentionKind.SETTLEMENT]
    assert found == expected


@pytest.mark.parametrize(("text", "surface", "geonameid"), [
    # Rostov-on-Don (501175) is "Rostov" only by an alias; a Sumy-oblast hamlet bears the name
    ("A refinery in Russia's Rostov region caught fire.", "Rostov", 501175),
    ("In the Rostov region, a drone hit an airfield.", "Rostov", 501175),
    # Millerovo, Rostov oblast of Russia (526558), has Ukrainian namesakes
    ("Explosions were reported in Millerovo, Russia, overnight.", "Millerovo", 526558),
    ("Drones hit an airbase near the Russian town of Millerovo.", "Millerovo", 526558),
    ("A drone hit Russia's Millerovo airfield.", "Millerovo", 526558),
    # a Ukrainian town's "region" and "Russian-occupied" stay in Ukraine
    ("Fighting continued in the Pokrovsk region.", "Pokrovsk", 704422),
    ("Drones hit Russian-occupied Melitopol.", "Melitopol", 701404),
])
def test_the_text_places_a_namesake_abroad(reader, text, surface, geonameid):
    assert first(reader.analyse(text), surface).place.id == geonameid


def test_a_city_known_by_a_former_name_is_not_what_that_name_usually_means(reader):
    # Donetsk (709717) was once called Oleksandrivka, the own name of a hundred villages; a
    # spelling of a city's own name (Gorlovka, Horlivka 707753) still means the city
    village = first(reader.analyse("Shelling hit Oleksandrivka overnight."), "Oleksandrivka")
    assert village.place.id != 709717 and village.place.name == "Oleksandrivka"
    assert first(reader.analyse("Shelling hit Gorlovka overnight."), "Gorlovka").place.id \
        == 707753


def test_a_dominant_town_is_the_usual_meaning_and_anchors_its_neighbours(reader):
    # Avdiivka (713122, population 35,826 against 2,012 and 501 for its namesakes) settles the
    # Stepove near it (9113132, 8 km north-west), not the most prominent of 59 elsewhere
    analysis = reader.analyse("Ukrainian forces pushed back near Stepove and Avdiivka.")
    assert first(analysis, "Avdiivka").place.id == 713122
    assert first(analysis, "Stepove").place.id == 9113132


def test_a_capital_standing_for_its_government_anchors_nothing(reader):
    # a Holubivka lies 2 km from Kyiv (13645440): "Kyiv did not confirm" says nothing of where
    for text in ("Kyiv did not confirm the capture of Holubivka.",
                 "Kyiv has denied that Russian troops entered Holubivka."):
        assert first(reader.analyse(text), "Holubivka").place.id != 13645440
    assert first(reader.analyse("Shelling hit Holubivka near Kyiv."), "Holubivka").place.id \
        == 13645440


def test_a_ukrainian_oblast_in_the_sentence_beats_a_famous_foreign_namesake(reader):
    # Male, capital of the Maldives (1282027), and a village of Odesa oblast (702048)
    mention = first(reader.analyse("Russian troops tried to advance towards Male in Odesa "
                                   "oblast but were pushed back."), "Male")
    assert (mention.place.id, mention.place.admin1) == (702048, "Odeska Oblast")


def test_a_relation_that_confirms_the_choice_becomes_its_reason(reader, seed):
    mention = first(reader.analyse("The village of Novoselivka, north of Lyman, came under "
                                   "drone attack."), "Novoselivka")
    assert "north of Lyman" in mention.reason and mention.confidence >= 0.9
    # the oblast the seed names is kept in the reason beside the relation
    reason = first(seed, "Voznesenka").reason
    assert "Donetsk oblast" in reason and "south of the besieged town of Pokrovsk" in reason


@pytest.mark.parametrize(("text", "surface", "geonameid"), [
    # Kirovohrad oblast has a hamlet called Mariupol (13631572): a unit named for another place
    # in an earlier sentence does not move the city of Mariupol (701822)
    ("Russian forces attacked a village in Kirovohrad oblast. A drone hit Mariupol, about "
     "55 km south of Volnovakha.", "Mariupol", 701822),
    # ... and a stated relation overrides it: the Voznesenka south of Pokrovsk (9112507), not
    # the one in Zaporizhzhia oblast (688865)
    ("Fighting raged in Zaporizhzhia oblast on Monday. Moscow claimed Voznesenka, south of "
     "Pokrovsk.", "Voznesenka", 9112507),
    # with nothing else said, the earlier unit still applies
    ("In Zaporizhzhia oblast, shelling continued. Russia claimed the village of Voznesenka.",
     "Voznesenka", 688865),
])
def test_a_unit_named_in_an_earlier_sentence_is_a_weaker_cue(reader, text, surface, geonameid):
    assert first(reader.analyse(text), surface).place.id == geonameid


def test_inflected_and_cyrillic_names(gazetteer):
    text = "Бои идут возле Купянска. Окупанти обстріляли Куп'янськ і Харків."
    mentions = resolve_mentions(ToponymFinder(gazetteer).find(text), text, gazetteer)
    assert [m.place.id for m in mentions] == [703656, 703656, 706483]


def test_multiword_and_hyphenated_names(gazetteer):
    text = ("Shelling hit Velyka Novosilka and Kupiansk-Vuzlovyi; troops held the "
            "Lysychansk-Sievierodonetsk line.")
    surfaces = [m.text for m in ToponymFinder(gazetteer).find(text)]
    assert surfaces == ["Velyka Novosilka", "Kupiansk-Vuzlovyi", "Lysychansk",
                        "Sievierodonetsk"]


def test_relation_picks_the_namesake_in_the_stated_direction(reader):
    analysis = reader.analyse("Fighting continued near Pokrovsk. Troops entered Voznesenka, "
                              "south of Pokrovsk.")
    assert first(analysis, "Voznesenka").place.id == 9112507


def test_a_border_distance_picks_the_namesake_near_that_border(reader):
    # GeoNames has two Zolochivs: 686896 in Lviv oblast (pop. 22,608, the likelier alone) and
    # 686895 in Kharkiv oblast (50.27 N 35.98 E), the one near the Russian border.
    alone = reader.analyse("The strike hit Zolochiv overnight.")
    assert first(alone, "Zolochiv").place.id == 686896
    analysis = reader.analyse("The strike hit Zolochiv, a town roughly 20 km from the Russian "
                              "border.")
    assert first(analysis, "Zolochiv").place.id == 686895
    assert "from the Russian border" in first(analysis, "Zolochiv").reason
    assert [v.status for v in analysis.verdicts] == [Status.CONSISTENT]
    # An oblast the text names settles the place: the claim is then checked, and fails.
    stated = reader.analyse("The strike hit Zolochiv in Lviv oblast, 20 km from the Russian "
                            "border.")
    assert first(stated, "Zolochiv").place.id == 686896
    border = [v for v in stated.verdicts if v.claim.kind is ClaimKind.BORDER_DISTANCE]
    assert [v.status for v in border] == [Status.INCONSISTENT]


def test_override_recomputes_claims(reader):
    text = "Troops entered Voznesenka, about 25 km south of Pokrovsk."
    base = reader.analyse(text)
    mention = first(base, "Voznesenka")
    assert mention.place.id == 9112507
    changed = reader.analyse(text, overrides={mention.start: 688864})
    assert first(changed, "Voznesenka").place.id == 688864
    before = claim(base, ClaimKind.DISTANCE, "Pokrovsk").measured_km
    after = claim(changed, ClaimKind.DISTANCE, "Pokrovsk").measured_km
    assert abs(before - 25.09) < 0.2 and after > 50


@pytest.mark.parametrize(("text", "message"), [
    ("", "empty"), ("  \n\t ", "empty"), ("\x00\x01\x02" * 100, "binary"),
    ("date 2024-13-45 Bad header\nbody", "not YYYY-MM-DD"),
    ("x" * (MAX_REPORT_BYTES + 1), "limit"),
])
def test_bad_reports_raise_clear_errors(text, message):
    with pytest.raises(BadInputError, match=message):
        parse_report(text)


def test_text_without_places_gives_an_empty_analysis(reader):
    analysis = reader.analyse("Nothing happened here today, officials said.")
    assert analysis.mentions == () and analysis.verdicts == () and analysis.events == ()


def test_unknown_reference_and_absurd_figures_never_crash(reader):
    analysis = reader.analyse("Kupiansk lies 12 km from Xyzzyville. Kupiansk is 12000 km east "
                              "of Kharkiv. Kupiansk is 1,20 km from Kharkiv.")
    statuses = {v.claim.text: v.status for v in analysis.verdicts}
    assert any(s is Status.INCONSISTENT for t, s in statuses.items() if "12000" in t)
    assert all(v.explanation for v in analysis.verdicts)


def test_formats_json_jsonl_markdown_utf16(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(
        {"date": "2024-11-14", "title": "T", "text": "Shelling in Kupiansk.", "source": "s"}))
    (tmp_path / "b.jsonl").write_text("\n".join(json.dumps({"text": f"Report {i} on Izium."})
                                                for i in range(3)))
    (tmp_path / "c.md").write_text("# Daily note\n\nFighting near Lyman.")
    (tmp_path / "d.txt").write_bytes("Обстріл Харкова.".encode("utf-16"))
    (tmp_path / "e.txt").write_bytes(b"caf\xe9 in Kyiv")
    assert next(load_reports(tmp_path / "a.json")).date == dt.date(2024, 11, 14)
    assert len(list(load_reports(tmp_path / "b.jsonl"))) == 3
    assert next(load_reports(tmp_path / "c.md")).title == "Daily note"
    assert "Харкова" in next(load_reports(tmp_path / "d.txt")).text
    with pytest.raises(BadInputError, match="not UTF-8"):
        next(load_reports(tmp_path / "e.txt"))


def test_coherence_prefers_the_likelier_of_namesakes_about_as_near():
    from geo.reports import analyse

    # GeoNames lists a hamlet near the city as "Bakhmut" too; both lie about 12 km from
    # Chasiv Yar: the city (713174) is meant.
    analysis = analyse("Fighting continues near Chasiv Yar and Bakhmut.")
    (bakhmut,) = [m for m in analysis.mentions if m.text == "Bakhmut"]
    assert bakhmut.place.id == 713174 and len(bakhmut.candidates) > 1


def test_a_military_units_name_is_not_a_hamlet():
    from geo.reports import analyse

    # Marine is also a hamlet of 132 (GeoNames 701826); "Marine Corps" is a unit. A city's
    # name before "Brigade" still names the city.
    texts = {m.text for m in analyse("Sources in the Marine Corps said the troops withdrew "
                                     "from the village.").mentions}
    assert "Marine" not in texts
    kharkiv = analyse("The Kharkiv Brigade fought near Vovchansk.").mentions
    assert [m.place.id for m in kharkiv] == [706483, 689304]


def test_reports_from_arguments_tells_files_from_text(tmp_path):
    from geo.errors import BadInputError
    from geo.reports import reports_from_arguments

    report = tmp_path / "kupiansk.txt"
    report.write_text("date 2024-11-20 Shelling\nShelling hit Kupiansk overnight.",
                      encoding="utf-8")
    long_cyrillic = "Обстріл Херсона. " * 20  # 340 characters, 620 bytes: no file name
    loaded, typed, cyrillic = reports_from_arguments(
        [str(report), "Shelling hit Izium.", long_cyrillic])
    assert loaded.date.isoformat() == "2024-11-20" and "Kupiansk" in loaded.text
    assert typed.text == "Shelling hit Izium."
    assert cyrillic.text.startswith("Обстріл Херсона.")
    with pytest.raises(BadInputError, match="no such file"):
        reports_from_arguments([str(tmp_path / "missing.jsonl")])
