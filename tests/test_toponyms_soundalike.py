"""English words that only sound like places: a word met by its phonetic skeleton alone is a
place in English text only as a spelling variant of a place's name ("Kharkov", "Gulyaipole"),
not as a word of the same consonant frame ("Prime": Perm, "Korean": Kurgan, "Alaska": Olesko);
small towns far from the war need a cue word ("European Union" is not Union, New Jersey);
seas, straits and estuaries are not the towns named like them ("Azov coast", "Kerch Strait",
"Dnipro-Buh lyman"); a Ukrainian adjective is a district, not the village ("Darnytskyi").

Expected ids are GeoNames ids checked against the shipped gazetteer by oblast, raion,
coordinates and population (given beside each)."""

from __future__ import annotations

import pytest

from geo import text
from geo.models import MentionKind
from geo.reports import Reader

#: Kharkiv city (49.98, 36.25), 1,421,125 people.
KHARKIV = 706483
#: Hulyaypole, Polohivskyi raion, Zaporizhzhia oblast (47.67, 36.26), 13,446 people.
HULYAIPOLE = 707898
#: Kurakhove, Pokrovskyi raion, Donetsk oblast (47.98, 37.28), 18,220 people.
KURAKHOVE = 695357
#: Selydove, Pokrovskyi raion, Donetsk oblast (48.15, 37.30), 21,521 people.
SELYDOVE = 694677
#: Ocheretyne, Pokrovskyi raion, Donetsk oblast (48.24, 37.62), 4,068 people.
OCHERETYNE = 698759
#: Krasnohorivka, Pokrovskyi raion, Donetsk oblast (48.00, 37.51), 14,666 people.
KRASNOHORIVKA = 704393
#: Vovchansk, Chuhuivskyi raion, Kharkiv oblast (50.29, 36.94), 17,459 people.
VOVCHANSK = 689304
#: Lysychansk, Siverskodonetskyi raion, Luhansk oblast (48.91, 38.42), 93,340 people.
LYSYCHANSK = 702972
#: Vuhledar, Volnovaskyi raion, Donetsk oblast (47.78, 37.25), 14,144 people.
VUHLEDAR = 690823
#: Bakhmut, Bakhmutskyi raion, Donetsk oblast (48.59, 38.00), once Artemovsk.
BAKHMUT = 713174
#: Zaporizhzhia city (47.85, 35.12), 710,052 people.
ZAPORIZHZHIA = 687700
#: Chernihiv city (51.51, 31.29), 282,747 people.
CHERNIHIV = 710735
#: Hlukhiv, Shostkynskyi raion, Sumy oblast (51.68, 33.92), 31,789 people.
HLUKHIV = 707758
#: Odesa city (46.48, 30.73).
ODESA = 698740
#: Union, New Jersey, USA (40.70, -74.26), 56,771 people.
UNION_NJ = 5105608


@pytest.fixture(scope="module")
def reader(gazetteer):
    return Reader(gazetteer)


def settlements(reader, text_):
    return {m.text: m for m in reader.analyse(text_).mentions
            if m.kind is MentionKind.SETTLEMENT}


@pytest.mark.parametrize(("text_", "words"), [
    ("Prime Minister Yulia Svyrydenko said the energy grid held through the night.", ["Prime"]),
    ("According to Prime Minister Keir Starmer, Britain will send more drones.", ["Prime"]),
    ("North Korean troops were spotted alongside Russian units in the Kursk region.",
     ["Korean"]),
    ("Pyongyang has sent thousands of Korean soldiers, Seoul's intelligence service said.",
     ["Korean"]),
    ("The Alaska summit between the two leaders ended without a ceasefire.", ["Alaska"]),
    ("After the meeting in Alaska, the envoy flew back to Washington.", ["Alaska"]),
    ("The European Union agreed a nineteenth sanctions package against Moscow.", ["Union"]),
    ("Foreign ministers of the European Union met in Brussels to discuss frozen assets.",
     ["Union"]),
    ("Ukrainian crews operate Bradley fighting vehicles on the eastern front.", ["Bradley"]),
    ("A Bradley and two Abrams tanks were filmed in the fields.", ["Bradley", "Abrams"]),
    ("Russian missiles struck the Azov coast overnight, the regional governor said.", ["Azov"]),
    ("Shelling continued along the Azov coast and near the Kinburn Spit.", ["Azov"]),
    ("Ukraine targeted the ferry crossing in the Kerch Strait again.", ["Kerch"]),
    ("Ukrainian special forces landed on the Dnipro-Buh lyman at night.", ["Dnipro"]),
    ("Boats crossed the Dnipro-Bug estuary under cover of darkness.", ["Dnipro"]),
    ("Debris fell in the Darnytskyi and Dniprovskyi districts of the capital.",
     ["Darnytskyi", "Dniprovskyi"]),
    ("A Smerch multiple rocket launcher was destroyed by a drone, the brigade said.",
     ["Smerch"]),
    ("Russia now produces the Geran drone at a plant in Tatarstan.", ["Geran"]),
    ("The Peter and Paul Fortress in the city was lit in national colours.", ["Peter"]),
    ("The Kremlin said Peter the Great's statue would be restored.", ["Peter"]),
    ("Masks, helmets and vests were handed to the Territorial Defence.", ["Masks"]),
    ("North Korean and Chinese components were found in the missile, investigators said.",
     ["Korean"]),
    ("British Storm Shadow missiles struck a command post in occupied territory.",
     ["Storm", "Shadow"]),
    ("King Charles met the Ukrainian ambassador in London.", ["King"]),
])
def test_english_words_are_no_places(reader, text_, words):
    found = settlements(reader, text_)
    assert not [word for word in words if word in found]


@pytest.mark.parametrize(("text_", "surface", "geonameid"), [
    ("Two people were wounded in a strike on Kharkov overnight.", "Kharkov", KHARKIV),
    ("Russian forces attacked near Gulyaipole in the Zaporizhzhia region.", "Gulyaipole",
     HULYAIPOLE),
    ("Residents fled from Gulyaypole as the front moved closer.", "Gulyaypole", HULYAIPOLE),
    ("Russian troops shelled Zaporozhye and Gulyai-Pole overnight.", "Gulyai-Pole",
     HULYAIPOLE),
    ("Fighting raged on the outskirts of Kurakhovo, the general staff said.", "Kurakhovo",
     KURAKHOVE),
    ("Russian units entered Selidovo from the south-east.", "Selidovo", SELYDOVE),
    ("Troops advanced past Ocheretino towards Pokrovsk.", "Ocheretino", OCHERETYNE),
    ("Moscow claimed its troops had taken Krasnogorovka west of Donetsk.", "Krasnogorovka",
     KRASNOHORIVKA),
    ("Shelling damaged homes in Volchansk near the border.", "Volchansk", VOVCHANSK),
    ("Evacuations continued from Lisichansk and Severodonetsk in 2022.", "Lisichansk",
     LYSYCHANSK),
    ("The garrison withdrew from Ugledar after weeks of shelling.", "Ugledar", VUHLEDAR),
    ("Wagner fighters claimed to have encircled Artemovsk last spring.", "Artemovsk", BAKHMUT),
    ("Air raid sirens sounded in Zaporozhye after a missile launch.", "Zaporozhye",
     ZAPORIZHZHIA),
    ("Russian troops attacked near Zaporozhe and Vuhledar, the army said.", "Zaporozhe",
     ZAPORIZHZHIA),
    ("A missile hit an apartment block in Chernigov.", "Chernigov", CHERNIHIV),
    ("Russian drones struck Glukhov in the Sumy region.", "Glukhov", HLUKHIV),
    # an oblast's coast is the oblast's, and its name is still found
    ("Russian drones attacked ships off the Odesa coast overnight.", "Odesa", ODESA),
    # a small town far from the war, after a cue word
    ("He was born in Union, New Jersey, before moving to Kyiv.", "Union", UNION_NJ),
    # Czech and Polish case forms are no English text: read as before
    ("Ruská armáda ostřelovala okolí Charkova a Bachmutu, uvedl štáb.", "Charkova", KHARKIV),
    ("Ruská armáda ostřelovala okolí Charkova a Bachmutu, uvedl štáb.", "Bachmutu", BAKHMUT),
])
def test_spelling_variants_are_still_places(reader, text_, surface, geonameid):
    mention = settlements(reader, text_)[surface]
    assert mention.place is not None and mention.place.id == geonameid


def test_spelling_key_keeps_vowels_and_folds_consonants():
    assert text.spelling_key("Kharkov") == "harkov"
    assert text.spelling_key("Kharkiv") == "harkiv"
    assert text.spelling_key("Gulyaipole") == text.spelling_key("Huliaipole") == "huliaipole"
    assert text.spelling_key("Zaporizhzhia") == "zaporizia"
