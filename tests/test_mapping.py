"""Map layers and build_map: counts, escaping, attribution, scale, and the page in Chromium."""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from dataclasses import replace

import folium
import numpy as np
import pytest
from folium.plugins import FastMarkerCluster, MarkerCluster

from geo import mapping
from geo.mapping import (
    ATTRIBUTION,
    EVENT_STYLES,
    MAX_ZOOM,
    STATUS_COLORS,
    CanvasMarkerCluster,
    borders_layer,
    build_map,
    claim_tooltip,
    claims_layer,
    event_popup_html,
    events_layer,
    legend,
    oblasts_layer,
    occupied_layer,
    places_layer,
)
from geo.models import Analysis, Event, EventKind, Mention, Report, Status
from tests.test_exports import XSS, build_analyses

ESCAPED_XSS = "&lt;script&gt;alert(1)&lt;/script&gt;"
# Payloads that break out of folium's JavaScript template literals if only html-escaped.
TEMPLATE_PAYLOADS = "${alert(2)} `${alert(3)}` \\`);alert(4);//"
BROWSER_PAYLOAD = XSS + '<img src=x onerror="alert(5)"> ' + TEMPLATE_PAYLOADS


@pytest.fixture(scope="module")
def analyses(gazetteer):
    return build_analyses(gazetteer)


def children(layer, kind) -> list:
    return [c for c in layer._children.values() if isinstance(c, kind)]


def markers(layer) -> list[folium.Marker]:
    """The markers of an events layer (inside its stacking MarkerCluster)."""
    stacks = [c for c in children(layer, MarkerCluster) if not isinstance(c, FastMarkerCluster)]
    return [m for stack in stacks for m in children(stack, folium.Marker)]


def render(element) -> str:
    if isinstance(element, folium.Map):
        return element.get_root().render()
    m = folium.Map(tiles=None, maxZoom=MAX_ZOOM)
    element.add_to(m)
    return m.get_root().render()


def all_events(analyses):
    events, reports = [], []
    for analysis in analyses:
        events += analysis.events
        reports += [analysis.report] * len(analysis.events)
    return events, reports


# --------------------------------------------------------------------------- layers


def test_events_layer_draws_one_marker_per_located_event(analyses):
    events, reports = all_events(analyses)
    layer = events_layer(events, reports=reports)
    drawn = markers(layer)
    assert len(drawn) == 4  # five events, one of them at an unresolved place
    icons = [m.icon.options for m in drawn]
    assert icons[0]["icon"] == EVENT_STYLES[EventKind.ENTRY_REPELLED].icon
    assert icons[0]["marker_color"] == EVENT_STYLES[EventKind.ENTRY_REPELLED].color
    assert {i["prefix"] for i in icons} == {"fa"}
    assert not children(layer, FastMarkerCluster)


def test_every_event_kind_has_a_style():
    assert set(EVENT_STYLES) == set(EventKind)
    assert len({s.icon for s in EVENT_STYLES.values()}) == len(EventKind)
    assert mapping.event_style("something-new").label == "Event"


def test_event_popup_holds_the_facts_escaped(analyses):
    events, reports = all_events(analyses)
    leaflet = events[1]
    popup = event_popup_html(leaflet, reports[1])
    assert ESCAPED_XSS in popup and XSS not in popup
    for expected in ("Statement", "2025-03-14", "Kupyansk, Kupianskyi Raion, Kharkiv Oblast",
                     "geonames.org/703656", "=SUM(A1)", "+1+2", "@cmd", "Куп&#x27;янськ",
                     "Morning &lt;b&gt;update&lt;/b&gt;", "report aaaaaaaaaaaaaaaa"):
        assert expected in popup, expected
    popup = event_popup_html(events[0], reports[0])
    assert "Precision:</b> near" in popup and "district council" in popup


def test_rendered_popups_and_tooltips_are_escaped(analyses):
    events, reports = all_events(analyses)
    hostile = replace(events[0], evidence=BROWSER_PAYLOAD, actor=XSS)
    page = render(events_layer([hostile, *events], reports=[reports[0], *reports]))
    assert XSS not in page and "<img src=x" not in page
    assert ESCAPED_XSS in page
    assert "&#36;&#123;alert(2)&#125;" in page and "${alert" not in page
    assert "&#96;" in page and "&#92;" in page
    tooltip = re.search(r"bindTooltip\(\s*`<div>\s*(.*?)\s*</div>`", page, re.S).group(1)
    assert tooltip == "Attack repelled · Kupyansk · 2025-03-14"


def test_places_layer_one_circle_per_place(analyses):
    mentions = [m for a in analyses for m in a.mentions]
    layer = places_layer(mentions)
    circles = children(layer, folium.CircleMarker)
    assert len(circles) == 4  # Kupiansk (4 mentions), Kharkiv, Voznesenka, Geneva
    page = render(layer)
    assert "&#8220;Kupiansk&#8221;, &#8220;Куп&#x27;янськ&#8221;" in page
    assert ESCAPED_XSS in page and XSS not in page  # a reason holds markup


def test_claims_layer_lines_and_tooltips(analyses):
    verdicts = [v for a in analyses for v in a.verdicts]
    layer = claims_layer(verdicts)
    lines = children(layer, folium.PolyLine)
    circles = children(layer, folium.CircleMarker)
    assert len(lines) == 1 and len(circles) == 1  # the border claim has no reference place
    (lat0, lon0), (lat1, lon1) = lines[0].locations
    assert (lat0, lon0) == (49.98177, 36.25475) and (lat1, lon1) == (49.71003, 37.61581)
    assert lines[0].options["color"] == STATUS_COLORS[Status.CONSISTENT]
    assert circles[0].options["color"] == STATUS_COLORS[Status.UNVERIFIABLE]
    assert claim_tooltip(verdicts[0]) == (
        "stated 100 km vs measured 103.9 km (ratio 0.96), consistent")
    assert claim_tooltip(verdicts[1]) == "stated 30 km vs not measured, unverifiable"
    hostile = replace(verdicts[0], explanation=XSS, status=Status.INCONSISTENT)
    page = render(claims_layer([hostile]))
    assert ESCAPED_XSS in page and XSS not in page
    assert "stated 100 km vs measured 103.9 km (ratio 0.96), inconsistent" in page


def test_occupied_layer_is_named_with_its_snapshot_date():
    layer = occupied_layer(dt.date(2025, 6, 1))
    assert layer is not None
    assert layer.layer_name == "Occupied area (2025-06-01)"
    assert layer.snapshot_date == dt.date(2025, 6, 1)
    geojson = children(layer, folium.GeoJson)
    assert len(geojson) == 2  # the area and the line of contact
    assert geojson[0].data["features"][0]["geometry"]["type"] == "MultiPolygon"
    assert "DeepStateMap map of 2025-06-01" in render(layer)


def test_occupied_layer_skips_gracefully(monkeypatch):
    assert occupied_layer(dt.date(1990, 1, 1)) is None  # before the first map
    import geo.frontline

    def missing(*_args, **_kwargs):
        raise geo.frontline.DataError("data/frontline.parquet is missing")

    monkeypatch.setattr(geo.frontline, "load_frontline", missing)
    assert occupied_layer(dt.date(2025, 6, 1)) is None
    m = build_map([], layers=("occupied", "events"))
    assert not any(name.startswith("Occupied") for name in
                   (getattr(c, "layer_name", "") for c in m._children.values()))


def test_borders_and_oblasts_layers():
    borders, oblasts = borders_layer(), oblasts_layer()
    features = children(borders, folium.GeoJson)[0].data["features"]
    assert len(features) == 8
    assert sum(f["properties"]["home"] for f in features) == 1  # Ukraine drawn darker
    assert len(children(oblasts, folium.GeoJson)[0].data["features"]) == 27
    assert children(oblasts, folium.GeoJson)[0].options["interactive"] is False


def test_legend_and_attribution(analyses):
    page = render(build_map(analyses, layers=("events",)))
    legend_html = legend()
    for style in EVENT_STYLES.values():
        assert style.label in legend_html.content_html
        assert f"fa-{style.icon}" in legend_html.content_html
    for needle in ("GeoNames", "geonames.org", "CC BY 4.0", "Natural Earth", "geoBoundaries",
                   "CC BY 3.0 IGO", "DeepStateMap", "GPL-3.0", "cyterat/deepstate-map-data",
                   "OpenStreetMap contributors"):
        assert needle in ATTRIBUTION
        assert needle in page, needle
    assert "addAttribution" in page
    only_events = legend(layers=("events",)).content_html
    assert "Attack repelled" in only_events and "Claims" not in only_events
    dated = legend(occupied_date=dt.date(2025, 6, 1)).content_html
    assert "Occupied area (DeepStateMap, 2025-06-01)" in dated


# --------------------------------------------------------------------------- build_map


def test_build_map_layers_and_options(analyses):
    m = build_map(analyses)
    names = [c.layer_name for c in m._children.values() if hasattr(c, "layer_name")]
    assert names == ["OpenStreetMap (online)", "Oblasts", "Borders", "Occupied area (2025-04-02)",
                     "Claims", "Places", "Events"]
    assert m.options["maxZoom"] == MAX_ZOOM
    assert children(m, folium.LayerControl)
    tiles = children(m, folium.TileLayer)
    assert len(tiles) == 1 and "openstreetmap" in tiles[0].tiles
    # Fitted to the events and places in Ukraine, not stretched to Geneva.
    (south, west), (north, east) = m._children[
        next(k for k in m._children if k.startswith("fit_bounds"))].bounds
    assert 47.5 < south < north < 50.5 and 36 < west < east < 38.5


def test_build_map_show_abroad(analyses):
    def event_count(m):
        layer = next(c for c in m._children.values() if getattr(c, "layer_name", "") == "Events")
        return len(markers(layer))

    def places(m):
        layer = next(c for c in m._children.values() if getattr(c, "layer_name", "") == "Places")
        return len(children(layer, folium.CircleMarker))

    shown = build_map(analyses, layers=("events", "places"))
    hidden = build_map(analyses, layers=("events", "places"), show_abroad=False)
    assert (event_count(shown), places(shown)) == (4, 4)
    assert (event_count(hidden), places(hidden)) == (3, 3)
    assert "Geneva" in render(shown) and "Geneva" not in render(hidden)


def test_build_map_rejects_unknown_layers(analyses):
    with pytest.raises(ValueError, match="unknown layer"):
        build_map(analyses, layers=("events", "heatmap"))


def test_build_map_with_nothing_shows_ukraine():
    m = build_map([], layers=("borders",), tiles=False)
    bounds = next(c for k, c in m._children.items() if k.startswith("fit_bounds")).bounds
    assert bounds == [list(mapping.UKRAINE_BOUNDS[0]), list(mapping.UKRAINE_BOUNDS[1])]
    assert not children(m, folium.TileLayer)


def synthetic_analyses(gazetteer, n: int, seed: int = 7) -> list[Analysis]:
    """``n`` events at real Ukrainian places sampled from the gazetteer, in 100 reports."""
    frame = gazetteer.frame
    rows = np.flatnonzero((frame["country_code"] == "UA").to_numpy()
                          & (frame["feature_class"] == "P").to_numpy())
    rng = np.random.default_rng(seed)
    picked = rng.choice(rows, size=n)
    picked[0] = np.setdiff1d(rows, picked[1:])[0]  # event 0 (the payload) alone at its place
    kinds = list(EventKind)
    per_report = n // 100
    analyses = []
    for r in range(100):
        report = Report(f"synthetic report {r}", dt.date(2025, 1, 1) + dt.timedelta(days=r),
                        f"Synthetic {r}", "synthetic", f"{r:016x}")
        events = []
        for i in range(r * per_report, (r + 1) * per_report):
            place = gazetteer.place_at(int(picked[i]))
            mention = Mention(place.name, 0, len(place.name), candidates=(place,), place=place,
                              confidence=0.9, reason="synthetic")
            evidence = f"Synthetic event {i} reported at {place.name}."
            if i == 0:
                evidence += " " + BROWSER_PAYLOAD
            events.append(Event(kinds[i % len(kinds)], mention, evidence, 0, len(evidence),
                                actor="unit-test", claimed_by=f"source {i % 13}"))
        analyses.append(Analysis(report, events=tuple(events)))
    return analyses


@pytest.fixture(scope="module")
def big_map_html(gazetteer, tmp_path_factory):
    analyses = synthetic_analyses(gazetteer, 50_000)
    start = time.perf_counter()
    m = build_map(analyses, layers=("events", "borders"))
    built = time.perf_counter() - start
    from geo.offline import export_html

    start = time.perf_counter()
    path = export_html(m, tmp_path_factory.mktemp("big") / "events50k.html")
    exported = time.perf_counter() - start
    print(f"\n50k events: build_map {built:.2f} s, export {exported:.2f} s, "
          f"{path.stat().st_size / 1e6:.2f} MB")
    return m, path


def test_50000_events_use_the_canvas_cluster(big_map_html):
    m, path = big_map_html
    layer = next(c for c in m._children.values() if getattr(c, "layer_name", "") == "Events")
    clusters = children(layer, FastMarkerCluster)
    assert len(clusters) == 1 and isinstance(clusters[0], CanvasMarkerCluster)
    assert not markers(layer)
    assert len(clusters[0].data) == 50_000
    assert "chunked_loading" not in clusters[0].options  # see CanvasMarkerCluster
    page = path.read_text(encoding="utf-8")
    assert "L.canvas(" in page and "L.circleMarker(" in page and "cluster.addLayers(" in page
    assert XSS not in page and "<img src=x" not in page
    # The string table is JSON with "<" as \\u003c; decoded, its text is html-escaped.
    table = json.loads(re.search(r"var S = (\[.*?\]);\n", page).group(1))
    assert any(ESCAPED_XSS in s and "&#36;&#123;alert(2)&#125;" in s for s in table)
    assert not any("<" in s for s in table if "alert" in s)
    assert path.stat().st_size < 10_000_000  # measured 8.4 MB, 2.6 MB of it evidence text


def test_cluster_popups_match_marker_popups(analyses):
    """Both paths render from the same layout: the rows and strings agree."""
    events, reports = all_events(analyses)
    plain = events_layer(events, reports=reports)
    clustered = events_layer(events, reports=reports, cluster_threshold=0)
    cluster = children(clustered, CanvasMarkerCluster)[0]
    assert len(cluster.data) == len(markers(plain)) == 4
    for row, marker in zip(cluster.data, markers(plain), strict=True):
        popup = next(c for c in marker._children.values() if isinstance(c, folium.Popup))
        html_ = next(iter(popup.html._children.values())).data
        assert mapping._render_popup(mapping.EVENT_LAYOUT, row, cluster.strings) == html_


# --------------------------------------------------------------------------- in Chromium


def xss_map(analyses) -> folium.Map:
    events, _ = all_events(analyses)
    first = analyses[0]
    hostile = replace(first.events[0], evidence=BROWSER_PAYLOAD, actor=XSS,
                      claimed_by="=SUM(A1)")
    poisoned = replace(first, events=(hostile, *first.events[1:]))
    return build_map([poisoned, analyses[1]])


def test_exported_map_in_offline_chromium(analyses, tmp_path):
    from geo.offline import export_html
    from tests.browser import chromium_page, screenshot

    path = export_html(xss_map(analyses), tmp_path / "map.html")
    size = path.stat().st_size
    print(f"\nexported map with every layer: {size / 1e6:.2f} MB")
    assert size < 3_000_000
    with chromium_page() as session:
        page = session.page
        page.goto(path.as_uri())
        page.wait_for_selector(".awesome-marker", timeout=10_000)
        page.wait_for_function(  # fitBounds done, the stack drawn once
            """() => document.querySelectorAll('.marker-cluster').length === 1
                     && !document.querySelector('.leaflet-zoom-anim')""", timeout=10_000)
        page.wait_for_timeout(300)
        assert page.evaluate('typeof L === "object"')
        assert page.locator(".leaflet-container").count() == 1
        # In view: Voznesenka's marker, and the two Kupiansk events stacked in one cluster
        # (Geneva is off screen, so MarkerCluster does not draw it).
        assert page.locator("div.awesome-marker.leaflet-interactive").count() == 1
        assert page.inner_text(".marker-cluster") == "2"
        # Polygons (occupied area, outlines), claim lines and place circles are SVG paths.
        assert page.locator("svg path").count() >= 6
        assert page.locator("svg path.leaflet-interactive").count() >= 4
        assert page.locator(".leaflet-control-layers-overlays label").count() == 6
        attribution = page.inner_text(".leaflet-control-attribution")
        for source in ("GeoNames", "Natural Earth", "geoBoundaries", "DeepStateMap"):
            assert source in attribution
        assert attribution.count("OpenStreetMap contributors") == 1
        assert "Attack repelled" in page.inner_text(".fm-legend")

        page.locator(".marker-cluster").click()  # fans the stacked events out
        page.locator(".awesome-marker i.fa-shield").click()
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for(state="visible", timeout=5_000)
        page.wait_for_timeout(300)  # let an injected handler fire, if one got through
        text = popup.inner_text()
        assert BROWSER_PAYLOAD in text and "=SUM(A1)" in text
        assert page.locator(".leaflet-popup-content script").count() == 0
        assert page.locator('.leaflet-popup-content img[src="x"]').count() == 0
        screenshot(page, "mapping_xss_popup")

        assert session.dialogs == []
        assert session.page_errors == []
        assert session.console_errors == []
        assert all("tile.openstreetmap.org" in url for url in session.blocked_requests)


def test_50000_events_in_offline_chromium(big_map_html):
    from tests.browser import chromium_page, screenshot

    m, path = big_map_html
    with chromium_page() as session:
        page = session.page
        start = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_selector(".marker-cluster", timeout=60_000)
        loaded = time.perf_counter() - start
        counts = [int(t.replace(",", "")) for t in
                  page.locator(".marker-cluster").all_inner_texts()]
        print(f"\n50k events in Chromium: clusters drawn after {loaded:.2f} s, "
              f"{len(counts)} cluster icons covering {sum(counts)} events")
        assert len(counts) > 5 and 0 < sum(counts) <= 50_000
        assert loaded < 30

        # Show the event whose evidence carries the payload, then point at it on the canvas.
        cluster = next(c for layer in m._children.values()
                       for c in getattr(layer, "_children", {}).values()
                       if isinstance(c, CanvasMarkerCluster))
        evidence = next(i for i, s in enumerate(cluster.strings) if "alert(1)" in s)
        field = next(line[3] for line in mapping.EVENT_LAYOUT.lines if line[0] == "Evidence")
        # (markercluster 1.1.0's zoomToShowLayer waits for an icon that circle markers do not
        # have, so zoom in directly; the event's place is used by no other event.)
        point = page.evaluate("""([field, evidence]) => new Promise(resolve => {
            const map = Object.values(window).find(v => v instanceof L.Map);
            const cluster = Object.values(window).find(v => v instanceof L.MarkerClusterGroup);
            const marker = cluster.getLayers().find(m => m.fmRow[field] === evidence);
            map.setView(marker.getLatLng(), map.getMaxZoom(), {animate: false});
            setTimeout(() => {
                const p = map.latLngToContainerPoint(marker.getLatLng());
                const box = map.getContainer().getBoundingClientRect();
                resolve({x: box.left + p.x, y: box.top + p.y, shown: map.hasLayer(marker)});
            }, 500);
        })""", [field, evidence])
        assert point["shown"]
        page.mouse.move(point["x"] - 20, point["y"])
        page.mouse.move(point["x"], point["y"], steps=4)
        page.locator(".leaflet-tooltip").wait_for(state="visible", timeout=5_000)
        page.mouse.click(point["x"], point["y"])
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for(state="visible", timeout=5_000)
        page.wait_for_timeout(300)
        text = popup.inner_text()
        assert "Synthetic event 0 reported at" in text and BROWSER_PAYLOAD in text
        assert "GeoNames id:" in text and "Source:" in text
        assert page.locator(".leaflet-popup-content script").count() == 0
        assert page.locator('.leaflet-popup-content img[src="x"]').count() == 0
        assert page.locator("canvas.leaflet-zoom-animated").count() >= 1
        screenshot(page, "mapping_50k_events")
        assert session.dialogs == [] and session.page_errors == []
        assert session.console_errors == []


def test_the_map_benchmark_has_a_sentence_for_every_event_kind():
    from bench.map import TEMPLATES

    assert set(TEMPLATES) == {str(kind) for kind in EventKind}
