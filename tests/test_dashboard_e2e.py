"""The dashboard end to end: ``streamlit run app.py`` driven by headless Debian Chromium.

One server for the module (127.0.0.1, a free port, headless, no usage statistics); a fresh
browser per test, with every request but 127.0.0.1 aborted (map tiles fail, nothing else may
try). Tables are read back through the dataframe's own "Download as CSV" button, i.e. the
data the browser renders; the map is inspected inside the st_folium iframe.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pytest

from geo.offline import find_remote_assets
from tests.browser import (
    ARTIFACTS_DIR,
    BrowserSession,
    StreamlitStartError,
    chromium_page,
    chromium_pages,
    require_chromium,
    screenshot,
    streamlit_server,
)

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "app.py"
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
TILE_HOST = "tile.openstreetmap.org"
KUPIANSK, VOZNESENKA = 703656, 9112507
VOZNESENKA_ZAPORIZHZHIA = 688865
POKROVSK_CLAIM = "south of the besieged town of Pokrovsk"
SEED_EVENTS = 19  # all located; two abroad (Geneva, Budapest)
XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"
PAGE_TIMEOUT_MS = 90_000
#: Streamlit saves a table as CSV with the File System Access API when the browser has it,
#: which opens a native dialog; without it, it downloads a blob the test can read.
NO_SAVE_PICKER = "delete Window.prototype.showSaveFilePicker; delete window.showSaveFilePicker;"

#: Every MarkerClusterGroup of the map page and how many markers it holds.
CLUSTERS_JS = """() => {
  const out = [];
  for (const name of Object.keys(window)) {
    let value;
    try { value = window[name]; } catch (e) { continue; }
    if (value && window.L && value instanceof L.MarkerClusterGroup)
      out.push(value.getLayers().length);
  }
  return out;
}"""

#: Open the popup of the event marker whose popup mentions ``needle``; return its count.
OPEN_POPUP_JS = """(needle) => {
  const found = [];
  for (const name of Object.keys(window)) {
    let value;
    try { value = window[name]; } catch (e) { continue; }
    if (!(value && window.L && value instanceof L.MarkerClusterGroup)) continue;
    for (const marker of value.getLayers()) {
      const popup = marker.getPopup && marker.getPopup();
      if (!popup) continue;
      const content = popup.getContent();
      const text = typeof content === "string" ? content : content.textContent;
      if (text.includes(needle)) found.push([value, marker]);
    }
  }
  if (found.length) {
    const [cluster, marker] = found[0];
    cluster.zoomToShowLayer(marker, () => marker.openPopup());
  }
  return found.length;
}"""


@pytest.fixture(scope="module")
def server_url(tmp_path_factory) -> Iterator[str]:
    require_chromium()
    log = tmp_path_factory.mktemp("dashboard-e2e") / "streamlit.log"
    env = {"FRONTLINE_SEEDS_DIR": str(REPO / "seeds")}
    with streamlit_server(APP, env, cwd=REPO, log_path=log) as server:
        yield server.url


@pytest.fixture
def session(server_url) -> Iterator[BrowserSession]:
    """The dashboard loaded in a fresh offline Chromium, its map drawn."""
    with chromium_page(viewport=(1400, 1600)) as session:
        open_dashboard(session, server_url)
        wait_drawn(session)
        yield session
        assert_clean(session)


def open_dashboard(session: BrowserSession, url: str) -> None:
    """Load the dashboard (returns once the page has loaded, before the app has run)."""
    session.page.add_init_script(NO_SAVE_PICKER)
    session.page.goto(url)


def wait_drawn(session: BrowserSession) -> None:
    """Wait until the app's first run has drawn the map and a table."""
    map_frame(session.page).locator(".leaflet-marker-icon").first.wait_for(
        timeout=PAGE_TIMEOUT_MS)
    session.page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=PAGE_TIMEOUT_MS)


def assert_clean(session: BrowserSession) -> None:
    """Whatever the test did: nothing ran from report text, nothing failed, nothing but map
    tiles was requested from outside."""
    assert session.dialogs == []
    assert session.page_errors == []
    assert session.console_errors == []
    assert [u for u in session.blocked_requests if TILE_HOST not in u] == []


def map_frame(page):
    return page.frame_locator(MAP_IFRAME)


def map_frame_object(page):
    """The st_folium iframe as a Playwright Frame (to evaluate JavaScript in it)."""
    handle = page.locator(MAP_IFRAME).element_handle(timeout=PAGE_TIMEOUT_MS)
    return handle.content_frame()


def eventually(check: Callable[[], object], timeout: float = 60, message: str = "") -> object:
    """Call ``check`` until it returns something but None or False (the page reruns in the
    background); return that."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value is not None and value is not False:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(message or f"condition not met within {timeout:g} s")
        time.sleep(0.5)


def table(page, tab: str) -> pd.DataFrame:
    """The table of a tab as the browser has it, through its "Download as CSV" button.

    Tabs rerun the page when clicked; a click that lands while an earlier rerun (a selection,
    an override) is still on its way can be undone by that rerun, which redraws the old tab.
    So the tab is clicked again until its table shows, within PAGE_TIMEOUT_MS."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    panel = page.get_by_role("tabpanel", name=tab)
    grid = panel.locator('[data-testid="stDataFrame"]').first

    def shown() -> bool | None:
        wait_idle(page)  # a tab clicked during a rerun may be redrawn under the pointer
        page.get_by_role("tab", name=tab).click()
        try:
            grid.wait_for(state="visible", timeout=10_000)
        except PlaywrightTimeout:
            return None
        return True

    eventually(shown, timeout=PAGE_TIMEOUT_MS / 1000, message=f"the {tab} tab never drew its table")
    grid.hover()
    button = panel.locator('[data-testid="stElementToolbar"]').first.get_by_role(
        "button", name="Download as CSV")
    with page.expect_download(timeout=30_000) as download:
        # A click event on the button itself: the toolbar only shows while the pointer is
        # over the table, and the grid may cover it for a pointer click meanwhile.
        button.dispatch_event("click")
    data = Path(download.value.path()).read_bytes()
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")


def measured_km(page, claim: str) -> float | None:
    claims = table(page, "Claims")
    rows = claims[claims["claim"] == claim]
    return float(rows["measured km"].iloc[0]) if len(rows) == 1 else None


def shot(page, name: str) -> Path:
    """A screenshot of the page scrolled to the top, in tests/artifacts/."""
    page.locator(MAP_IFRAME).scroll_into_view_if_needed()
    return screenshot(page, name)


# --------------------------------------------------------------------------- tests


def test_default_page_draws_the_seed_events_on_a_leaflet_map(session):
    page = session.page
    frame = map_frame(page)
    assert frame.locator(".leaflet-container").count() == 1
    # Every seed event is a marker of the events' cluster layer; the ones in view are drawn
    # as marker icons (a stack at Kupiansk, shown as a cluster with its count).
    assert map_clusters(page) == [SEED_EVENTS]
    icons = frame.locator(".leaflet-marker-icon")
    assert icons.count() >= 1

    def drawn_clusters() -> list[int] | None:
        """Cluster counts once the map has settled: while Leaflet animates the first zoom,
        the old and the new cluster icons are both in the DOM for a moment."""
        counts = [int(t) for t in frame.locator(".marker-cluster span").all_inner_texts()]
        singles = frame.locator(".leaflet-marker-icon.awesome-marker").count()
        return counts if counts and sum(counts) + singles <= SEED_EVENTS else None

    counts = eventually(drawn_clusters, timeout=30,
                        message="cluster icons never settled to at most one per event")
    assert max(counts) >= 10  # Kupiansk's events stacked at one place
    # Places (circles), claims (lines), the legend, the layer control, the attribution.
    assert frame.locator("path.leaflet-interactive").count() >= 5
    assert frame.locator(".leaflet-control-layers-overlays label").count() == 6
    assert "GeoNames" in frame.locator(".leaflet-control-attribution").inner_text()
    widths = frame.locator("img.leaflet-marker-icon, .leaflet-marker-icon").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().width)")
    assert all(w > 0 for w in widths)

    # The tables beside it.
    places = table(page, "Places")
    assert set(places[places["mention"] == "Kupiansk"]["geonameid"]) == {KUPIANSK}
    assert places[places["mention"] == "Voznesenka"]["geonameid"].tolist() == [VOZNESENKA]
    assert measured_km(page, POKROVSK_CLAIM) == pytest.approx(25.1)
    events = table(page, "Events")
    assert len(events) == SEED_EVENTS
    shot(page, "dashboard_default")
    map_path = ARTIFACTS_DIR / "dashboard_map.png"
    page.locator(MAP_IFRAME).screenshot(path=str(map_path))
    assert map_path.stat().st_size > 10_000


def test_uploading_a_report_adds_its_places(session, tmp_path):
    page = session.page
    before = table(page, "Places")
    assert not {"Izyum", "Lyman"} & set(before["place"])
    report = tmp_path / "izium-lyman.txt"
    report.write_text("date 2024-11-15 Overnight update\n"
                      "Russian forces shelled Izium and Lyman on Friday, the governor said.\n",
                      encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    big = tmp_path / "big.md"
    big.write_bytes(b"Lyman. " * 400_000)  # 2.8 MB: above the 2 MB per report
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        [report, binary, big])
    page.get_by_text("izium-lyman.txt").wait_for(timeout=PAGE_TIMEOUT_MS)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("photo.txt is binary data, not text").wait_for(timeout=PAGE_TIMEOUT_MS)
    sidebar.get_by_text("big.md is 2.8 MB; the limit is 2 MB per report").wait_for(
        timeout=PAGE_TIMEOUT_MS)

    def grown():
        places = table(page, "Places")
        return places if {"Izyum", "Lyman"} <= set(places["place"]) else None

    places = eventually(grown, message="the uploaded report's places never showed")
    new = places[places["report"] == "2024-11-15 Overnight update"]
    assert sorted(new["place"]) == ["Izyum", "Lyman"]
    assert len(places) == len(before) + 2  # the seed's places are all still there
    # Two report dates now: the date filter appears.
    page.get_by_text("Report dates").wait_for(timeout=PAGE_TIMEOUT_MS)
    events = table(page, "Events")
    assert set(events[events["place"].isin(["Izyum", "Lyman"])]["kind"]) == {"strike"}
    eventually(lambda: map_clusters(page) == [SEED_EVENTS + 2] or None,
               message="the map did not get the new events")
    shot(page, "dashboard_upload")


def upload(page, path: Path) -> None:
    """Upload one report through the sidebar's file uploader; wait until it is listed."""
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(path)
    page.get_by_text(path.name).wait_for(timeout=PAGE_TIMEOUT_MS)


def wait_idle(page) -> None:
    """Wait until the app's script is not running (its last run's elements are final)."""
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(
        timeout=PAGE_TIMEOUT_MS)


def map_clusters(page) -> list[int] | None:
    """Marker counts of the map's cluster layers, or None while the map is being (re)drawn
    (its iframe reloading, Leaflet or its cluster plug-in not loaded yet)."""
    from playwright.sync_api import Error

    try:
        return map_frame_object(page).evaluate(CLUSTERS_JS) or None
    except Error:
        return None


def places_after_rerun(page) -> pd.DataFrame:
    """The Places table as a new run of the page draws it: the tabs are lazy, so opening
    Claims reruns the page and drops the Places table, and opening Places again reruns it
    and draws the table afresh."""
    wait_idle(page)
    table(page, "Claims")
    wait_idle(page)
    return table(page, "Places")


def test_two_sessions_do_not_see_each_others_uploads(server_url, tmp_path):
    """Two browsers on one server at once: what one uploads or pastes, only it sees."""
    a_places, b_places, pasted_places = {"Izyum", "Lyman"}, {"Kramatorsk", "Vovchansk"}, {
        "Chasiv Yar"}
    report_a = tmp_path / "izium-lyman.txt"
    report_a.write_text("date 2024-11-15 Overnight update\n"
                        "Russian forces shelled Izium and Lyman on Friday, the governor said.\n",
                        encoding="utf-8")
    report_b = tmp_path / "kramatorsk.txt"  # long names are shortened on screen
    report_b.write_text("date 2024-11-16 Morning briefing\n"
                        "Russian drones struck Kramatorsk and Vovchansk overnight, regional "
                        "officials said.\n", encoding="utf-8")
    def grown(session, names):
        """The session's Places table once it lists ``names``, else None (for eventually)."""
        def check():
            places = table(session.page, "Places")
            return places if names <= set(places["place"]) else None
        return check

    with chromium_pages(2, viewport=(1400, 1600)) as (a, b):
        for one in (a, b):  # both load at the same time
            open_dashboard(one, server_url)
        for one in (a, b):
            wait_drawn(one)
        seeds = table(a.page, "Places")
        pd.testing.assert_frame_equal(table(b.page, "Places"), seeds)
        assert not (a_places | b_places | pasted_places) & set(seeds["place"])

        # A uploads a report: A has its places ...
        upload(a.page, report_a)

        places = eventually(grown(a, a_places),
                            message="A never showed its uploaded report's places")
        assert sorted(places[places["report"] == "2024-11-15 Overnight update"]["place"]) == [
            "Izyum", "Lyman"]
        assert len(places) == len(seeds) + 2
        wait_idle(a.page)
        # ... and B, run again after A's upload, still has the seed's places only.
        places = places_after_rerun(b.page)
        assert not a_places & set(places["place"])
        pd.testing.assert_frame_equal(places, seeds)
        assert b.page.get_by_text(report_a.name).count() == 0
        wait_idle(b.page)
        assert eventually(lambda: map_clusters(b.page), timeout=30) == [SEED_EVENTS]

        # B uploads another report: B has its places but none of A's.
        upload(b.page, report_b)

        places = eventually(grown(b, b_places),
                            message="B never showed its uploaded report's places")
        assert sorted(places[places["report"] == "2024-11-16 Morning briefing"]["place"]) == [
            "Kramatorsk", "Vovchansk"]
        assert not a_places & set(places["place"])
        assert len(places) == len(seeds) + 2
        eventually(lambda: map_clusters(b.page) == [SEED_EVENTS + 2] or None,
                   message="B's map did not get (only) its own new events")
        wait_idle(b.page)

        # A pastes a report after B's upload: its next run has its upload and its pasted
        # text, and nothing of B's.
        a.page.get_by_text("Paste a report").click()
        area = a.page.get_by_label("Report text")
        area.fill("Ukrainian forces repelled an assault on Chasiv Yar, the General Staff said.")
        area.press("Control+Enter")

        def a_pasted():
            places = table(a.page, "Places")
            return places if pasted_places <= set(places["place"]) else None

        places = eventually(a_pasted, message="A never showed its pasted report's places")
        assert set(places[places["report"] == "pasted text"]["place"]) == pasted_places
        assert a_places <= set(places["place"])
        assert not b_places & set(places["place"])
        assert len(places) == len(seeds) + 3
        assert a.page.get_by_text(report_b.name).count() == 0
        eventually(lambda: map_clusters(a.page) == [SEED_EVENTS + 4] or None,
                   message="A's map does not have its upload's and paste's events")
        wait_idle(a.page)

        # B, run again after A's paste: its own upload, nothing pasted, nothing of A's.
        places = places_after_rerun(b.page)
        assert b_places <= set(places["place"])
        assert not (a_places | pasted_places) & set(places["place"])
        assert len(places) == len(seeds) + 2
        assert b.page.get_by_label("Report text").input_value() == ""

        # A new session (B reloaded) starts from the seeds alone: nothing was kept server-wide.
        b.page.reload()
        wait_drawn(b)
        pd.testing.assert_frame_equal(table(b.page, "Places"), seeds)
        shot(a.page, "dashboard_two_sessions_a")
        shot(b.page, "dashboard_two_sessions_b")
        for one in (a, b):
            assert_clean(one)


def test_distance_checker_shows_kharkiv_kupiansk(session):
    page = session.page
    metric = page.locator('[data-testid="stMetricValue"]')
    assert metric.inner_text() == "102.5 km"
    assert page.get_by_text("106.6°", exact=False).count() >= 1

    stated = page.get_by_label("Stated distance, km (optional)")
    stated.fill("120")
    stated.press("Enter")
    direction = page.get_by_label(re.compile(r"^Stated direction"))
    direction.fill("E")
    direction.press("Enter")
    verdict = page.locator('[data-testid="stAlertContentSuccess"]')
    verdict.wait_for(timeout=PAGE_TIMEOUT_MS)
    assert verdict.inner_text().startswith("consistent:")
    assert "ratio 1.17" in verdict.inner_text()

    target = page.get_by_label("To place")
    target.fill("Xyzzyville")
    target.press("Enter")
    error = page.locator('[data-testid="stAlertContentError"]')
    error.wait_for(timeout=PAGE_TIMEOUT_MS)
    assert "Xyzzyville" in error.inner_text()
    shot(page, "dashboard_distance_error")


def test_overriding_voznesenka_changes_the_claim_table(session):
    page = session.page
    assert measured_km(page, POKROVSK_CLAIM) == pytest.approx(25.1)
    page.get_by_role("tab", name="Places").click()
    page.get_by_text("Fix a resolution").click()
    chooser = page.get_by_label(re.compile(r"^'Voznesenka' \(9 candidates\)"))
    option = page.locator('[role="option"]', has_text=f"GeoNames {VOZNESENKA_ZAPORIZHZHIA},")

    def opened():
        if not option.is_visible():
            chooser.click()  # typing filters the candidates
            chooser.fill(str(VOZNESENKA_ZAPORIZHZHIA))
            page.wait_for_timeout(300)
        return option.is_visible() or None

    eventually(opened, timeout=30, message="the candidate list did not open")
    option.click()

    def changed():
        km = measured_km(page, POKROVSK_CLAIM)
        return km if km is not None and km != pytest.approx(25.1) else None

    km = eventually(changed, message="the claim table did not change")
    assert km == pytest.approx(203.1)
    places = table(page, "Places")
    assert places[places["mention"] == "Voznesenka"]["geonameid"].tolist() == [
        VOZNESENKA_ZAPORIZHZHIA]
    shot(page, "dashboard_override")


def test_pasted_markup_is_shown_as_text_and_never_runs(session):
    page = session.page
    text = (f"Shelling hit Izium {XSS_IMG} overnight, the governor said. "
            f"{XSS_SCRIPT} Russian forces attacked Lyman.")
    page.get_by_text("Paste a report").click()
    area = page.get_by_label("Report text")
    area.fill(text)
    area.press("Control+Enter")

    def pasted():
        places = table(page, "Places")
        mine = set(places[places["report"] == "pasted text"]["place"])
        return mine if {"Izyum", "Lyman"} <= mine else None

    eventually(pasted, message="the pasted report's places never showed")

    # On the map: the event's popup shows the markup as text.
    frame_object = map_frame_object(page)
    eventually(lambda: map_frame_object(page).evaluate(OPEN_POPUP_JS, "onerror") or None,
               message="no marker with the pasted evidence")
    frame = map_frame(page)
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for(timeout=PAGE_TIMEOUT_MS)
    assert XSS_IMG in popup.inner_text()
    assert popup.locator("img, script").count() == 0
    assert frame_object.evaluate("() => document.querySelectorAll('img[src=\"x\"]').length") == 0
    assert page.locator('img[src="x"]').count() == 0
    page.wait_for_timeout(500)  # an onerror handler would have fired by now
    shot(page, "dashboard_xss")


def test_picking_a_table_row_centres_the_map(session):
    page = session.page
    places = table(page, "Places")
    row = int(places.index[places["geonameid"] == KUPIANSK][0])
    assert row < 8  # in view without scrolling the table
    page.get_by_role("tab", name="Places").click()
    grid = page.get_by_role("tabpanel", name="Places").locator(
        '[data-testid="stDataFrameResizable"]').first
    box = grid.bounding_box()
    # The row's selection checkbox: first column; rows and header are 35 px high.
    page.mouse.click(box["x"] + 18, box["y"] + 35 * (row + 1) + 17)

    def centred():
        view = map_frame_object(page).evaluate(
            "() => [window.map.getCenter().lat, window.map.getCenter().lng, "
            "window.map.getZoom()]")
        return view if view[2] == 11 else None

    lat, lon, _ = eventually(centred, message="the map did not centre on the picked row")
    assert (lat, lon) == pytest.approx((49.71003, 37.61581), abs=1e-4)
    shot(page, "dashboard_row_focus")


def test_events_download_is_geojson_in_epsg4326(session, tmp_path):
    import geopandas as gpd

    page = session.page
    button = page.get_by_role("button", name="Events (geojson)")
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=PAGE_TIMEOUT_MS) as download:
        button.click()
    assert download.value.suggested_filename == "frontline-events.geojson"
    path = tmp_path / "events.geojson"
    download.value.save_as(path)
    gdf = gpd.read_file(path)
    assert gdf.crs.to_epsg() == 4326
    assert len(gdf) == SEED_EVENTS
    assert set(gdf["geonameid"]) >= {KUPIANSK, VOZNESENKA}

    button = page.get_by_role("button", name="Map (offline HTML)")
    with page.expect_download(timeout=PAGE_TIMEOUT_MS) as download:
        button.click()
    path = tmp_path / "map.html"
    download.value.save_as(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and find_remote_assets(text) == []
    assert "Voznesenka" in text and str(VOZNESENKA) in text


# --------------------------------------------------------------------------- the harness


def test_streamlit_server_starts_answers_and_always_stops(tmp_path):
    import urllib.request

    script = tmp_path / "hello.py"
    script.write_text("import streamlit as st\nst.write('hello')\n", encoding="utf-8")
    with streamlit_server(script, log_path=tmp_path / "ok.log") as server:
        assert server.url == f"http://127.0.0.1:{server.port}/"
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(server.url + "_stcore/health", timeout=5) as response:
            assert response.status == 200
        process = server.process
        assert process.poll() is None
    assert process.poll() is not None

    with pytest.raises(StreamlitStartError, match="streamlit exited") as excinfo, \
            streamlit_server(script, options={"server.port": "not-a-port"},
                             log_path=tmp_path / "bad.log"):
        pass
    assert "not-a-port" in str(excinfo.value) or "port" in str(excinfo.value).lower()
