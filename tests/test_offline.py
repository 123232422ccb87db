"""Offline folium maps: inlined exports checked in Chromium with the network blocked."""

from __future__ import annotations

import base64
import html
import re
import struct
from collections.abc import Iterator
from pathlib import Path

import branca.colormap
import folium
import pytest
from folium.plugins import MarkerCluster

from geo.offline import (
    ICON_SCRIPT_NAME,
    OfflineAssetError,
    asset_data_url,
    escape_popup_text,
    export_html,
    find_remote_assets,
    icon_default_script,
    inline_assets,
    make_offline,
    marker_icon_data_urls,
    offline_css,
    offline_resources,
)
from tests.browser import (
    chromium_page,
    in_ci,
    is_allowed_url,
    require_chromium,
    screenshot,
    streamlit_server,
)

XSS_TEXT = "<script>alert(1)</script><img src=x onerror=alert(1)>"
XSS_TITLE = "xss-marker"
TILE_HOST = "tile.openstreetmap.org"

# (name, lat, lon): plain markers with Leaflet's default icon, spread so none overlap.
PLAIN_MARKERS = [
    ("Kramatorsk", 48.7389, 37.5848),
    ("Pokrovsk", 48.2821, 37.1758),
    ("Kupiansk", 49.7106, 37.6156),
]
XSS_MARKER = (47.9, 38.3)
# Close together, so MarkerCluster draws one cluster icon for them at the start zoom.
CLUSTERED = [(48.59 + i * 0.002, 37.99 + i * 0.002) for i in range(5)]
AWESOME_MARKER = (49.2, 36.6)
POLYGON = {
    "type": "Feature",
    "properties": {"name": "test area"},
    "geometry": {
        "type": "Polygon",
        "coordinates": [[[38.2, 48.9], [38.8, 48.9], [38.8, 49.3], [38.2, 49.3], [38.2, 48.9]]],
    },
}

REMOTE_TAG_RE = re.compile(
    r"<script\b[^>]*\bsrc=[\"']?(?:https?:)?//|<link\b[^>]*\bhref=[\"']?(?:https?:)?//",
    re.IGNORECASE,
)


def build_test_map() -> folium.Map:
    """A map with each kind of layer the dashboard uses, no default tiles."""
    # tiles=None: the Map has no maxZoom unless given one, and MarkerCluster then throws
    # "Map has no maxZoom specified". (max_zoom= only reaches the default tile layer.)
    m = folium.Map(location=[48.8, 37.7], zoom_start=8, tiles=None, maxZoom=18)
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap").add_to(m)
    for name, lat, lon in PLAIN_MARKERS:
        folium.Marker([lat, lon], popup=folium.Popup(html.escape(name)), title=name).add_to(m)
    folium.Marker(
        list(XSS_MARKER), popup=folium.Popup(html.escape(XSS_TEXT)), title=XSS_TITLE
    ).add_to(m)
    folium.Marker(
        list(AWESOME_MARKER), icon=folium.Icon(prefix="fa", icon="star"), title="awesome"
    ).add_to(m)
    cluster = MarkerCluster(name="cluster").add_to(m)
    for lat, lon in CLUSTERED:
        folium.Marker([lat, lon]).add_to(cluster)
    folium.GeoJson(POLYGON, name="area").add_to(m)
    folium.LayerControl().add_to(m)
    return m


def declared_links(element) -> list[tuple[str, str]]:
    """Every (name, url) the tree declares, walked like streamlit_folium.st_folium does."""
    links = list(getattr(element, "default_js", [])) + list(getattr(element, "default_css", []))
    for child in getattr(element, "_children", {}).values():
        links += declared_links(child)
    return links


@pytest.fixture(scope="module")
def exported_map(tmp_path_factory) -> Path:
    return export_html(build_test_map(), tmp_path_factory.mktemp("export") / "map.html")


# --------------------------------------------------------------------------- pure Python


def test_offlinefolium_ships_every_asset_folium_declares():
    resources = offline_resources()
    assert len(resources) > 50
    for _, url in declared_links(build_test_map()):
        assert url in resources, url


def test_inline_assets_leaves_no_cdn_link():
    page = build_test_map().get_root().render()
    assert len(REMOTE_TAG_RE.findall(page)) >= 10  # what folium renders: CDN links
    inlined = inline_assets(page)
    assert REMOTE_TAG_RE.findall(inlined) == []
    assert find_remote_assets(inlined) == []
    assert inlined.count(icon_default_script()) == 1
    # The tile URL template stays inside the map's JavaScript.
    assert "https://tile.openstreetmap.org/{z}/{x}/{y}.png" in inlined


def test_export_html_writes_one_self_contained_file(exported_map: Path):
    page = exported_map.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert REMOTE_TAG_RE.findall(page) == []
    assert find_remote_assets(page) == []
    assert "</script>" in page and "<style>" in page
    size = exported_map.stat().st_size
    assert 500_000 < size < 3_000_000, size


def test_unknown_asset_raises_offline_asset_error(tmp_path: Path):
    url = "https://cdn.example.invalid/not-shipped.js"
    m = folium.Map(tiles=None)
    m.get_root().header.add_child(folium.JavascriptLink(url), name="unknown")
    with pytest.raises(OfflineAssetError) as excinfo:
        export_html(m, tmp_path / "map.html")
    assert excinfo.value.url == url
    assert url in str(excinfo.value) and "offlinefolium" in str(excinfo.value)
    assert not (tmp_path / "map.html").exists()


def test_page_without_head_is_rejected():
    with pytest.raises(ValueError, match="<head>"):
        inline_assets("<div>no head</div>")


def test_find_remote_assets_ignores_text_inside_scripts():
    page = (
        "<html><head><style>a{background:url(https://x.test/a.png)}</style></head><body>"
        "<script>var t = '<script src=\"https://x.test/in-string.js\">';</script>"
        '<img src="//x.test/b.png"></body></html>'
    )
    assert find_remote_assets(page) == ["https://x.test/a.png", "//x.test/b.png"]


def test_stylesheet_references_are_embedded_or_dropped():
    fa = "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@6.2.0/css/all.min.css"
    css = offline_css(fa)
    refs = re.findall(r"url\(\s*[\"']?([^\"')]{0,40})", css)
    assert refs, "Font Awesome declares fonts"
    assert all(ref.startswith(("data:", "#")) for ref in refs), refs
    assert "data:font/woff2;base64," in css  # the solid face offlinefolium embeds
    # offlinefolium does not ship the brands/regular webfonts: strict mode says so.
    with pytest.raises(OfflineAssetError, match="fa-brands-400"):
        offline_css(fa, strict=True)


def test_marker_icon_data_urls_are_real_pngs():
    sizes = {"iconUrl": (25, 41), "iconRetinaUrl": (50, 82), "shadowUrl": (41, 41)}
    urls = marker_icon_data_urls()
    assert set(urls) == set(sizes)
    for option, url in urls.items():
        assert url.startswith("data:image/png;base64,")
        png = base64.b64decode(url.split(",", 1)[1])
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", png[16:24]) == sizes[option]


def test_make_offline_rewrites_every_declared_link():
    m = build_test_map()
    before = declared_links(m)
    assert any(url.startswith("https://") for _, url in before)
    class_links = list(folium.Map.default_js)

    assert make_offline(m) is m
    after = declared_links(m)
    assert after, "the tree declares links"
    assert all(url.startswith("data:") for _, url in after), [
        (name, url[:60]) for name, url in after if not url.startswith("data:")
    ]
    # Same assets, in the same order, plus the marker-icon script right after Leaflet.
    names = [name for name, _ in after]
    assert [n for n in names if n != ICON_SCRIPT_NAME] == [name for name, _ in before]
    assert names[names.index("leaflet") + 1] == ICON_SCRIPT_NAME
    cluster_js = dict(after)["markerclusterjs"]
    assert cluster_js.startswith("data:text/javascript;base64,")
    assert (
        base64.b64decode(cluster_js.split(",", 1)[1]).decode()
        == offline_resources()[dict(before)["markerclusterjs"]]
    )
    # Class-level lists are shared by every instance: they must stay untouched.
    assert folium.Map.default_js == class_links
    assert folium.Map().default_js[0][1].startswith("https://")
    # Idempotent.
    assert declared_links(make_offline(m)) == after


def test_make_offline_css_links_are_self_contained():
    m = make_offline(build_test_map())
    for name, url in getattr(m, "default_css", []):
        assert url.startswith("data:text/css;base64,"), name
        css = base64.b64decode(url.split(",", 1)[1]).decode()
        refs = re.findall(r"url\(\s*[\"']?([^\"')]{0,40})", css)
        assert all(ref.startswith(("data:", "#")) for ref in refs), (name, refs)


def test_make_offline_rejects_colormap():
    m = build_test_map()
    branca.colormap.LinearColormap(["green", "red"], vmin=0, vmax=1).add_to(m)
    with pytest.raises(OfflineAssetError, match="d3"):
        make_offline(m)


def test_asset_data_url_rejects_unknown():
    with pytest.raises(OfflineAssetError):
        asset_data_url("https://cdn.example.invalid/x.css")


def test_escape_popup_text_neutralises_template_literal_syntax():
    escaped = escape_popup_text("${alert(1)} \\` <b>")
    assert not set("$`\\<>") & set(escaped)
    assert html.unescape(escaped) == "${alert(1)} \\` <b>"


# --------------------------------------------------------------------------- browser helpers


def test_is_allowed_url():
    assert is_allowed_url("file:///tmp/map.html")
    assert is_allowed_url("data:text/css;base64,AAAA")
    assert is_allowed_url("blob:null/1234")
    assert is_allowed_url("http://127.0.0.1:8501/")
    assert is_allowed_url("http://localhost/x.js")
    assert not is_allowed_url("https://tile.openstreetmap.org/1/1/1.png")
    assert not is_allowed_url("https://localhost.example.com/")


def test_missing_chromium_fails_in_ci_and_skips_elsewhere(monkeypatch, tmp_path):
    missing = tmp_path / "no-chromium"
    monkeypatch.setenv("CI", "true")
    assert in_ci()
    with pytest.raises(pytest.fail.Exception, match="Chromium not found"):
        require_chromium(missing)
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="Chromium not found"):
        require_chromium(missing)
    monkeypatch.setenv("CI", "0")
    assert not in_ci()


# --------------------------------------------------------------------------- in Chromium


def test_exported_map_works_offline_in_chromium(exported_map: Path):
    with chromium_page() as session:
        page = session.page
        page.goto(exported_map.as_uri())
        page.wait_for_selector(".marker-cluster", timeout=10_000)
        page.evaluate("document.fonts.ready")

        assert page.evaluate('typeof L === "object"')
        icons = page.locator("img.leaflet-marker-icon")
        assert icons.count() == len(PLAIN_MARKERS) + 1  # + the XSS marker
        images = page.evaluate(
            """[...document.querySelectorAll('img.leaflet-marker-icon, img.leaflet-marker-shadow')]
               .map(i => ({src: i.src.slice(0, 22), complete: i.complete, w: i.naturalWidth}))"""
        )
        assert len(images) == 2 * icons.count()
        for image in images:
            assert image["src"] == "data:image/png;base64,", image
            assert image["complete"] and image["w"] > 0, image

        assert page.locator(".marker-cluster").count() == 1
        assert page.inner_text(".marker-cluster") == str(len(CLUSTERED))
        assert page.locator(".awesome-marker i.fa-star").count() == 1
        fa_solid = page.evaluate(
            """[...document.fonts].filter(f => f.family.includes('Font Awesome 6 Free')
                                          && f.weight === '900').map(f => f.status)"""
        )
        assert fa_solid == ["loaded"]
        assert page.locator("svg path.leaflet-interactive").count() >= 1
        assert page.locator(".leaflet-control-layers").count() == 1

        shot = screenshot(page, "offline_map")
        assert shot.is_file() and shot.stat().st_size > 10_000

        assert session.console_errors == []
        assert session.page_errors == []
        assert session.dialogs == []
        # The only thing the page reached for is map tiles, which need a network or a tile
        # server by nature: no script, stylesheet, image or font left the machine.
        assert session.blocked_requests, "the OSM layer requests tiles"
        assert all(TILE_HOST in url for url in session.blocked_requests), [
            url for url in session.blocked_requests if TILE_HOST not in url
        ]


def test_escaped_popup_shows_script_text_and_runs_nothing(exported_map: Path):
    with chromium_page() as session:
        page = session.page
        page.goto(exported_map.as_uri())
        marker = page.locator(f'img.leaflet-marker-icon[title="{XSS_TITLE}"]')
        marker.click()
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for(state="visible", timeout=5_000)
        page.wait_for_timeout(300)  # give an injected onerror handler time to fire

        assert popup.inner_text() == XSS_TEXT
        assert page.locator('.leaflet-popup-content img[src="x"]').count() == 0
        assert page.locator(".leaflet-popup-content script").count() == 0
        assert session.dialogs == []
        assert session.page_errors == []
        assert session.console_errors == []
        screenshot(page, "offline_map_xss_popup")


TEMPLATE_LITERAL_PAYLOADS = [
    "${alert(1)}",
    "\\\\`);alert(2);//",
    "C:\\users\\x and \\u{zz}",
    "`${alert(3)}`",
    XSS_TEXT,
]


def test_escape_popup_text_survives_folium_template_literals(tmp_path: Path):
    # html.escape alone lets the first two run alert() and the third blank the map.
    m = folium.Map(location=[0, 0], zoom_start=3, tiles=None)
    for i, text in enumerate(TEMPLATE_LITERAL_PAYLOADS):
        folium.Marker(
            [0, -40 + 20 * i], popup=folium.Popup(escape_popup_text(text)), title=f"p{i}"
        ).add_to(m)
    path = export_html(m, tmp_path / "payloads.html")
    with chromium_page() as session:
        page = session.page
        page.goto(path.as_uri())
        for i, text in enumerate(TEMPLATE_LITERAL_PAYLOADS):
            page.locator(f'img.leaflet-marker-icon[title="p{i}"]').click()
            popup = page.locator(".leaflet-popup-content")
            popup.wait_for(state="visible", timeout=5_000)
            assert popup.inner_text() == text
            page.locator(".leaflet-popup-close-button").click()
            popup.wait_for(state="detached", timeout=5_000)
        page.wait_for_timeout(300)
        assert session.dialogs == []
        assert session.page_errors == []
        assert session.console_errors == []
        assert session.blocked_requests == []


# --------------------------------------------------------------------------- st_folium

STREAMLIT_APP = """
import folium
import streamlit as st
from streamlit_folium import st_folium

from geo.offline import make_offline
from tests.test_offline import build_test_map

st.title("offline map")
st_folium(make_offline(build_test_map()), height=600, width=700, returned_objects=[])
"""


@pytest.fixture
def streamlit_app(tmp_path: Path) -> Iterator[str]:
    """Serve a dashboard page with one st_folium map on 127.0.0.1; yield its URL."""
    app = tmp_path / "app.py"
    app.write_text(STREAMLIT_APP, encoding="utf-8")
    with streamlit_server(app, log_path=tmp_path / "streamlit.log") as server:
        yield server.url


def test_st_folium_map_works_offline_after_make_offline(streamlit_app: str):
    with chromium_page() as session:
        page = session.page
        page.goto(streamlit_app)
        frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
        frame.locator(".marker-cluster").wait_for(timeout=30_000)

        assert frame.locator("img.leaflet-marker-icon").count() == len(PLAIN_MARKERS) + 1
        assert frame.locator("svg path.leaflet-interactive").count() >= 1
        assert frame.locator(".awesome-marker i.fa-star").count() == 1
        widths = frame.locator("img.leaflet-marker-icon").evaluate_all(
            "images => images.map(i => i.complete ? i.naturalWidth : 0)"
        )
        assert widths and all(w > 0 for w in widths), widths
        screenshot(page, "offline_st_folium")

        assert session.console_errors == []
        assert session.page_errors == []
        assert session.dialogs == []
        assert all(TILE_HOST in url for url in session.blocked_requests), [
            url for url in session.blocked_requests if TILE_HOST not in url
        ]
