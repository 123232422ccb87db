"""Shared helpers for tests that drive Debian's Chromium through Playwright, offline.

Usage::

    from tests.browser import chromium_page, screenshot

    def test_map(tmp_path):
        with chromium_page() as session:
            session.page.goto(path.as_uri())
            assert not session.page_errors

    with streamlit_server(Path("app.py")) as server:  # `streamlit run` on a free port
        with chromium_page() as session:
            session.page.goto(server.url)

Every request that is not ``file:``, ``data:``, ``blob:`` or to 127.0.0.1/localhost is aborted
and recorded, so a test proves a page works with no network at all. Playwright's own browser
downloads are never used (no ``playwright install``): the browser is ``/usr/bin/chromium``.
When it is missing the test fails with a clear message if the ``CI`` environment variable is
set (to anything but ``""``, ``0`` or ``false``) and is skipped otherwise.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM_PATH = Path("/usr/bin/chromium")

#: Flags for Debian's Chromium in a container; without the background-networking ones it keeps
#: trying to reach Google services.
CHROMIUM_ARGS: tuple[str, ...] = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
)

ALLOWED_SCHEMES = frozenset({"file", "data", "blob"})
ALLOWED_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})

ARTIFACTS_DIR = Path(__file__).resolve().parent / "artifacts"
REPO_DIR = Path(__file__).resolve().parent.parent

#: ``streamlit run`` options of every test server: local only, no browser, no file watcher, no
#: usage statistics sent anywhere.
STREAMLIT_OPTIONS: dict[str, str] = {
    "server.headless": "true",
    "server.address": "127.0.0.1",
    "server.fileWatcherType": "none",
    "server.runOnSave": "false",
    "browser.gatherUsageStats": "false",
}
#: Seconds ``streamlit_server`` waits for the health endpoint before giving up.
STREAMLIT_START_TIMEOUT = 60.0

INSTALL_HINT = (
    "apt-get update && apt-get install -y --no-install-recommends chromium "
    "(or run .ci/run, which installs it when run as root)"
)


@dataclass
class BrowserSession:
    """A Chromium page with everything a test wants to assert on recorded as it happens."""

    page: object  # playwright.sync_api.Page; typed loosely so this module imports without it
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    blocked_requests: list[str] = field(default_factory=list)
    #: Console errors that only report a request this session blocked ("Failed to load
    #: resource: net::ERR_BLOCKED_BY_CLIENT"), kept apart from ``console_errors``.
    blocked_console_errors: list[str] = field(default_factory=list)


def in_ci() -> bool:
    """True when the ``CI`` environment variable is set to a true-ish value."""
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def require_chromium(path: Path = CHROMIUM_PATH) -> Path:
    """Return ``path`` if Chromium is installed there; otherwise fail (in CI) or skip."""
    if path.is_file() and os.access(path, os.X_OK):
        return path
    message = f"Chromium not found at {path}; install it with: {INSTALL_HINT}"
    if in_ci():
        pytest.fail(f"CI is set and browser tests must run. {message}", pytrace=False)
    pytest.skip(message)


def is_allowed_url(url: str) -> bool:
    """True for ``file:``/``data:``/``blob:`` URLs and requests to this machine."""
    parts = urlsplit(url)
    if parts.scheme in ALLOWED_SCHEMES:
        return True
    return parts.scheme in {"http", "https", "ws", "wss"} and parts.hostname in ALLOWED_HOSTS


@contextmanager
def chromium_page(
    *,
    viewport: tuple[int, int] = (1024, 768),
    extra_args: Sequence[str] = (),
) -> Iterator[BrowserSession]:
    """Launch headless Chromium offline and yield a :class:`BrowserSession` on a fresh page.

    Requests other than ``file:``/``data:``/``blob:`` and 127.0.0.1/localhost are aborted and
    their URLs appended to ``blocked_requests``. Console messages of type ``error`` go to
    ``console_errors`` (those caused by a blocked request to ``blocked_console_errors``),
    uncaught exceptions to ``page_errors``, and every ``alert``/``confirm``/``prompt`` is
    recorded in ``dialogs`` and dismissed.
    """
    with chromium_pages(1, viewport=viewport, extra_args=extra_args) as (session,):
        yield session


@contextmanager
def chromium_pages(
    count: int,
    *,
    viewport: tuple[int, int] = (1024, 768),
    extra_args: Sequence[str] = (),
) -> Iterator[list[BrowserSession]]:
    """Like :func:`chromium_page`, but ``count`` sessions open at once in one Chromium.

    Each session is a page in its own browser context (its own cookies and storage, like a
    separate browser profile), recorded and confined as :func:`chromium_page` describes.
    Playwright's sync API runs one instance per thread, so nested ``chromium_page`` calls
    cannot do this.
    """
    executable = require_chromium()
    from playwright.sync_api import sync_playwright  # after the skip/fail decision

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(executable),
            headless=True,
            args=[*CHROMIUM_ARGS, *extra_args],
        )
        try:
            yield [_new_session(browser, viewport) for _ in range(count)]
        finally:
            browser.close()


def _new_session(browser, viewport: tuple[int, int]) -> BrowserSession:
    """A page in a fresh context of ``browser``, its requests confined and its events recorded."""
    context = browser.new_context(
        viewport={"width": viewport[0], "height": viewport[1]},
        service_workers="block",  # so every request goes through the route below
    )
    page = context.new_page()
    session = BrowserSession(page=page)

    def route(route_obj) -> None:
        url = route_obj.request.url
        if is_allowed_url(url):
            route_obj.continue_()
        else:
            session.blocked_requests.append(url)
            route_obj.abort("blockedbyclient")

    def on_console(message) -> None:
        if message.type != "error":
            return
        text = message.text
        source = (message.location or {}).get("url", "")
        if "ERR_BLOCKED_BY_CLIENT" in text and (
            not source or source in session.blocked_requests
        ):
            session.blocked_console_errors.append(f"{text} ({source})")
        else:
            session.console_errors.append(f"{text} ({source})" if source else text)

    def on_dialog(dialog) -> None:
        session.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    context.route("**/*", route)
    page.on("console", on_console)
    page.on("pageerror", lambda error: session.page_errors.append(str(error)))
    page.on("dialog", on_dialog)
    return session


class StreamlitStartError(RuntimeError):
    """``streamlit run`` exited or did not answer its health check in time."""


@dataclass
class StreamlitServer:
    """A running ``streamlit run``: its URL, its process and the file its output goes to."""

    url: str
    port: int
    process: subprocess.Popen
    log_path: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def log(self) -> str:
        """Everything the server printed so far."""
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on (the OS picks it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def streamlit_server(
    script: Path | str,
    env: Mapping[str, str] | None = None,
    *,
    cwd: Path | str | None = None,
    options: Mapping[str, str] | None = None,
    log_path: Path | str | None = None,
    timeout: float = STREAMLIT_START_TIMEOUT,
) -> Iterator[StreamlitServer]:
    """Run ``streamlit run script`` on a free 127.0.0.1 port; yield it once it is healthy.

    The server is headless, sends no usage statistics and watches no files. ``env`` is added to
    this process's environment (the repository goes first on ``PYTHONPATH`` so ``geo`` imports);
    ``options`` adds or overrides ``--name=value`` options. Its output goes to ``log_path``
    (default: ``streamlit-<port>.log`` beside the script). The process is always stopped on
    exit. Raises :class:`StreamlitStartError`, with the server's output, when it exits or its
    ``/_stcore/health`` endpoint does not answer 200 within ``timeout`` seconds.
    """
    script = Path(script).resolve()
    port = free_port()
    chosen = {**STREAMLIT_OPTIONS, "server.port": str(port), **(options or {})}
    args = [f"--{name}={value}" for name, value in chosen.items()]
    pythonpath = os.pathsep.join(filter(None, [str(REPO_DIR), os.environ.get("PYTHONPATH")]))
    log_path = Path(log_path) if log_path else script.parent / f"streamlit-{port}.log"
    url = f"http://127.0.0.1:{port}/"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(script), *args],
            cwd=str(cwd or script.parent),
            env={**os.environ, **(env or {}), "PYTHONPATH": pythonpath},
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        server = StreamlitServer(url=url, port=port, process=process, log_path=log_path)
        try:
            _wait_healthy(server, timeout)
            yield server
        finally:
            _stop(process)


def _wait_healthy(server: StreamlitServer, timeout: float) -> None:
    no_proxy = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + timeout
    while True:
        try:
            with no_proxy.open(server.url + "_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if server.process.poll() is not None:
            raise StreamlitStartError(
                f"streamlit exited with status {server.process.returncode}:\n{server.log()}"
            )
        if time.monotonic() > deadline:
            raise StreamlitStartError(
                f"streamlit did not answer on {server.url} within {timeout:.0f} s:\n"
                f"{server.log()}"
            )
        time.sleep(0.1)


def screenshot(page, name: str) -> Path:
    """Save a full-page PNG of ``page`` as ``tests/artifacts/<name>.png`` and return the path."""
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("._") or "screenshot"
    path = ARTIFACTS_DIR / f"{safe}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
