"""The opt-in online fallback against a fake Nominatim on 127.0.0.1 (never the internet).

Every fault the real server can produce (timeouts, HTTP 429/403/500, replies that are no JSON
or JSON of the wrong shape, a connection closed without reply) must end as a warning naming
the query and the kind of fault, and ``None``: the offline answer, never an exception.
"""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from geopy.location import Location
from typer.testing import CliRunner

from geo import cli
from geo.geocoder import OfflineGeocoder, nominatim_fallback

QUERY = "Xyzzyville"  # unknown to the offline gazetteer (see test_cli.py)
PLACE = {"place_id": 4242, "osm_type": "node", "osm_id": 4242, "lat": "48.123456",
         "lon": "35.654321", "display_name": "Xyzzyville, Nowhere raion, Ukraine",
         "class": "place", "type": "village", "importance": 0.3}
USER_AGENT = inspect.signature(nominatim_fallback).parameters["user_agent"].default
CLIENT_TIMEOUT = 0.5
SLOW_SECONDS = 3.0  # longer than every attempt of the client (it retries twice) put together

#: Reply modes: name -> (HTTP status, body); "slow" and "closed" are handled apart.
REPLIES = {
    "valid": (200, json.dumps([PLACE])),
    "no result": (200, "[]"),
    "429": (429, '{"error": "Too many requests"}'),
    "403": (403, "<html><body>Access blocked: see the usage policy</body></html>"),
    "500": (500, "<html><body>Internal Server Error</body></html>"),
    "not json": (200, "not json"),
    "object without places": (200, '{"foo": 1}'),
    "place with a bad lat": (200, '[{"lat": "x"}]'),
    "lat that is no number": (200, '[{"lat": "x", "lon": "2", "display_name": "X"}]'),
    "place without lat/lon": (200, '[{"display_name": "Xyzzyville"}]'),
    "lat out of range": (200, '[{"lat": "95", "lon": "0", "display_name": "Xyzzyville"}]'),
    "a bare string": (200, '"Xyzzyville"'),
    "a list of numbers": (200, "[1, 2]"),
}

#: Fault mode -> words the warning must hold to name the kind of fault.
FAULTS = {
    "429": ("rate limited", "HTTP 429"),
    "403": ("access refused", "HTTP 403"),
    "500": ("server error", "HTTP 500"),
    "slow": ("timed out",),
    "closed": ("connection closed",),
    "not json": ("malformed reply",),
    "object without places": ("malformed reply",),
    "place with a bad lat": ("malformed reply",),
    "lat that is no number": ("malformed reply",),
    "place without lat/lon": ("malformed reply",),
    "lat out of range": ("malformed reply",),
    "a bare string": ("malformed reply",),
    "a list of numbers": ("malformed reply",),
}


class FakeNominatim(ThreadingHTTPServer):
    """Answers ``/search`` as ``mode`` says and records every request it receives."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.mode = "valid"
        self.requests: list[dict] = []
        self.stopping = threading.Event()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: FakeNominatim

    def do_GET(self):  # noqa: N802 (http.server's name)
        url = urlsplit(self.path)
        self.server.requests.append({"path": url.path, "params": parse_qs(url.query),
                                     "user_agent": self.headers.get("User-Agent")})
        mode = self.server.mode
        if mode == "closed":
            self.close_connection = True  # hang up without a status line
            return
        if mode == "slow":
            self.server.stopping.wait(SLOW_SECONDS)
            mode = "valid"
        status, body = REPLIES[mode] if url.path == "/search" else (404, "not found")
        data = body.encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except OSError:
            pass  # the client gave up (the slow mode)

    def log_message(self, format, *args):  # noqa: A002 (http.server's signature)
        pass


@pytest.fixture
def server(monkeypatch):
    # geopy sends requests through the system proxies (no_proxy aside): keep them out.
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY",
                 "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    fake = FakeNominatim()
    thread = threading.Thread(target=fake.serve_forever, kwargs={"poll_interval": 0.02},
                              daemon=True)
    thread.start()
    yield fake
    fake.stopping.set()
    fake.shutdown()
    fake.server_close()
    thread.join(5)


@pytest.fixture
def online(gazetteer, server, tmp_path):
    return OfflineGeocoder(gazetteer, fallback=nominatim_fallback(
        domain=f"127.0.0.1:{server.server_address[1]}", scheme="http",
        timeout=CLIENT_TIMEOUT, min_delay_seconds=0, cache_path=tmp_path / "cache.json"))


def assert_asked_for(server: FakeNominatim, query: str) -> None:
    """The server received the query, as Nominatim's API wants it, from us."""
    assert server.requests, "the fake server received no request"
    for request in server.requests:
        assert request["path"] == "/search"
        assert request["params"]["q"] == [query]
        assert request["params"]["format"] == ["json"]
        assert request["user_agent"] == USER_AGENT


def cached_queries(tmp_path) -> dict:
    path = tmp_path / "cache.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def test_valid_reply_is_the_online_answer(online, server, tmp_path):
    loc = online.geocode(QUERY)
    assert isinstance(loc, Location)
    assert loc.point[:2] == (48.123456, 35.654321)
    assert loc.address == PLACE["display_name"]
    assert loc.raw["source"] == "online fallback" and loc.raw["place_id"] == 4242
    assert online.warnings == []
    assert_asked_for(server, QUERY)
    assert len(server.requests) == 1
    assert QUERY in cached_queries(tmp_path)


def test_no_result_is_none_without_a_warning(online, server):
    server.mode = "no result"
    assert online.geocode(QUERY) is None
    assert online.warnings == []
    assert_asked_for(server, QUERY)


@pytest.mark.filterwarnings("ignore:Latitude normalization:UserWarning")  # lat out of range
@pytest.mark.parametrize("mode", list(FAULTS))
def test_fault_warns_and_keeps_the_offline_answer(online, server, tmp_path, mode):
    server.mode = mode
    assert online.geocode(QUERY) is None  # no exception
    assert len(online.warnings) == 1
    warning = online.warnings[0]
    assert "online geocoder failed" in warning and repr(QUERY) in warning
    for words in FAULTS[mode]:
        assert words in warning, warning
    assert "Traceback" not in warning and len(warning) < 400
    assert_asked_for(server, QUERY)
    assert QUERY not in cached_queries(tmp_path)  # a failure is never cached


def test_fault_with_exactly_one_false_is_an_empty_list(online, server):
    server.mode = "429"
    assert online.geocode(QUERY, exactly_one=False) == []
    assert "rate limited" in online.warnings[-1]


def test_known_offline_place_never_asks_the_server(online, server):
    loc = online.geocode("Kupiansk")
    assert loc.raw["geonameid"] == 703656 and loc.raw["source"] == "GeoNames (offline)"
    assert server.requests == [] and online.warnings == []


def test_cache_answers_a_repeated_query(online, server, gazetteer, tmp_path):
    first = online.geocode(QUERY)
    again = online.geocode(QUERY)
    # A new process reads the same cache file.
    fresh = OfflineGeocoder(gazetteer, fallback=nominatim_fallback(
        domain=f"127.0.0.1:{server.server_address[1]}", scheme="http",
        timeout=CLIENT_TIMEOUT, min_delay_seconds=0, cache_path=tmp_path / "cache.json"))
    third = fresh.geocode(QUERY)
    assert len(server.requests) == 1
    assert first.point == again.point == third.point
    assert third.raw["place_id"] == 4242 and third.raw["source"] == "online fallback"


def test_failure_is_not_cached_and_a_later_success_asks_again(online, server, tmp_path):
    server.mode = "429"
    assert online.geocode(QUERY) is None
    assert QUERY not in cached_queries(tmp_path)
    server.mode = "valid"
    loc = online.geocode(QUERY)
    assert loc is not None and loc.point[:2] == (48.123456, 35.654321)
    assert len(server.requests) == 2
    assert online.geocode(QUERY).point == loc.point  # now from the cache
    assert len(server.requests) == 2
    assert len(online.warnings) == 1


@pytest.fixture
def run_cli(server, monkeypatch, tmp_path):
    monkeypatch.setenv(cli.NOMINATIM_URL_ENV, server.url)
    monkeypatch.setenv("HOME", str(tmp_path))  # the default cache goes under ~/.cache
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(cli.app, list(args))

    return run


def test_cli_online_rate_limited_is_a_message_not_a_traceback(run_cli, server):
    server.mode = "429"
    result = run_cli("geocode", QUERY, "--online")
    output = " ".join(result.output.split())
    assert result.exit_code == 1, output
    assert isinstance(result.exception, SystemExit)
    assert f"no place called {QUERY!r} in the gazetteer" in output
    assert "rate limited (HTTP 429)" in output
    assert "Traceback" not in output
    assert_asked_for(server, QUERY)


def test_cli_online_failure_is_told_once(server, tmp_path):
    """As a user runs it (a real process, real stderr): the warning appears once, not also as a
    log line."""
    server.mode = "429"
    env = {**os.environ, cli.NOMINATIM_URL_ENV: server.url, "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "geo.cli", "geocode", QUERY, "--online"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1, result.stderr
    said = " ".join((result.stdout + result.stderr).split())
    assert said.count("the online geocoder failed") == 1, said
    assert "rate limited (HTTP 429)" in said


def test_cli_online_uses_the_configured_server(run_cli, server, tmp_path):
    result = run_cli("geocode", QUERY, "--online", "--json")
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout)[0]
    assert (row["lat"], row["lon"], row["source"]) == (48.123456, 35.654321, "online fallback")
    assert_asked_for(server, QUERY)
    assert list((tmp_path / ".cache/frontline-map").glob("nominatim-127.0.0.1*.json"))


def test_cli_online_table_says_where_the_answer_came_from(run_cli, server):
    result = run_cli("geocode", QUERY, "--online")
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "why: online fallback:" in said and "48.12346" in said


def test_cli_rejects_a_url_that_is_no_base_url(run_cli, monkeypatch, server):
    monkeypatch.setenv(cli.NOMINATIM_URL_ENV, "ftp://127.0.0.1/")
    result = run_cli("geocode", QUERY, "--online")
    assert result.exit_code == 2 and cli.NOMINATIM_URL_ENV in result.output
    assert server.requests == []
