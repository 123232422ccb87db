"""The seed report end to end: `frontline map` writes one offline HTML file under 3 MB that
opens in Chromium with the network blocked, showing the seed's events and the occupied area."""

from __future__ import annotations

import subprocess
import sys

SEED = "seeds/000_014aeed3c577199d.txt"


def test_seed_map_is_small_and_works_offline(tmp_path):
    from tests.browser import chromium_page, screenshot

    out = tmp_path / "seed.html"
    proc = subprocess.run([sys.executable, "-m", "geo.cli", "map", SEED, "-o", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    html = out.read_text(encoding="utf-8")
    assert out.stat().st_size < 3_000_000
    assert "https://unpkg.com" not in html and "cdn.jsdelivr.net/npm/leaflet" not in html
    assert "GeoNames" in html and "DeepStateMap" in html
    with chromium_page() as session:
        page = session.page
        page.goto(out.as_uri())
        page.wait_for_selector(".leaflet-marker-icon, .marker-cluster", timeout=15_000)
        page.wait_for_timeout(500)
        assert page.evaluate('typeof L === "object"')
        # The occupied area, oblasts, borders and claim lines are SVG paths.
        assert page.locator("svg path").count() >= 5
        overlays = page.inner_text(".leaflet-control-layers-overlays")
        assert "Occupied area (2024-11-14)" in overlays
        screenshot(page, "seed_map_offline")
        assert session.dialogs == [] and session.page_errors == []
        assert session.console_errors == []
        assert all("openstreetmap.org" in url for url in session.blocked_requests)
