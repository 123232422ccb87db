"""The bad-input catalogue: each case states its expected outcome, checked against the library
(geo.reports), the CLI (`frontline check`) and the dashboard's loading code (geo.dashboard).
Nothing crashes, nothing is dropped silently, no traceback reaches a user."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass

import pytest

from geo import dashboard
from geo.errors import BadInputError
from geo.models import Status
from geo.reports import MAX_REPORT_BYTES, Reader, load_reports


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes
    error: str = ""        # the message a refused input gets (a substring)
    verdict: str = ""      # else: a claim whose verdict carries this status and words


CASES = [
    Case("empty", b"", error="empty"),
    Case("whitespace only", b"   \n\t\n  ", error="empty"),
    Case("binary bytes", bytes(range(256)) * 4, error="binary"),
    Case("invalid UTF-8", b"Kupiansk \xff\xfe\xfd lies east", error="not UTF-8"),
    Case("Latin-1", "Kupiansk liegt östlich von Charkiw".encode("latin-1"), error="not UTF-8"),
    Case("malformed seeds header", b"date 2024-02-31 A title\nKupiansk.", error="YYYY-MM-DD"),
    Case("UTF-16 with BOM", "Kupiansk lies 120 km east of Kharkiv.".encode("utf-16"),
         verdict="consistent"),
    Case("decimal comma 1,20 km", b"Kupiansk lies 1,20 km from Kharkiv.",
         verdict="inconsistent"),
    Case("thousands point 1.200 km", b"Kupiansk lies 1.200 km from Kharkiv.",
         verdict="inconsistent"),
    Case("negative -5 km", b"Kupiansk lies -5 km from Kharkiv.",
         verdict="unverifiable:negative"),
    Case("NaN km", b"Kupiansk lies NaN km from Kharkiv.", verdict="unverifiable:cannot read"),
    Case("10^9 km", b"Kupiansk lies 10^9 km from Kharkiv.",
         verdict="unverifiable:cannot read"),
    Case("absurd 12000 km", b"Kupiansk lies 12000 km east of Kharkiv.",
         verdict="inconsistent"),
    Case("unknown reference", b"Kupiansk lies 12 km from Xyzzyville.",
         verdict="unverifiable:Xyzzyville"),
    Case("unknown word as reference", b"Kupiansk lies 12 km from the Crimean peninsula.",
         verdict="unverifiable:'Crimean'"),
    Case("zero-width and RTL characters",
         "Kupi\u200bansk lies 120 km east of \u202eKharkiv\u202c.".encode(),
         verdict="consistent"),
    Case("soft hyphen inside a name", "Kupi\u00adansk lies 120 km east of Kharkiv.".encode(),
         verdict="consistent"),
    Case("Cyrillic only", "Купʼянськ розташований за 120 км на схід від Харкова.".encode(),
         verdict="consistent"),
    Case("mixed scripts", "Kupiansk (Купʼянськ) lies 120 km east of Харків.".encode(),
         verdict="consistent"),
]


@pytest.fixture(scope="module")
def reader(gazetteer):
    return Reader(gazetteer)


def _check_outcome(case: Case, analyses) -> None:
    if not case.verdict:
        for analysis in analyses:
            for m in analysis.mentions:
                assert analysis.report.text[m.start:m.end] == m.text
        return
    status, _, words = case.verdict.partition(":")
    verdicts = [v for a in analyses for v in a.verdicts if v.claim.distance is not None]
    assert verdicts, f"{case.name}: the claim was dropped"
    assert verdicts[0].status is Status(status)
    assert words in verdicts[0].explanation


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_library(case, reader, tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(case.data)
    if case.error:
        with pytest.raises(BadInputError, match=case.error):
            list(load_reports(path))
        return
    _check_outcome(case, [reader.analyse(r) for r in load_reports(path)])


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_dashboard_loading(case, reader):
    if case.error:
        with pytest.raises(BadInputError, match=case.error):
            dashboard.reports_from_upload("upload.txt", case.data)
        return
    loaded = dashboard.analyse_reports(reader, dashboard.reports_from_upload("r.txt", case.data))
    assert loaded.errors == ()
    _check_outcome(case, loaded.analyses)


@pytest.mark.parametrize("case", [c for c in CASES if c.error or c.name == "unknown reference"],
                         ids=lambda c: c.name)
def test_cli(case, tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(case.data)
    proc = subprocess.run([sys.executable, "-m", "geo.cli", "check", str(path)],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "COLUMNS": "200"})
    assert "Traceback" not in proc.stdout + proc.stderr
    if case.error:
        assert proc.returncode == 2
        assert case.error in " ".join(proc.stderr.split())
    else:
        assert proc.returncode == 0 and "unverifiable" in proc.stdout


def test_50_mb_file_gets_a_size_message_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50_000_000)  # sparse: the size is real, nothing is read
    with pytest.raises(BadInputError, match=r"50\.0 MB.*limit"):
        list(load_reports(path))
    with pytest.raises(BadInputError, match="limit"):
        dashboard.reports_from_upload("huge.txt", b"x" * (MAX_REPORT_BYTES + 1))


def test_a_single_1_mb_line_is_read(reader):
    prose = "the convoy moved slowly along the road while observers counted vehicles "
    line = ("Shelling hit Kupiansk, 120 km east of Kharkiv, " + prose * 14_000)[:1_000_000]
    assert "\n" not in line and len(line) == 1_000_000
    (report,) = dashboard.reports_from_upload("line.txt", line.encode())
    analysis = reader.analyse(report)
    assert [m.place.id for m in analysis.mentions] == [703656, 706483]
    (verdict,) = analysis.verdicts
    assert abs(verdict.measured_km - 102.45) < 0.5


def test_name_with_dozens_of_candidates_says_so(reader):
    analysis = reader.analyse("Shelling hit Ivanivka overnight.")
    (mention,) = analysis.mentions
    assert len(mention.candidates) >= 40
    assert mention.confidence < 0.7 and "of that name" in mention.reason


def test_future_date_is_flagged(reader):
    (report,) = dashboard.reports_from_upload(
        "future.txt", b"date 2031-05-01 Forecast\nFighting near Kupiansk.")
    analysis = reader.analyse(report)
    assert any("after today" in w for w in analysis.warnings)


def test_a_long_line_packed_with_place_names_keeps_every_name(reader):
    # 100 kB without a full stop, nothing but names: every one is a mention, resolved as the
    # same name is elsewhere (the cost per name stays flat: see bench/scaling.py).
    names = ["Kupiansk", "Kharkiv", "Pokrovsk", "Izium", "Lyman", "Bakhmut", "Avdiivka"]
    unit = ", ".join(names) + ", "
    line = unit * (100_000 // len(unit))
    (report,) = dashboard.reports_from_upload("names.txt", line.encode())
    analysis = reader.analyse(report)
    assert len(analysis.mentions) == line.count(", ")
    by_name: dict[str, set[int]] = {}
    for m in analysis.mentions:
        by_name.setdefault(m.text, set()).add(m.place.id)
    assert by_name["Kupiansk"] == {703656} and by_name["Kharkiv"] == {706483}
    assert all(len(ids) == 1 for ids in by_name.values())
