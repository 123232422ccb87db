"""scripts/fingerprint.py: a dump holds the reader's output per text, and diff finds a change."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import fingerprint  # noqa: E402


def test_dump_holds_the_seed_analysis_and_diff_sees_one_change(tmp_path, capsys):
    probes = tmp_path / "probes.txt"
    probes.write_text("Kupiansk lies 120 km east of Kharkiv.\n\nNo place here.\n", encoding="utf-8")
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    assert fingerprint.dump(old, corpus=2, extra=[probes]) == 0
    data = json.loads(old.read_text(encoding="utf-8"))
    seed = next(value for label, value in data.items() if label.startswith("seed:"))
    ids = {m["text"]: m["place"]["geonameid"] for m in seed["mentions"] if m["place"]}
    assert ids["Kupiansk"] == 703656 and ids["Voznesenka"] == 9112507
    probe = data["extra:probes.txt:0"]
    assert [c["stated_km"] for c in probe["claims"]] == [120.0]
    assert "extra:probes.txt:1" not in data and "extra:probes.txt:2" in data
    assert {label.split(":")[0] for label in data} >= {"seed", "corpus", "extra"}

    assert fingerprint.diff(old, old, fingerprint.PARTS) == 0
    probe["claims"][0]["stated_km"] = 12.0
    new.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    assert fingerprint.diff(old, new, fingerprint.PARTS) == 1
    out = capsys.readouterr().out
    assert "extra:probes.txt:0 claims:" in out and "1 of" in out
    assert fingerprint.diff(old, new, ("mentions",)) == 0
