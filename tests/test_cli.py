"""The `frontline` command, run as a user would (a subprocess of the installed script)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sphere import haversine_km

FRONTLINE = [sys.executable, "-m", "geo.cli"]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*FRONTLINE, *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "COLUMNS": "160"})


def test_distance_kharkiv_kupiansk_json():
    proc = run("distance", "Kharkiv", "Kupiansk", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["from"]["geonameid"] == 706483 and data["to"]["geonameid"] == 703656
    assert abs(data["distance_km"] - 102.5) <= 1.0
    # An independent figure: haversine on the mean sphere agrees within 0.5 %.
    sphere = haversine_km(49.98177, 36.25475, 49.71003, 37.61581)
    assert abs(data["distance_km"] - sphere) / sphere < 0.005
    assert abs(data["bearing_deg"] - 107) <= 1.0
    assert (data["compass8"], data["compass16"]) == ("E", "ESE")
    assert abs(data["distance_mi"] - data["distance_km"] / 1.609344) < 0.01


def test_distance_text_output_names_the_places():
    proc = run("distance", "Pokrovsk", "Voznesenka, Pokrovsk raion")
    assert proc.returncode == 0, proc.stderr
    assert "GeoNames 9112507" in proc.stdout and "25.1 km" in proc.stdout


def test_geocode_json_and_ambiguity_listing():
    proc = run("geocode", "Voznesenka, Donetsk oblast", "--all", "--json")
    assert proc.returncode == 0, proc.stderr
    assert {row["geonameid"] for row in json.loads(proc.stdout)} == {9112507, 688864}
    proc = run("geocode", "Voznesenka")
    assert proc.returncode == 0 and "ambiguous" in proc.stdout


@pytest.mark.parametrize(("args", "code", "message"), [
    (("geocode", "Xyzzyville"), 1, "no place called 'Xyzzyville'"),
    (("geocode", ""), 2, "the query is empty"),
    (("geocode", "junk " * 2000), 2, "characters long"),
    (("geocode", "ab\x01cd"), 2, "control or binary"),
    (("distance", "Kharkiv", "Xyzzyville"), 1, "no place called 'Xyzzyville'"),
    (("check", "no-such-report.txt"), 2, "no such file: no-such-report.txt"),
])
def test_bad_input_gets_a_message_and_no_traceback(args, code, message):
    proc = run(*args)
    assert proc.returncode == code
    assert message in " ".join(proc.stderr.split())
    assert "Traceback" not in proc.stderr + proc.stdout


def test_check_reads_a_long_cyrillic_argument_as_report_text():
    # 170 characters but over 255 bytes in UTF-8: the system refuses it as a file name, which
    # must make it report text, not a crash.
    text = ("Минобороны России заявило об освобождении села Андреевка в Донецкой области, "
            "а в Сумах после обстрела пострадали три человека, сообщил глава области.")
    assert len(text.encode()) > 255
    proc = run("check", "--json", text)
    assert proc.returncode == 0, proc.stderr
    places = {m["text"]: (m["place"] or {}).get("geonameid")
              for m in json.loads(proc.stdout)["mentions"]}
    assert places["Сумах"] == 692194  # GeoNames: Sumy, 50.92 N 34.80 E
    assert places["Андреевка"] is not None


def test_check_prints_places_claims_and_events_of_the_seed():
    seed = next(iter(sorted((Path(__file__).parent.parent / "seeds").glob("*"))))
    proc = run("check", str(seed))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    # Kharkiv to Kupiansk is 102.5 km in a straight line (the seed's "120 kilometers").
    assert any("102.5 km" in line and "consistent" in line for line in lines)
    assert any("capture_claim" in line and "Voznesenka" in line for line in lines)
    assert [line.strip() for line in lines if line.strip() in {"places", "claims", "events"}
            ] == ["places", "claims", "events"]


def test_check_says_what_is_missing_instead_of_empty_tables(tmp_path):
    proc = run("check", "Nothing happened there today.")
    assert proc.returncode == 0 and "no places found in the text" in proc.stdout
    proc = run("check", "Shelling hit Kupiansk overnight.")
    assert "no distance, direction or region claims in the text" in proc.stdout
    future = tmp_path / "future.txt"
    future.write_text("date 2099-01-01 Later\nShelling hit Kupiansk overnight.", encoding="utf-8")
    proc = run("check", str(future))
    assert "warning: the report is dated 2099-01-01, after today" in " ".join(proc.stdout.split())
    proc = run("check", str(tmp_path))
    assert proc.returncode == 2 and "is a directory" in proc.stderr
    assert "Traceback" not in proc.stderr
