"""The shipped data files and their manifest: a file is checked against its SHA-256 the first
time it is opened in a process, so a corrupt or truncated file is named at load with the way
to rebuild it, instead of failing later with an obscure Parquet error."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from geo.errors import DataError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
MANIFEST = "MANIFEST.json"
REBUILD_HINT = "rebuild it with `make data` (needs ../shared/data), or restore it from git"


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_manifest(data_dir: Path) -> dict[str, dict]:
    """Record size and SHA-256 of every Parquet file of ``data_dir`` in MANIFEST.json."""
    entries = {p.name: {"bytes": p.stat().st_size, "sha256": sha256_of(p)}
               for p in sorted(data_dir.glob("*.parquet"))}
    (data_dir / MANIFEST).write_text(json.dumps(entries, indent=2) + "\n", encoding="utf-8")
    return entries


@cache
def _manifest(data_dir: Path) -> dict[str, dict]:
    path = data_dir / MANIFEST
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, json.JSONDecodeError) as exc:
        raise DataError(f"{path} is unreadable ({exc}); {REBUILD_HINT}") from exc


@cache
def checked(path: Path) -> Path:
    """``path`` after checking it exists and matches the manifest of its folder (once per
    process). Files the manifest does not list (a user's own data folder) pass unchecked."""
    path = Path(path).resolve()
    if not path.exists():
        raise DataError(f"{path} is missing; {REBUILD_HINT}")
    expected = _manifest(path.parent).get(path.name)
    if expected is None:
        return path
    size = path.stat().st_size
    if size != expected["bytes"]:
        raise DataError(f"{path} is corrupt: {size:,} bytes where the manifest says "
                        f"{expected['bytes']:,}; {REBUILD_HINT}")
    if sha256_of(path) != expected["sha256"]:
        raise DataError(f"{path} is corrupt (SHA-256 differs from data/{MANIFEST}); "
                        f"{REBUILD_HINT}")
    return path
