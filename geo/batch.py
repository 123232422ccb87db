"""Corpus scale: many reports in, partitioned GeoParquet out, on all local cores or on Dask.

The flow is a stream, so memory stays bounded however large the input::

    inputs ──► iter_records ──► partitions ──► analyse_partition ──► DatasetWriter ──► out/
    (folders,   (Record: where    (≤ 500 records,  (one function, both   (part by part)
     files)      it came from)     ≤ 16 MB)         engines; in workers)

- **Inputs**: folders (searched recursively, hidden files skipped) of ``.txt`` / ``.md``
  reports, and JSONL (``text`` and optional ``date``, ``title``, ``source`` keys), JSON, CSV or
  Parquet files with a ``text`` column (and ``date``, ``title``, ``source`` columns when
  present). Each record carries a *locator* saying where it came from: ``dir/a.txt``,
  ``file.jsonl:12`` (line), ``file.csv#3`` / ``file.parquet#3`` (data row, from 1),
  ``file.json[2]`` (item). Files are read lazily, chunk by chunk.
- **Work**: :func:`analyse_partition` turns a list of records into tables; the ``local`` engine
  runs it in a :class:`~concurrent.futures.ProcessPoolExecutor` (one process per core, the
  Reader loaded once per process by the pool's initializer), the ``dask`` engine on a
  ``distributed`` cluster (a :class:`~distributed.LocalCluster` on 127.0.0.1, or an existing
  one given by its scheduler address; the Reader loaded once per worker by a
  :class:`ReaderPlugin`). At most :data:`IN_FLIGHT_PER_WORKER` partitions per worker are in
  flight; results are written as they arrive and then dropped.
- **Failures** never stop the run: a report that cannot be read (empty, binary, over the size
  limit, invalid JSON) or that makes the pipeline raise is recorded with its locator and the
  reason. Every input record ends up either in ``reports/`` or in ``failures.parquet``.

Output folder (e.g. ``out.parquet/``)::

    events/part-000000.parquet ...    GeoParquet, EPSG:4326, columns of geo.exports.COLUMNS
    places/part-000000.parquet ...    (every row carries its report_id)
    verdicts/part-000000.parquet ...
    reports/part-000000.parquet ...   one row per report read: REPORT_SCHEMA
    failures.parquet                  locator, stage, reason (FAILURE_SCHEMA)
    summary.json                      BatchSummary.to_dict()

Part ``i`` holds the rows of partition ``i`` in input order, so a run's output does not depend
on the engine or on the order in which partitions finish. Each sub-folder opens as one table:
``geopandas.read_parquet("out.parquet/events")`` or :func:`read_table`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import multiprocessing
import os
import re
import shutil
import time
import uuid
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal, NamedTuple

import pyarrow as pa
import pyarrow.parquet as pq
import pyproj

from geo.errors import BadInputError
from geo.reports import MAX_REPORT_BYTES, Reader, decode, default_reader, parse_record

__all__ = [
    "FAILURE_SCHEMA",
    "GEO_TABLES",
    "PARTITION_SIZE",
    "REPORT_SCHEMA",
    "BatchSummary",
    "DatasetWriter",
    "Record",
    "ReaderPlugin",
    "analyse_partition",
    "auto_partition_size",
    "check_inputs",
    "count_records",
    "iter_records",
    "partitions",
    "read_table",
    "run_batch",
]

#: Records per partition (the unit of work sent to a worker and of a written part), at most.
PARTITION_SIZE = 500
#: With the size left to run_batch, a small corpus is cut into about this many partitions per
#: worker (but never below MIN_PARTITION_SIZE records each) so that every worker has work.
PARTITIONS_PER_WORKER = 4
MIN_PARTITION_SIZE = 20
#: count_records gives up (None) past this many bytes of JSONL to scan.
COUNT_MAX_BYTES = 1_000_000_000
#: A partition is closed early when its records hold this many bytes of text.
PARTITION_MAX_BYTES = 16_000_000
#: Partitions in flight per worker: one running, one queued, so no worker waits for the reader.
IN_FLIGHT_PER_WORKER = 2
#: Longest JSONL line read (JSON escapes can triple a text's size); longer ones are skipped.
MAX_LINE_BYTES = 8 * MAX_REPORT_BYTES
#: Largest .json file read whole (JSONL, CSV and Parquet are streamed, whatever their size).
MAX_JSON_FILE_BYTES = 50 * MAX_REPORT_BYTES
#: Distinct failure reasons kept in the summary (the rest are counted as "other reasons").
MAX_REASONS = 20

TEXT_SUFFIXES = frozenset({".txt", ".md"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | {".json", ".csv", ".parquet"}
#: Columns read from CSV / Parquet / JSON records besides ``text``.
FIELDS = ("date", "title", "source")

Engine = Literal["local", "dask"]
GEO_TABLES = ("events", "places", "verdicts")
_GEOMETRY_TYPES = {"events": ["Point"], "places": ["Point"], "verdicts": ["LineString"]}
_ARROW_TYPES = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(),
                "date": pa.date32()}

REPORT_SCHEMA = pa.schema([
    ("report_id", pa.string()), ("locator", pa.string()), ("date", pa.date32()),
    ("title", pa.string()), ("source", pa.string()), ("chars", pa.int64()),
    ("mentions", pa.int64()), ("places", pa.int64()), ("claims", pa.int64()),
    ("events", pa.int64()), ("consistent", pa.int64()), ("inconsistent", pa.int64()),
    ("unverifiable", pa.int64()),
])
#: ``stage``: read (the file or line could not be read), parse (not a readable report: empty,
#: binary, too large, invalid JSON, bad date), analyse (the pipeline raised), worker (the
#: worker process died on this partition: with the local engine, when run alone again; with
#: Dask, after the scheduler's own retries).
FAILURE_SCHEMA = pa.schema([("locator", pa.string()), ("stage", pa.string()),
                            ("reason", pa.string())])


# --------------------------------------------------------------------------- records


class Record(NamedTuple):
    """One report to read and where it came from.

    ``data`` is the report's text (``str``) or its raw bytes (a .txt/.md file, a text cell of
    bytes), or for a JSONL line the line's bytes (``kind="json"``). ``kind="error"``: reading
    failed already and ``data`` is the reason.
    """

    locator: str
    kind: Literal["text", "json", "error"]
    data: Any
    date: str | None = None
    title: str = ""
    source: str = ""

    @property
    def nbytes(self) -> int:
        return len(self.data) if isinstance(self.data, bytes | str) else 0


def check_inputs(inputs: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The inputs as paths; :class:`BadInputError` when there are none or one does not exist."""
    paths = [Path(item) for item in inputs]
    if not paths:
        raise BadInputError("no inputs given: pass folders or .jsonl/.json/.csv/.parquet files")
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise BadInputError(f"no such file or folder: {', '.join(missing[:5])}")
    return paths


def _folder_files(folder: Path) -> list[Path]:
    files = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        files.extend(Path(root) / n for n in sorted(names)
                     if not n.startswith(".") and Path(n).suffix.lower() in SUFFIXES)
    return files


def iter_records(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[Record]:
    """Every record of the inputs, lazily, in order (folders in sorted path order)."""
    for path in map(Path, inputs):
        if path.is_dir():
            for file in _folder_files(path):
                yield from _file_records(file)
        else:
            yield from _file_records(path)


def _file_records(path: Path) -> Iterator[Record]:
    suffix = path.suffix.lower()
    readers = {".json": _json_file, ".csv": _csv_file, ".parquet": _parquet_file}
    if suffix in TEXT_SUFFIXES:
        read = _text_file
    elif suffix in JSONL_SUFFIXES:
        read = _jsonl_file
    elif suffix in readers:
        read = readers[suffix]
    else:
        yield Record(str(path), "error", f"{path.name}: unsupported format {suffix or '(none)'!r}"
                     f"; use {', '.join(sorted(SUFFIXES))} or a folder")
        return
    yield from read(path)


def _oserror(path: Path, exc: OSError) -> str:
    return f"cannot read {path.name}: {exc.strerror or exc}"


def _text_file(path: Path) -> Iterator[Record]:
    try:
        size = path.stat().st_size
        if size > MAX_REPORT_BYTES:
            yield Record(str(path), "error", f"{path} is {size / 1e6:.1f} MB; the limit for one "
                         f"report is {MAX_REPORT_BYTES / 1e6:.0f} MB")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Record(str(path), "error", _oserror(path, exc))
        return
    yield Record(str(path), "text", data)


def _jsonl_file(path: Path) -> Iterator[Record]:
    number = 0
    try:
        with path.open("rb") as handle:
            while line := handle.readline(MAX_LINE_BYTES + 1):
                number += 1
                if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
                    while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                        pass
                    yield Record(f"{path}:{number}", "error",
                                 f"{path}:{number} is over {MAX_LINE_BYTES / 1e6:.0f} MB; the "
                                 f"limit for one report is {MAX_REPORT_BYTES / 1e6:.0f} MB")
                elif line.strip():
                    yield Record(f"{path}:{number}", "json", line)
    except OSError as exc:
        yield Record(f"{path}:{number + 1}", "error", _oserror(path, exc))


def _text_value(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _date_value(value: Any) -> str | None:
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _fields_record(locator: str, row: dict) -> Record:
    text = row.get("text")
    return Record(locator, "text", text, _date_value(row.get("date")),
                  _text_value(row.get("title")), _text_value(row.get("source")))


def _json_file(path: Path) -> Iterator[Record]:
    try:
        size = path.stat().st_size
        if size > MAX_JSON_FILE_BYTES:
            yield Record(str(path), "error", f"{path} is {size / 1e6:.0f} MB; a .json file is "
                         "read whole: write large corpora as JSONL (one record a line)")
            return
        data = json.loads(decode(path.read_bytes(), str(path))
                          if size <= MAX_REPORT_BYTES else path.read_bytes())
    except OSError as exc:
        yield Record(str(path), "error", _oserror(path, exc))
        return
    except (BadInputError, ValueError) as exc:
        yield Record(str(path), "error", f"{path} is not valid JSON: {exc}")
        return
    items = data if isinstance(data, list) else [data]
    for number, item in enumerate(items, 1):
        locator = f"{path}[{number}]" if isinstance(data, list) else str(path)
        if isinstance(item, dict):
            yield _fields_record(locator, item)
        else:
            yield Record(locator, "error", f"{locator}: a JSON report needs a 'text' string")


def _missing_text(path: Path, columns: Sequence[str]) -> Record:
    return Record(str(path), "error", f"{path} has no 'text' column (columns: "
                  f"{', '.join(map(str, columns[:12]))})")


def _csv_file(path: Path) -> Iterator[Record]:
    import pandas as pd

    wanted = {"text", *FIELDS}
    row = 0
    try:
        header = pd.read_csv(path, nrows=0, encoding="utf-8-sig").columns
        if "text" not in header:
            yield _missing_text(path, list(header))
            return
        with pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig",
                         chunksize=PARTITION_SIZE, usecols=lambda c: str(c) in wanted) as chunks:
            for chunk in chunks:
                for values in chunk.to_dict("records"):
                    row += 1
                    yield _fields_record(f"{path}#{row}", values)
    except OSError as exc:
        yield Record(f"{path}#{row + 1}", "error", _oserror(path, exc))
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        where = f"{path}#{row + 1}" if row else str(path)
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
        yield Record(where, "error", f"cannot read {path} from data row {row + 1} on: {message}")


def _parquet_file(path: Path) -> Iterator[Record]:
    row = 0
    try:
        with contextlib.closing(pq.ParquetFile(path)) as handle:
            names = handle.schema_arrow.names
            if "text" not in names:
                yield _missing_text(path, names)
                return
            columns = ["text", *(c for c in FIELDS if c in names)]
            for batch in handle.iter_batches(batch_size=PARTITION_SIZE, columns=columns):
                for values in batch.to_pylist():
                    row += 1
                    yield _fields_record(f"{path}#{row}", values)
    except OSError as exc:
        yield Record(f"{path}#{row + 1}", "error", _oserror(path, exc))
    except (pa.ArrowException, ValueError) as exc:
        where = f"{path}#{row + 1}" if row else str(path)
        yield Record(where, "error", f"cannot read Parquet {path} from data row {row + 1} on: "
                     f"{exc}")


def count_records(inputs: Iterable[str | os.PathLike[str]]) -> int | None:
    """How many records the inputs hold, when cheap to know (for a progress bar), else None.

    Text files and Parquet rows are counted exactly, JSONL lines by a scan (up to
    :data:`COUNT_MAX_BYTES`); CSV (quoted cells may span lines) and JSON give None.
    """
    total = scanned = 0
    files: list[Path] = []
    for path in map(Path, inputs):
        files.extend(_folder_files(path) if path.is_dir() else [path])
    try:
        for file in files:
            suffix = file.suffix.lower()
            if suffix in TEXT_SUFFIXES:
                total += 1
            elif suffix == ".parquet":
                total += pq.ParquetFile(file).metadata.num_rows
            elif suffix in JSONL_SUFFIXES:
                scanned += file.stat().st_size
                if scanned > COUNT_MAX_BYTES:
                    return None
                with file.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            else:
                return None
    except (OSError, pa.ArrowException):
        return None
    return total


def partitions(records: Iterable[Record], size: int = PARTITION_SIZE,
               max_bytes: int = PARTITION_MAX_BYTES) -> Iterator[list[Record]]:
    """Lists of at most ``size`` records (and about ``max_bytes`` of text), lazily."""
    if size < 1:
        raise ValueError(f"partition size must be >= 1, not {size}")
    batch: list[Record] = []
    held = 0
    for record in records:
        batch.append(record)
        held += record.nbytes
        if len(batch) >= size or held >= max_bytes:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


def auto_partition_size(total: int | None, workers: int) -> int:
    """Partition size for ``total`` records on ``workers``: PARTITION_SIZE, or less so that a
    small corpus gives each worker about PARTITIONS_PER_WORKER partitions."""
    if total is None:
        return PARTITION_SIZE
    share = math.ceil(total / (PARTITIONS_PER_WORKER * max(1, workers)))
    return max(MIN_PARTITION_SIZE, min(PARTITION_SIZE, share))


# --------------------------------------------------------------------------- the work


def _report(record: Record):
    """The Report of a record (raises BadInputError for unreadable input)."""
    if record.kind == "json":
        data = json.loads(decode(record.data, record.locator))  # JSONDecodeError: ValueError
        if not isinstance(data, dict):
            raise BadInputError(f"{record.locator}: a JSON report needs a 'text' string")
        return parse_record(data, record.locator)
    text = record.data
    if isinstance(text, bytes | bytearray):
        text = decode(bytes(text), record.locator)
    return parse_record({"text": text, "date": record.date, "title": record.title,
                         "source": record.source}, record.locator)


def _failure(record: Record, exc: BaseException) -> tuple[str, str, str]:
    if isinstance(exc, BadInputError):
        return record.locator, "parse", str(exc)
    if isinstance(exc, json.JSONDecodeError):
        return record.locator, "parse", (f"{record.locator} is not valid JSON ({exc.msg} at "
                                         f"column {exc.colno})")
    return record.locator, "analyse", f"{type(exc).__name__}: {exc}"


def analyse_partition(records: Sequence[Record], reader: Reader | None = None
                      ) -> dict[str, pa.Table]:
    """Read a partition: ``{"events", "places", "verdicts"}`` (GeoParquet-ready Arrow tables),
    ``"reports"`` (:data:`REPORT_SCHEMA`) and ``"failures"`` (:data:`FAILURE_SCHEMA`).

    The one function both engines run. A record that cannot be read or analysed becomes a
    failure row; nothing a single record holds makes this raise. ``reader`` defaults to the
    process's cached :func:`~geo.reports.default_reader`.
    """
    analyses, locators, failures = [], [], []
    for record in records:
        if record.kind == "error":
            failures.append((record.locator, "read", str(record.data)))
            continue
        try:
            analysis = (reader or default_reader()).analyse(_report(record))
        except Exception as exc:  # one report must never stop the run
            failures.append(_failure(record, exc))
            continue
        analyses.append(analysis)
        locators.append(record.locator)
    try:
        tables = {what: _geo_table(analyses, what) for what in GEO_TABLES}
    except Exception:  # isolate the analysis the exporter cannot tabulate
        kept = []
        for analysis, locator in zip(analyses, locators, strict=True):
            try:
                for what in GEO_TABLES:
                    _geo_table([analysis], what)
            except Exception as exc:
                failures.append((locator, "analyse", f"export: {type(exc).__name__}: {exc}"))
            else:
                kept.append((analysis, locator))
        analyses, locators = [a for a, _ in kept], [loc for _, loc in kept]
        tables = {what: _geo_table(analyses, what) for what in GEO_TABLES}
    tables["reports"] = _reports_table(analyses, locators)
    tables["failures"] = _failures_table(failures)
    return tables


def _geo_metadata(what: str) -> dict[bytes, bytes]:
    column = {"encoding": "WKB", "geometry_types": _GEOMETRY_TYPES[what],
              "crs": _crs_json()}
    return {b"geo": json.dumps({"version": "1.0.0", "primary_column": "geometry",
                                "columns": {"geometry": column}}).encode()}


@cache
def _crs_json() -> dict:
    return pyproj.CRS.from_epsg(4326).to_json_dict()


def geo_schema(what: str) -> pa.Schema:
    """Arrow schema of a GeoParquet table (``events``, ``places`` or ``verdicts``)."""
    from geo.exports import COLUMN_TYPES, COLUMNS

    fields = [pa.field(c, _ARROW_TYPES[COLUMN_TYPES[c]]) for c in COLUMNS[what]]
    return pa.schema([*fields, pa.field("geometry", pa.binary())], metadata=_geo_metadata(what))


def _geo_table(analyses, what: str) -> pa.Table:
    from geo.exports import to_geodataframe

    schema = geo_schema(what)
    gdf = to_geodataframe(analyses, what)
    arrays = []
    for item in schema:
        if item.name == "geometry":
            arrays.append(pa.array([None if g is None else g for g in gdf.geometry.to_wkb()],
                                   type=pa.binary()))
        elif pa.types.is_date32(item.type):
            arrays.append(pa.array(gdf[item.name].tolist(), type=item.type))
        else:
            arrays.append(pa.array(gdf[item.name], type=item.type, from_pandas=True))
    return pa.Table.from_arrays(arrays, schema=schema)


def _reports_table(analyses, locators: Sequence[str]) -> pa.Table:
    rows: dict[str, list] = {name: [] for name in REPORT_SCHEMA.names}
    for analysis, locator in zip(analyses, locators, strict=True):
        report = analysis.report
        status = Counter(str(v.status) for v in analysis.verdicts)
        for name, value in (
                ("report_id", report.report_id), ("locator", locator), ("date", report.date),
                ("title", report.title), ("source", report.source), ("chars", len(report.text)),
                ("mentions", len(analysis.mentions)), ("places", len(analysis.places)),
                ("claims", len(analysis.claims)), ("events", len(analysis.events)),
                ("consistent", status["consistent"]), ("inconsistent", status["inconsistent"]),
                ("unverifiable", status["unverifiable"])):
            rows[name].append(value)
    return pa.Table.from_pydict(rows, schema=REPORT_SCHEMA)


def _failures_table(failures: Sequence[tuple[str, str, str]]) -> pa.Table:
    columns = list(zip(*failures, strict=True)) if failures else [(), (), ()]
    return pa.Table.from_arrays([pa.array(list(c), type=pa.string()) for c in columns],
                                schema=FAILURE_SCHEMA)


def _lost_partition(records: Sequence[Record], exc: BaseException) -> dict[str, pa.Table]:
    """Tables of a partition whose worker failed: every record a failure, with the reason."""
    reason = f"worker failed on this partition: {type(exc).__name__}: {exc}".strip()
    tables = {what: geo_schema(what).empty_table() for what in GEO_TABLES}
    tables["reports"] = REPORT_SCHEMA.empty_table()
    tables["failures"] = _failures_table([(r.locator, "worker", reason) for r in records])
    return tables


# --------------------------------------------------------------------------- output


class DatasetWriter:
    """Writes partitions' tables into the output folder as they come (see the module doc)."""

    ENTRIES = (*GEO_TABLES, "reports", "failures.parquet", "summary.json")

    def __init__(self, output: str | os.PathLike[str], *, overwrite: bool = False):
        self.root = Path(output)
        if self.root.exists():
            if not self.root.is_dir():
                raise BadInputError(f"{self.root} exists and is not a folder")
            others = sorted(p.name for p in self.root.iterdir() if p.name not in self.ENTRIES)
            if others:
                raise BadInputError(f"{self.root} holds other files ({', '.join(others[:5])}); "
                                    "choose a new output folder")
            if any(self.root.iterdir()):
                if not overwrite:
                    raise BadInputError(f"{self.root} holds a previous run's output; pass "
                                        "--overwrite to replace it")
                for entry in self.ENTRIES:
                    target = self.root / entry
                    if target.is_dir():
                        shutil.rmtree(target)
                    elif target.exists():
                        target.unlink()
        for name in (*GEO_TABLES, "reports"):
            (self.root / name).mkdir(parents=True, exist_ok=True)
        self._parts: Counter[str] = Counter()
        self._failures: pq.ParquetWriter | None = None

    def write(self, index: int, tables: dict[str, pa.Table]) -> None:
        """Write partition ``index``: one part per non-empty table, failures appended."""
        for name in (*GEO_TABLES, "reports"):
            table = tables[name]
            if table.num_rows:
                pq.write_table(table, self.root / name / f"part-{index:06d}.parquet",
                               compression="zstd")
                self._parts[name] += 1
        failures = tables["failures"]
        if failures.num_rows:
            if self._failures is None:
                self._failures = pq.ParquetWriter(self.root / "failures.parquet", FAILURE_SCHEMA,
                                                  compression="zstd")
            self._failures.write_table(failures)

    def close(self, summary: BatchSummary | None = None) -> None:
        """Finish: an empty part for a table with none (so each opens), the failures file, and
        ``summary.json`` when a summary is given."""
        for name in (*GEO_TABLES, "reports"):
            if not self._parts[name]:
                schema = geo_schema(name) if name in GEO_TABLES else REPORT_SCHEMA
                pq.write_table(schema.empty_table(), self.root / name / "part-000000.parquet")
                self._parts[name] += 1
        if self._failures is None:
            pq.write_table(FAILURE_SCHEMA.empty_table(), self.root / "failures.parquet")
        else:
            self._failures.close()
            self._failures = None
        if summary is not None:
            (self.root / "summary.json").write_text(
                json.dumps(summary.to_dict(), indent=2, ensure_ascii=False) + "\n",
                encoding="utf-8")


def read_table(output: str | os.PathLike[str], what: str):
    """One table of a batch output: a typed GeoDataFrame (EPSG:4326) for events, places and
    verdicts; a DataFrame for ``reports`` and ``failures``."""
    from geo.exports import read_geoparquet

    root = Path(output)
    if what in GEO_TABLES:
        return read_geoparquet(root / what)
    if what == "reports":
        return pq.read_table(root / "reports", schema=REPORT_SCHEMA).to_pandas()
    if what == "failures":
        return pq.read_table(root / "failures.parquet").to_pandas()
    raise ValueError(f"what must be one of {[*GEO_TABLES, 'reports', 'failures']}, not {what!r}")


# --------------------------------------------------------------------------- summary

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def reason_key(locator: str, reason: str) -> str:
    """A failure reason with its locator and figures masked, to group alike failures."""
    return _NUMBER.sub("#", reason.replace(locator, "<input>"))


@dataclass
class BatchSummary:
    """What a run read, found and failed on (``to_dict()`` is ``summary.json``)."""

    output: str
    engine: str
    workers: int
    inputs: list[str] = field(default_factory=list)
    partition_size: int = PARTITION_SIZE
    partitions: int = 0
    reports_read: int = 0
    reports_failed: int = 0
    failed_by_reason: Counter[str] = field(default_factory=Counter)
    failed_by_stage: Counter[str] = field(default_factory=Counter)
    mentions: int = 0
    places: int = 0
    claims: int = 0
    claims_by_verdict: Counter[str] = field(default_factory=Counter)
    events: int = 0
    events_by_kind: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    total: int | None = None
    _place_ids: set[int] = field(default_factory=set, repr=False)

    @property
    def reports(self) -> int:
        """Records seen: read + failed."""
        return self.reports_read + self.reports_failed

    @property
    def distinct_places(self) -> int:
        return len(self._place_ids)

    @property
    def reports_per_s(self) -> float:
        return self.reports / self.seconds if self.seconds > 0 else 0.0

    def add(self, tables: dict[str, pa.Table]) -> None:
        """Count one partition's tables in."""
        self.partitions += 1
        reports = tables["reports"]
        self.reports_read += reports.num_rows
        self.mentions += sum(reports.column("mentions").to_pylist())
        failures = tables["failures"]
        self.reports_failed += failures.num_rows
        for locator, stage, reason in zip(*(failures.column(c).to_pylist()
                                            for c in FAILURE_SCHEMA.names), strict=True):
            self.failed_by_stage[stage] += 1
            self.failed_by_reason[reason_key(locator, reason)] += 1
        places = tables["places"]
        self.places += places.num_rows
        self._place_ids.update(i for i in places.column("geonameid").to_pylist() if i is not None)
        verdicts = tables["verdicts"]
        self.claims += verdicts.num_rows
        self.claims_by_verdict.update(verdicts.column("status").to_pylist())
        events = tables["events"]
        self.events += events.num_rows
        self.events_by_kind.update(events.column("kind").to_pylist())

    def top_reasons(self, n: int = MAX_REASONS) -> dict[str, int]:
        """The ``n`` most frequent failure reasons, and the rest as "other reasons"."""
        top = dict(self.failed_by_reason.most_common(n))
        rest = sum(self.failed_by_reason.values()) - sum(top.values())
        if rest:
            top["other reasons"] = rest
        return top

    def to_dict(self) -> dict:
        return {
            "inputs": self.inputs, "output": self.output, "engine": self.engine,
            "workers": self.workers,
            "partition_size": self.partition_size, "partitions": self.partitions,
            "reports": self.reports, "reports_read": self.reports_read,
            "reports_failed": self.reports_failed,
            "failed_by_stage": dict(sorted(self.failed_by_stage.items())),
            "failed_by_reason": self.top_reasons(),
            "mentions": self.mentions, "places": self.places,
            "distinct_places": self.distinct_places,
            "claims": self.claims, "claims_by_verdict": dict(sorted(
                self.claims_by_verdict.items())),
            "events": self.events, "events_by_kind": dict(sorted(self.events_by_kind.items())),
            "seconds": round(self.seconds, 3), "reports_per_s": round(self.reports_per_s, 2),
        }


# --------------------------------------------------------------------------- engines


def _init_worker() -> None:
    """Process-pool initializer: load the gazetteer and Reader once per worker process."""
    default_reader()


class ReaderPlugin:
    """Dask worker plugin: loads the Reader when a worker starts (or joins), once per worker
    process, so the first partition does not pay for it. Duck-typed ``WorkerPlugin``."""

    name = "frontline-reader"
    idempotent = True

    def setup(self, worker=None) -> None:
        default_reader()

    def teardown(self, worker=None) -> None:
        pass


Outcome = tuple[int, list[Record], dict[str, pa.Table]]


class _LocalEngine:
    """A process pool over local cores; the Reader is loaded by the pool's initializer."""

    def __init__(self, workers: int | None, initializer: Callable[[], None] | None = None):
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.initializer = initializer or _init_worker
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> _LocalEngine:
        self._start()
        return self

    def _start(self) -> None:
        self.pool = ProcessPoolExecutor(max_workers=self.workers, initializer=self.initializer,
                                        mp_context=multiprocessing.get_context("spawn"))

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def run(self, parts: Iterator[list[Record]], func: Callable = analyse_partition
            ) -> Iterator[Outcome]:
        """``(index, records, tables)`` of each partition as it finishes; at most
        IN_FLIGHT_PER_WORKER partitions per worker are taken from ``parts`` ahead.

        When a worker dies (killed, out of memory, a crash in native code) the pool breaks and
        every partition in flight fails with it. Those are then run again one at a time on a
        new pool: one that breaks the pool on its own is the culprit, and its records become
        failures (stage ``worker``); the others are read normally.
        """
        limit = IN_FLIGHT_PER_WORKER * self.workers
        pending: dict = {}
        suspects: deque[tuple[int, list[Record]]] = deque()
        source = enumerate(parts)

        def submit(index: int, records: list[Record], alone: bool) -> None:
            pending[self.pool.submit(func, records)] = (index, records, alone)

        def refill() -> None:
            if suspects:
                if not pending:
                    submit(*suspects.popleft(), True)
                return
            while len(pending) < limit:
                nxt = next(source, None)
                if nxt is None:
                    return
                submit(*nxt, False)

        refill()
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken = False
            for future in sorted(done, key=lambda f: pending[f][0]):
                index, records, alone = pending.pop(future)
                try:
                    result = future.result()
                except BrokenProcessPool as exc:
                    broken = True
                    if not alone:
                        suspects.append((index, records))
                        continue
                    result = _lost_partition(records, exc)
                except Exception as exc:
                    result = _lost_partition(records, exc)
                yield index, records, result
            if broken:
                suspects.extend((index, records) for index, records, _ in pending.values())
                pending.clear()
                self.pool.shutdown(wait=False, cancel_futures=True)
                self._start()
            refill()


class _DaskEngine:
    """A ``distributed`` cluster: a LocalCluster on 127.0.0.1, or one at ``scheduler``."""

    def __init__(self, workers: int | None, scheduler: str | None):
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.scheduler = scheduler
        self.cluster = None
        self.client = None

    def __enter__(self) -> _DaskEngine:
        import logging

        from distributed import Client, LocalCluster

        if self.scheduler:
            try:
                self.client = Client(self.scheduler, timeout="20s")
            except (OSError, TimeoutError) as exc:
                raise BadInputError(f"cannot reach the Dask scheduler at {self.scheduler}: "
                                    f"{exc}") from exc
        else:
            self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                        processes=True, host="127.0.0.1",
                                        dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
        try:
            self.client.register_plugin(_dask_plugin(), name=ReaderPlugin.name)
        except Exception as exc:
            self.__exit__()
            raise BadInputError(f"the Dask workers cannot load the reader ({exc}); install "
                                "frontline-map (this package and its data) on every worker"
                                ) from exc
        found = len(self.client.scheduler_info().get("workers", {}))
        self.workers = max(1, found or self.workers)
        return self

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            with contextlib.suppress(Exception):
                self.client.close()
        if self.cluster is not None:
            with contextlib.suppress(Exception):
                self.cluster.close()
        self.client = self.cluster = None

    def run(self, parts: Iterator[list[Record]], func: Callable = analyse_partition
            ) -> Iterator[Outcome]:
        """As :meth:`_LocalEngine.run`, on the cluster."""
        from distributed import as_completed

        limit = IN_FLIGHT_PER_WORKER * self.workers
        source = enumerate(parts)
        run = uuid.uuid4().hex  # keys unique to this run, even on a shared cluster
        meta: dict = {}
        # On this client's loop, not the default client's: a result lost with its worker
        # resets its future, which must then be awaited on the loop that tracks it.
        flow = as_completed(loop=self.client.loop)

        def refill() -> None:
            while flow.count() < limit:
                nxt = next(source, None)
                if nxt is None:
                    return
                index, records = nxt
                future = self.client.submit(func, records, pure=False,
                                            key=f"analyse_partition-{index}-{run}")
                meta[future.key] = (index, records)
                flow.add(future)

        refill()
        for future in flow:
            index, records = meta.pop(future.key)
            try:
                result = future.result()
            except Exception as exc:  # KilledWorker after the scheduler's own retries, ...
                result = _lost_partition(records, exc)
            future.release()
            yield index, records, result
            refill()


def _dask_plugin():
    """A :class:`ReaderPlugin` that is also a ``distributed.WorkerPlugin``."""
    from distributed import WorkerPlugin

    class _Plugin(ReaderPlugin, WorkerPlugin):
        pass

    return _Plugin()


def run_batch(inputs: Iterable[str | os.PathLike[str]], output: str | os.PathLike[str], *,
              engine: Engine = "local", workers: int | None = None,
              scheduler: str | None = None, partition_size: int | None = None,
              overwrite: bool = False,
              progress: Callable[[BatchSummary], None] | None = None) -> BatchSummary:
    """Read every report of ``inputs`` into the output folder; return the summary.

    ``engine="local"``: ``workers`` processes (default: every core). ``engine="dask"``: a
    LocalCluster of ``workers`` processes on 127.0.0.1, or the cluster whose scheduler is at
    ``scheduler`` (``tcp://host:port``; its workers need this package installed).
    ``partition_size`` defaults to :data:`PARTITION_SIZE`, smaller for a small corpus (about
    :data:`PARTITIONS_PER_WORKER` partitions per worker). ``progress`` is called with the
    running summary (``summary.total``: the records expected, or None) after each partition.
    Raises :class:`BadInputError` for missing inputs or an output folder that is in the way;
    single reports that fail are recorded, never raised.
    """
    if engine not in ("local", "dask"):
        raise BadInputError(f"engine must be 'local' or 'dask', not {engine!r}")
    if scheduler and engine != "dask":
        raise BadInputError("--scheduler needs --engine dask")
    if workers is not None and workers < 1:
        raise BadInputError(f"workers must be >= 1, not {workers}")
    if partition_size is not None and partition_size < 1:
        raise BadInputError(f"partition size must be >= 1, not {partition_size}")
    paths = check_inputs(inputs)
    runner = _DaskEngine(workers, scheduler) if engine == "dask" else _LocalEngine(workers)
    writer = DatasetWriter(output, overwrite=overwrite)
    summary = BatchSummary(output=str(output), engine=engine, workers=runner.workers,
                           inputs=[str(p) for p in paths], total=count_records(paths))
    start = time.perf_counter()
    try:
        with runner:
            summary.workers = runner.workers
            summary.partition_size = partition_size or auto_partition_size(summary.total,
                                                                           runner.workers)
            for index, _records, tables in runner.run(partitions(iter_records(paths),
                                                                 summary.partition_size)):
                writer.write(index, tables)
                summary.add(tables)
                summary.seconds = time.perf_counter() - start
                if progress is not None:
                    progress(summary)
    finally:
        summary.seconds = time.perf_counter() - start
        writer.close(summary)
    return summary
