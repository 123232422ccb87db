"""Build ``data/frontline.parquet``: daily occupied-area maps and their line of contact.

Source: ``data/frontline/deepstate_daily.tar.xz`` under the shared folder: one GeoJSON file a
day, ``data/deepstatemap_data_YYYYMMDD.geojson``, each one MultiPolygon of the Russian-occupied
area of Ukraine as DeepStateMap.Live published it at about 03:00 UTC that day (collection
cyterat/deepstate-map-data, GPL-3.0). Read straight from the archive, nothing is extracted.

Output: GeoParquet (EPSG:4326, zstd level 19), one row per map, ascending by date:
- ``date``: Parquet DATE (read back as ``datetime.date``);
- ``geometry``: the occupied area exactly as published (no rounding, no simplification);
- ``contact``: the line of contact derived from it (``geo.frontline.line_of_contact``).

The line of contact needs Ukraine's outline. The coast comes from Natural Earth 10 m admin-0
(Ukraine's boundary minus its land borders with its seven neighbours); the land border comes
from geoBoundaries' Ukraine outline, which follows the same (OSM-like) border as the maps to
within about 1 km, where Natural Earth's generalised border strays up to about 5 km. Run
``python scripts/build_frontline.py [--shared ../shared] [--out data]``; re-running writes the
same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import tarfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.frontline import (  # noqa: E402
    CONTACT_BORDER_TOLERANCE_KM,
    CONTACT_COAST_TOLERANCE_KM,
    CONTACT_MIN_HOLE_KM2,
    UKRAINE_LAEA,
    contact_region,
    line_of_contact,
)

ARCHIVE = "data/frontline/deepstate_daily.tar.xz"
NATURAL_EARTH = "data/borders/ne_10m_admin_0_countries_deu.zip"
GEOBOUNDARIES_OUTLINE = "data/admin/ukraine-boundary.geojson.gz"
OUTPUT = "frontline.parquet"
#: Ukraine's neighbours by Natural Earth ADM0_A3; Ukraine's boundary shared with them is land.
NEIGHBOURS = ("BLR", "HUN", "MDA", "POL", "ROU", "RUS", "SVK")
ZSTD_LEVEL = 19
_MEMBER = re.compile(r"(?:^|/)deepstatemap_data_(\d{8})\.geojson$")


def read_snapshots(archive: Path) -> list[tuple[dt.date, BaseGeometry]]:
    """(date, occupied MultiPolygon) for every daily GeoJSON in the tar.xz, sorted by date."""
    snapshots: dict[dt.date, BaseGeometry] = {}
    with tarfile.open(archive, mode="r:xz") as tar:
        for member in tar:
            match = _MEMBER.search(member.name)
            if not member.isfile() or not match:
                continue
            day = dt.datetime.strptime(match.group(1), "%Y%m%d").date()
            with tar.extractfile(member) as handle:
                collection = json.load(handle)
            parts = [shape(f["geometry"]) for f in collection["features"] if f.get("geometry")]
            if not parts:
                raise SystemExit(f"{member.name}: no geometry")
            geometry = parts[0] if len(parts) == 1 else shapely.union_all(parts)
            if geometry.geom_type == "Polygon":
                geometry = shapely.multipolygons([geometry])
            if not geometry.is_valid:
                geometry = shapely.make_valid(geometry)
            if day in snapshots:
                raise SystemExit(f"{archive}: {day} appears twice")
            snapshots[day] = geometry
    if not snapshots:
        raise SystemExit(f"{archive}: no deepstatemap_data_YYYYMMDD.geojson files")
    return sorted(snapshots.items())


def ukraine_outline(shared: Path) -> tuple[BaseGeometry, BaseGeometry, BaseGeometry]:
    """(land polygon, land border lines, coast lines) of Ukraine in lon/lat.

    Land and coast: Natural Earth 10 m (the edition drawing Crimea as Ukraine); the coast is
    Ukraine's boundary minus what it shares with a neighbour. Land border: the geoBoundaries
    outline's boundary (its seaward edge lies offshore, away from any occupied land).
    """
    countries = gpd.read_file(f"zip://{shared / NATURAL_EARTH}")
    land = countries.loc[countries.ADM0_A3 == "UKR", "geometry"].union_all()
    near = countries.loc[countries.ADM0_A3.isin(NEIGHBOURS), "geometry"].clip(
        shapely.box(*shapely.bounds(land.buffer(1.0)))
    )
    neighbours = near.union_all()
    shared_border = land.boundary.intersection(neighbours.buffer(1e-5))  # about 1 m
    coast = land.boundary.difference(shared_border.buffer(1e-5))
    outline = gpd.read_file(f"/vsigzip/{shared / GEOBOUNDARIES_OUTLINE}").geometry.union_all()
    return land, outline.boundary, coast


def build(shared_dir: Path, out_dir: Path) -> dict:
    """Write ``out_dir/frontline.parquet`` from the raw files under ``shared_dir``; its figures.

    Returns rows, first/last date, distinct geometries, vertices, file size (bytes), the
    contact tolerances (km) and the line-of-contact length range (km).
    """
    shared_dir, out_dir = Path(shared_dir), Path(out_dir)
    snapshots = read_snapshots(shared_dir / ARCHIVE)
    land, land_border, coast = ukraine_outline(shared_dir)
    region = contact_region(land, land_border, coast)
    shapely.prepare(region)

    dates = [day for day, _ in snapshots]
    occupied = np.array([geometry for _, geometry in snapshots], dtype=object)
    contact = np.array([line_of_contact(g, region) for g in occupied], dtype=object)

    frame = gpd.GeoDataFrame(
        {
            "date": pd.Series(dates, dtype=object),
            "geometry": gpd.GeoSeries(occupied, crs="EPSG:4326"),
            "contact": gpd.GeoSeries(contact, crs="EPSG:4326"),
        },
        geometry="geometry",
        crs="EPSG:4326",
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / OUTPUT
    frame.to_parquet(
        path,
        index=False,
        compression="zstd",
        compression_level=ZSTD_LEVEL,
        write_covering_bbox=False,
    )
    contact_km = frame["contact"].to_crs(UKRAINE_LAEA).length / 1000.0
    figures = {
        "rows": len(frame),
        "first": dates[0].isoformat(),
        "last": dates[-1].isoformat(),
        "distinct_geometries": len({g.wkb for g in occupied}),
        "vertices": int(shapely.get_num_coordinates(occupied).sum()),
        "contact_vertices": int(shapely.get_num_coordinates(contact).sum()),
        "size_bytes": path.stat().st_size,
        "border_tolerance_km": CONTACT_BORDER_TOLERANCE_KM,
        "coast_tolerance_km": CONTACT_COAST_TOLERANCE_KM,
        "min_hole_km2": CONTACT_MIN_HOLE_KM2,
        "contact_km_min": round(float(contact_km.min()), 1),
        "contact_km_max": round(float(contact_km.max()), 1),
    }
    print(
        f"wrote {path} ({figures['rows']} maps {figures['first']} .. {figures['last']}, "
        f"{figures['size_bytes'] / 1e6:.2f} MB)"
    )
    return figures


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parent.parent
    parser.add_argument("--shared", type=Path, default=root.parent / "shared")
    parser.add_argument("--out", type=Path, default=root / "data")
    args = parser.parse_args(argv)
    if not (args.shared / ARCHIVE).exists():
        raise SystemExit(f"{args.shared / ARCHIVE} not found (pass --shared)")
    figures = build(args.shared.resolve(), args.out.resolve())
    print(json.dumps(figures, indent=2))
    return figures


if __name__ == "__main__":
    main()
