"""`frontline batch` / geo.batch: both engines, every input format, failures, GeoParquet output.

One corpus (30 generated reports, hand-written ones, corrupt rows, in JSONL, CSV, Parquet and a
folder) is read once by the local engine (through the CLI, as a user runs it) and once by the
Dask engine on a real LocalCluster; the tests compare and inspect the two outputs.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from bench.make_corpus import make_corpus
from geo import batch
from geo.errors import BadInputError
from geo.exports import to_geodataframe
from geo.reports import MAX_REPORT_BYTES, default_reader, parse_record

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_014aeed3c577199d.txt"
VOZNESENKA = "Troops entered Voznesenka, about 25 km south of Pokrovsk, in Donetsk oblast."
KUPIANSK_MD = ("# Kupiansk update\n"
               "Russian forces attacked Kupiansk in Kharkiv oblast overnight, officials said.\n")
SORT = {"events": ["report_id", "start", "end", "kind", "claimed_by"],
        "places": ["report_id", "start", "end"],
        "verdicts": ["report_id", "start", "end", "kind"],
        "reports": ["report_id", "locator"], "failures": ["locator"]}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict:
    """Inputs of every kind, and the locators the output must account for."""
    root = tmp_path_factory.mktemp("corpus")
    generated = list(make_corpus(30, seed=3))
    lines = [json.dumps({k: r[k] for k in ("text", "date", "title", "source")}).encode()
             for r in generated]
    lines += [json.dumps({"text": VOZNESENKA, "date": "2024-11-14", "title": "hand"}).encode(),
              b'{"text": "\xff\xfe\x00\x01 binary \x00\x00"}',            # binary bytes
              json.dumps({"text": "   "}).encode(),                          # empty text
              json.dumps({"text": "junk " * (5_000_000 // 5)}).encode(),     # 5 MB of junk
              b"{not json at all"]
    jsonl = root / "reports.jsonl"
    jsonl.write_bytes(b"\n".join(lines) + b"\n")
    folder = root / "folder"
    (folder / "sub").mkdir(parents=True)
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    (folder / "sub" / "kupiansk.md").write_text(KUPIANSK_MD, encoding="utf-8")
    (folder / "sub" / "blob.txt").write_bytes(bytes(range(256)) * 10)
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4 ignored: not a report format")
    csv = root / "table.csv"
    pd.DataFrame({"id": [1, 2, 3], "text": [VOZNESENKA, "", KUPIANSK_MD],
                  "date": ["2024-11-14", "", "2024-11-15"], "title": ["c1", "c2", "c3"],
                  "source": ["csv desk", "csv desk", ""]}).to_csv(csv, index=False)
    parquet = root / "table.parquet"
    pq.write_table(pa.table({"text": [KUPIANSK_MD, None, generated[0]["text"]],
                             "title": ["p1", "p2", None]}), parquet)
    locators = ([f"{jsonl}:{n}" for n in range(1, len(lines) + 1)]
                + [str(folder / "seed.txt"), str(folder / "sub" / "blob.txt"),
                   str(folder / "sub" / "kupiansk.md")]
                + [f"{csv}#{n}" for n in (1, 2, 3)] + [f"{parquet}#{n}" for n in (1, 2, 3)])
    return {"root": root, "inputs": [str(jsonl), str(folder), str(csv), str(parquet)],
            "locators": locators, "generated": generated, "jsonl": jsonl, "csv": csv,
            "parquet": parquet, "folder": folder}


@pytest.fixture(scope="module")
def local_run(corpus) -> tuple[Path, dict]:
    """The local engine, through the CLI (2 worker processes)."""
    out = corpus["root"] / "local.parquet"
    proc = subprocess.run(
        [sys.executable, "-m", "geo.cli", "batch", *corpus["inputs"], "-o", str(out),
         "--engine", "local", "--workers", "2", "--partition-size", "10", "--json"],
        capture_output=True, text=True, timeout=180, env={**os.environ, "COLUMNS": "160"})
    assert proc.returncode == 0, proc.stderr
    return out, json.loads(proc.stdout)


@pytest.fixture(scope="module")
def dask_run(corpus) -> tuple[Path, dict]:
    """The Dask engine on a real LocalCluster, reached by its scheduler address."""
    from distributed import LocalCluster

    out = corpus["root"] / "dask.parquet"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        summary = batch.run_batch(corpus["inputs"], out, engine="dask",
                                  scheduler=cluster.scheduler_address, partition_size=10)
    return out, summary.to_dict()


def _sorted(frame: pd.DataFrame, what: str) -> pd.DataFrame:
    return frame.sort_values(SORT[what], kind="stable").reset_index(drop=True)


@pytest.mark.parametrize("what", ["events", "places", "verdicts", "reports", "failures"])
def test_engines_give_the_same_rows(local_run, dask_run, what):
    local = batch.read_table(local_run[0], what)
    dask = batch.read_table(dask_run[0], what)
    assert len(local) > 0
    pd.testing.assert_frame_equal(_sorted(local, what), _sorted(dask, what))


def test_summaries_agree_and_match_tables(local_run, dask_run):
    out, summary = local_run
    keys = ("reports", "reports_read", "reports_failed", "places", "distinct_places", "claims",
            "claims_by_verdict", "events", "events_by_kind", "failed_by_reason")
    assert {k: summary[k] for k in keys} == {k: dask_run[1][k] for k in keys}
    assert (summary["engine"], dask_run[1]["engine"]) == ("local", "dask")
    assert json.loads((out / "summary.json").read_text()) == summary
    places = batch.read_table(out, "places")
    verdicts = batch.read_table(out, "verdicts")
    events = batch.read_table(out, "events")
    assert summary["reports_read"] == len(batch.read_table(out, "reports"))
    assert summary["reports_failed"] == len(batch.read_table(out, "failures"))
    assert summary["places"] == len(places)
    assert summary["distinct_places"] == places["geonameid"].nunique()
    assert summary["claims_by_verdict"] == verdicts["status"].value_counts().to_dict()
    assert summary["events_by_kind"] == events["kind"].value_counts().to_dict()


def test_every_input_row_is_read_or_failed(corpus, local_run):
    out, summary = local_run
    reports = batch.read_table(out, "reports")
    failures = batch.read_table(out, "failures")
    read, failed = set(reports["locator"]), set(failures["locator"])
    assert not read & failed
    assert sorted(read | failed) == sorted(corpus["locators"])
    assert summary["reports"] == len(corpus["locators"])
    assert len(reports) == reports["locator"].nunique()
    jsonl = corpus["jsonl"]
    n = len(corpus["generated"])
    reasons = dict(zip(failures["locator"], failures["reason"], strict=True))
    assert "binary" in reasons[f"{jsonl}:{n + 2}"]
    assert "empty" in reasons[f"{jsonl}:{n + 3}"]
    assert f"limit for one report is {MAX_REPORT_BYTES / 1e6:.0f} MB" in reasons[f"{jsonl}:{n + 4}"]
    assert "not valid JSON" in reasons[f"{jsonl}:{n + 5}"]
    assert "binary" in reasons[str(corpus["folder"] / "sub" / "blob.txt")]
    assert "empty" in reasons[f"{corpus['csv']}#2"]
    assert "'text' string" in reasons[f"{corpus['parquet']}#2"]
    assert set(failures["stage"]) == {"parse"}
    assert all(str(corpus["folder"] / "notes.pdf") not in loc for loc in read | failed)
    # every row of every table belongs to a report that was read
    for what in batch.GEO_TABLES:
        assert set(batch.read_table(out, what)["report_id"]) <= set(reports["report_id"])


def test_output_is_geoparquet_in_wgs84(local_run):
    out, _ = local_run
    for what, kind in (("events", "Point"), ("places", "Point"), ("verdicts", "LineString")):
        frame = gpd.read_parquet(out / what)
        assert frame.crs is not None and frame.crs.to_epsg() == 4326
        assert isinstance(frame, gpd.GeoDataFrame) and len(frame) > 0
        assert set(frame.geometry.dropna().geom_type) == {kind}
        assert frame["report_id"].str.fullmatch(r"[0-9a-f]{16}").all()
        assert len(list((out / what).glob("part-*.parquet"))) > 1
    places = gpd.read_parquet(out / "places")
    assert (places.geometry.x - places["lon"]).abs().max() < 1e-12
    assert (places.geometry.y - places["lat"]).abs().max() < 1e-12


def test_rows_equal_a_direct_export(corpus, local_run):
    """The batch writes what `frontline export` would, field for field."""
    out, _ = local_run
    jsonl = f"{corpus['jsonl']}:{len(corpus['generated']) + 1}"
    reader = default_reader()
    # the same text comes twice: a JSONL line and CSV row 1
    analyses = [reader.analyse(parse_record({"text": VOZNESENKA, "date": "2024-11-14",
                                             "title": "hand"}, jsonl)),
                reader.analyse(parse_record({"text": VOZNESENKA, "date": "2024-11-14",
                                             "title": "c1", "source": "csv desk"},
                                            f"{corpus['csv']}#1"))]
    rid = analyses[0].report.report_id
    for what in batch.GEO_TABLES:
        expected = to_geodataframe(analyses, what)
        got = batch.read_table(out, what)
        got = got[got["report_id"] == rid]
        assert len(expected) > 0
        pd.testing.assert_frame_equal(_sorted(got, what), _sorted(expected, what))
    places = batch.read_table(out, "places")
    mine = places[places["report_id"] == rid]
    assert {9112507, 704422} <= set(mine["geonameid"])


def test_csv_and_parquet_fields_are_carried(corpus, local_run):
    out, _ = local_run
    reports = batch.read_table(out, "reports").set_index("locator")
    row = reports.loc[f"{corpus['csv']}#1"]
    assert (row["title"], row["source"], str(row["date"])) == ("c1", "csv desk", "2024-11-14")
    assert reports.loc[f"{corpus['csv']}#3", "title"] == "c3"  # the column wins over '# ...'
    assert reports.loc[f"{corpus['csv']}#3", "source"] == f"{corpus['csv']}#3"
    assert reports.loc[f"{corpus['parquet']}#1", "title"] == "p1"
    assert reports.loc[f"{corpus['parquet']}#3", "report_id"] == \
        reports.loc[f"{corpus['jsonl']}:1", "report_id"]
    seed = reports.loc[str(corpus["folder"] / "seed.txt")]
    assert str(seed["date"]) == "2024-11-14" and seed["places"] >= 4


def test_generated_places_are_found(corpus, local_run):
    """Accuracy on the generated truth (a smoke check; `make bench` measures it at scale)."""
    out, _ = local_run
    places = batch.read_table(out, "places")
    reports = batch.read_table(out, "reports")
    ids = dict(zip(reports["locator"], reports["report_id"], strict=True))
    found = right = total = 0
    for number, record in enumerate(corpus["generated"], 1):
        mine = places[places["report_id"] == ids[f"{corpus['jsonl']}:{number}"]]
        spans = {(s, e): g for s, e, g in zip(mine["start"], mine["end"], mine["geonameid"],
                                             strict=True)}
        for truth in record["truth"]["places"]:
            total += 1
            got = spans.get((truth["start"], truth["end"]))
            found += got is not None
            right += got == truth["geonameid"]
    assert total > 100
    assert found / total > 0.95 and right / total > 0.75


def test_existing_output_is_not_overwritten_silently(corpus, local_run):
    out, _ = local_run
    with pytest.raises(BadInputError, match="--overwrite"):
        batch.run_batch(corpus["inputs"], out)
    with pytest.raises(BadInputError, match="no such file"):
        batch.run_batch([str(corpus["root"] / "missing.jsonl")], corpus["root"] / "x.parquet")


def test_partitions_are_bounded():
    records = (batch.Record(f"r{i}", "text", "x" * 100) for i in range(25))
    sizes = [len(p) for p in batch.partitions(records, 10)]
    assert sizes == [10, 10, 5]
    records = (batch.Record(f"r{i}", "text", "x" * 100) for i in range(25))
    assert [len(p) for p in batch.partitions(records, 10, max_bytes=300)] == [3] * 8 + [1]
    assert batch.auto_partition_size(None, 2) == batch.PARTITION_SIZE
    assert batch.auto_partition_size(100_000, 2) == batch.PARTITION_SIZE
    assert batch.auto_partition_size(300, 2) == 38


def test_reading_is_lazy(tmp_path):
    """Records are read as they are consumed, never the whole file first."""
    path = tmp_path / "big.jsonl"
    path.write_text("".join(json.dumps({"text": f"report {i}"}) + "\n" for i in range(1000)))
    records = batch.iter_records([path])
    first = next(records)
    assert first.locator == f"{path}:1" and first.kind == "json"
    assert [next(records).locator for _ in range(3)] == [f"{path}:{n}" for n in (2, 3, 4)]
    # a line appended now is still read: the file is consumed as records are, not up front
    with path.open("a") as handle:
        handle.write(json.dumps({"text": "appended"}) + "\n")
    assert sum(1 for _ in records) == 1000 - 4 + 1
    assert batch.count_records([path]) == 1001


def test_in_flight_partitions_are_bounded():
    pulled = []

    def parts():
        for i in range(12):
            pulled.append(i)
            yield [batch.Record(f"r{i}", "error", "unreadable")]

    seen = 0
    with batch._LocalEngine(1, initializer=_no_reader) as engine:
        for _index, _records, tables in engine.run(parts()):
            seen += 1
            assert tables["failures"].num_rows == 1
            assert len(pulled) - seen <= batch.IN_FLIGHT_PER_WORKER
    assert seen == 12


class _Exploding:
    """A Reader whose pipeline raises on one report."""

    def analyse(self, report):
        if "BOOM" in report.text:
            raise RuntimeError("kaboom")
        return default_reader().analyse(report)


def test_a_report_that_breaks_the_pipeline_is_recorded():
    records = [batch.Record("a", "text", VOZNESENKA), batch.Record("b", "text", "BOOM, Kupiansk"),
               batch.Record("c", "error", "cannot read c"), batch.Record("d", "json", b"[1]")]
    tables = batch.analyse_partition(records, _Exploding())
    assert tables["reports"].column("locator").to_pylist() == ["a"]
    assert tables["failures"].to_pylist() == [
        {"locator": "b", "stage": "analyse", "reason": "RuntimeError: kaboom"},
        {"locator": "c", "stage": "read", "reason": "cannot read c"},
        {"locator": "d", "stage": "parse", "reason": "d: a JSON report needs a 'text' string"}]
    assert tables["places"].num_rows > 0 and tables["places"].schema.metadata[b"geo"]


def _no_reader() -> None:
    """Pool initializer for engine tests that need no Reader."""


def _die_on_kill(records):
    if any(r.locator == "KILL" for r in records):
        os._exit(3)
    return batch.analyse_partition(records)


def test_a_dead_worker_costs_only_its_own_partition():
    parts = [[batch.Record(f"r{i}", "error", "unreadable")] for i in range(3)]
    parts.insert(2, [batch.Record("KILL", "error", "x")])
    with batch._LocalEngine(1, initializer=_no_reader) as engine:
        results = {i: t for i, _, t in engine.run(iter(parts), func=_die_on_kill)}
    assert sorted(results) == list(range(4))
    killed = results.pop(2)["failures"].to_pylist()
    assert [(f["locator"], f["stage"]) for f in killed] == [("KILL", "worker")]
    assert "BrokenProcessPool" in killed[0]["reason"]
    for tables in results.values():
        assert tables["failures"].column("stage").to_pylist() == ["read"]


# --------------------------------------------------------------------------- dask worker deaths
#
# A Dask worker process that dies mid-batch (os._exit in a task, SIGKILL from outside) is
# restarted by its nanny and the scheduler runs its tasks again: the batch must neither lose a
# report nor write one twice. The helpers below run in the workers, which import them from this
# module (spawned with the parent's sys.path and the repo as cwd).

STALL = "STALL ON ME"  # title of the one report the stalling reader hangs on


def _die_once(records):
    """Partition function: the first worker to meet the KILL record creates the marker file
    (the record's data) and dies; on the scheduler's retry the marker exists and the partition
    is read normally."""
    for record in records:
        if record.locator == "KILL":
            try:
                with open(record.data, "x") as handle:
                    handle.write(str(os.getpid()))
            except FileExistsError:
                break
            os._exit(3)
    return batch.analyse_partition(records)


def _dask_pids(client) -> set[int]:
    return set(client.run(os.getpid).values())


def test_a_dask_worker_that_dies_mid_batch_loses_and_repeats_nothing(tmp_path):
    marker = tmp_path / "died"
    parts = [[batch.Record(f"r{i}-{j}", "error", "unreadable") for j in range(2)]
             for i in range(8)]
    parts[3][1] = batch.Record("KILL", "error", str(marker))
    seen = []
    with batch._DaskEngine(2, None) as engine:
        before = _dask_pids(engine.client)
        for index, records, tables in engine.run(iter(parts), func=_die_once):
            seen.append(index)
            assert [r.locator for r in records] == [r.locator for r in parts[index]]
            failures = tables["failures"].to_pylist()
            assert [f["locator"] for f in failures] == [r.locator for r in parts[index]]
            assert {f["stage"] for f in failures} == {"read"}  # never "worker": retried
        after = _dask_pids(engine.client)
    assert sorted(seen) == list(range(len(parts)))  # every partition once
    dead = int(marker.read_text())  # the worker really died, on the KILL partition
    assert len(before) == 2 and dead in before and dead not in after


def _stall_once(marker: str) -> None:
    """Run on each worker (client.run): its reader hangs on the report titled STALL, once in
    the cluster's life, after writing the worker's pid to ``marker``. A worker the nanny
    restarts is not patched, which is as well: the marker is there by then."""
    real = batch.default_reader
    batch.default_reader = lambda: _StallingReader(real(), Path(marker))


class _StallingReader:
    def __init__(self, reader, marker: Path):
        self.reader, self.marker = reader, marker

    def analyse(self, report):
        if report.title == STALL and not self.marker.exists():
            partial = self.marker.with_suffix(".partial")
            partial.write_text(str(os.getpid()))
            partial.replace(self.marker)
            time.sleep(30)  # killed long before this (the test fails if not)
        return self.reader.analyse(report)


def _kill_when_stalled(marker: Path, killed: list[int]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if marker.exists():
            pid = int(marker.read_text())
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)
            return
        time.sleep(0.01)


def test_a_dask_worker_killed_mid_batch_loses_and_repeats_no_report(tmp_path):
    """run_batch end to end with the real reader: 12 reports in partitions of 2 on two
    workers; the worker reading the 5th report is SIGKILLed while it is at it."""
    import logging

    from distributed import Client, LocalCluster

    records = [{k: r[k] for k in ("text", "date", "title", "source")}
               for r in make_corpus(12, seed=5)]
    records[4]["title"] = STALL
    jsonl = tmp_path / "reports.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    locators = [f"{jsonl}:{n}" for n in range(1, 13)]
    marker = tmp_path / "stalled"
    killed: list[int] = []
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
            Client(cluster) as client:
        before = _dask_pids(client)
        client.run(_stall_once, str(marker))
        killer = threading.Thread(target=_kill_when_stalled, args=(marker, killed), daemon=True)
        killer.start()
        summary = batch.run_batch([jsonl], tmp_path / "out", engine="dask",
                                  scheduler=cluster.scheduler_address, partition_size=2)
        killer.join(1)
        after = _dask_pids(client)
    assert len(killed) == 1 and killed[0] in before and killed[0] not in after
    assert (summary.partitions, summary.reports_read, summary.reports_failed) == (6, 12, 0)
    out = tmp_path / "out"
    assert batch.read_table(out, "failures").empty  # the killed partition was retried
    reports = batch.read_table(out, "reports")
    assert sorted(reports["locator"]) == sorted(locators)  # each report exactly once
    assert sorted(p.name for p in (out / "reports").iterdir()) == [
        f"part-{i:06d}.parquet" for i in range(6)]
    # and the rows are those of reading the 12 reports here, in one go
    writer = batch.DatasetWriter(tmp_path / "direct")
    writer.write(0, batch.analyse_partition(list(batch.iter_records([jsonl]))))
    writer.close()
    for what in (*batch.GEO_TABLES, "reports"):
        expected = _sorted(batch.read_table(tmp_path / "direct", what), what)
        assert len(expected) > 0
        pd.testing.assert_frame_equal(_sorted(batch.read_table(out, what), what), expected)


def test_dask_results_lost_with_their_worker_are_computed_again(tmp_path):
    """Partitions finished on a worker but not yet fetched die with it (SIGKILL): Dask computes
    them again and each is yielded once. The process has a Client of its own, the default
    client (as in a notebook): the engine must not wait on that client's event loop."""
    import logging

    from distributed import Client, LocalCluster

    parts = [[batch.Record(f"r{i}", "error", "unreadable")] for i in range(6)]
    seen, lost = [], []
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
            Client(cluster) as client, \
            batch._DaskEngine(None, cluster.scheduler_address) as engine:
        pids = client.run(os.getpid)
        for index, records, tables in engine.run(iter(parts)):
            seen.append(index)
            assert tables["failures"].to_pylist() == [
                {"locator": records[0].locator, "stage": "read", "reason": "unreadable"}]
            if len(seen) > 1:
                continue
            # the other 3 partitions in flight: wait until all are done and held by workers
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                held = {worker: [k for k in keys if f"-{index}-" not in k]
                        for worker, keys in client.has_what().items()}
                if sum(map(len, held.values())) == batch.IN_FLIGHT_PER_WORKER * 2 - 1:
                    break
                time.sleep(0.01)
            else:
                pytest.fail(f"the partitions in flight did not finish: {held}")
            worker = max(held, key=lambda w: len(held[w]))
            lost.extend(held[worker])
            os.kill(pids[worker], signal.SIGKILL)
    assert lost  # results were held, unfetched, by the worker killed
    assert sorted(seen) == list(range(len(parts)))  # each partition once, none a failure
