"""The data manifest: corrupt or missing files are named at load, with how to rebuild."""

from __future__ import annotations

import json
import shutil

import pytest

from geo.datafiles import DATA_DIR, MANIFEST, checked, sha256_of
from geo.errors import DataError
from geo.gazetteer import Gazetteer


def test_manifest_lists_every_shipped_parquet_with_its_hash():
    manifest = json.loads((DATA_DIR / MANIFEST).read_text())
    shipped = sorted(p.name for p in DATA_DIR.glob("*.parquet"))
    assert sorted(manifest) == shipped
    for name in shipped:
        assert manifest[name]["sha256"] == sha256_of(DATA_DIR / name)


@pytest.fixture
def data_copy(tmp_path):
    for name in ("places.parquet", "name_index.parquet", "admin_units.parquet", MANIFEST):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    return tmp_path


def test_a_copy_loads(data_copy):
    assert len(Gazetteer(data_copy)) == len(Gazetteer())


def test_corrupt_file_is_detected_at_load(data_copy):
    target = data_copy / "places.parquet"
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0xFF
    target.write_bytes(bytes(data))
    with pytest.raises(DataError, match=r"places\.parquet is corrupt .*make data"):
        Gazetteer(data_copy)


def test_truncated_and_missing_files_are_detected(data_copy):
    target = data_copy / "name_index.parquet"
    target.write_bytes(target.read_bytes()[:1000])
    with pytest.raises(DataError, match="1,000 bytes where the manifest says"):
        checked(target)
    (data_copy / "admin_units.parquet").unlink()
    with pytest.raises(DataError, match="admin_units.parquet is missing"):
        checked(data_copy / "admin_units.parquet")
