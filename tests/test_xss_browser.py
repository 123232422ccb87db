"""A catalogue of script-injection payloads through the whole pipeline into an exported map,
opened in headless Chromium: every popup and tooltip is opened, nothing runs.

The payloads sit where report text reaches the page: event evidence (the sentence), the
report's title and source, a claim's text and a mention's surface. A payload "runs" if a
dialog opens, a page error or console error is raised, or an element it would inject
(an <img>, <svg>, <iframe>, <script> or javascript: link) appears inside a popup or tooltip.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.mapping import build_map
from geo.models import Report
from geo.offline import export_html
from geo.reports import Reader
from tests.browser import chromium_page

#: Written for this test after the OWASP XSS filter-evasion families: tags with handlers,
#: breaking out of attributes, of <script> blocks, of JavaScript strings and template
#: literals, javascript: URLs, template-engine syntax and JavaScript line terminators.
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "<svg onload=alert(3)>",
    "\"><script>alert(4)</script>",
    "'); alert(5); //",
    "${alert(6)}",
    "`${alert(7)}`",
    "javascript:alert(8)",
    "<iframe src=\"javascript:alert(9)\"></iframe>",
    "<a href=\"javascript:alert(10)\">link</a>",
    "</script><script>alert(11)</script>",
    "{{constructor.constructor('alert(12)')()}}",
    "<body onload=alert(13)>",
    "\u2028alert(14)\u2029",
    "<!--<script>alert(15)</script>-->",
    "<details open ontoggle=alert(16)>",
    "\\u003cimg src=x onerror=alert(17)\\u003e",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(18)>",
    # Jinja syntax: branca compiles rendered HTML and scripts as templates a second time.
    "{{ 'ab' ~ 'cd' * 3 }}",
    "{% for x in range(3) %}loop{% endfor %}",
    "{{ lipsum.__globals__ }}",
    "{# comment #}",
]
#: What the Jinja payloads would have produced, had they been evaluated.
EVALUATED = ["abcdcdcd", "looplooploop", "__builtins__"]

#: Opens every popup and tooltip of every layer (the event cluster's shared ones for each of
#: its markers), one after the other; right after each opening, reads the text of the open
#: popups and tooltips and counts the elements a payload would have injected there.
OPEN_ALL_JS = """() => {
  const INJECTED = ':is(img, svg, iframe, script, details, math, body, a[href^="javascript"])';
  const out = {opened: 0, texts: [], injected: 0};
  function look() {
    out.opened += 1;
    for (const pane of document.querySelectorAll('.leaflet-popup-content, .leaflet-tooltip')) {
      out.texts.push(pane.textContent);
      out.injected += pane.querySelectorAll(INJECTED).length;
    }
  }
  for (const map of Object.values(window).filter(v => v instanceof L.Map)) {
    map.eachLayer(layer => {
      if (layer instanceof L.MarkerClusterGroup) {
        for (const marker of layer.getLayers()) {
          if (marker.getPopup && marker.getPopup()) {  // a marker of its own: on the map alone
            layer.removeLayer(marker);
            marker.addTo(map);
            marker.openPopup(); look(); marker.closePopup();
            if (marker.getTooltip()) { marker.openTooltip(); look(); marker.closeTooltip(); }
            marker.remove();
            continue;
          }
          const e = {layer: marker, latlng: marker.getLatLng()};  // the canvas cluster's rows
          layer.fire('click', e); look();
          layer.fire('mouseover', e); look();
          layer.fire('mouseout', e);
        }
        return;
      }
      if (layer.getPopup && layer.getPopup()) { layer.openPopup(); look(); layer.closePopup(); }
      if (layer.getTooltip && layer.getTooltip()) {
        layer.openTooltip(); look(); layer.closeTooltip();
      }
    });
  }
  return out;
}"""


@pytest.fixture(scope="module", params=[2000, 0], ids=["markers", "canvas-cluster"])
def hostile_map(request, tmp_path_factory, gazetteer):
    """The map as `frontline map` builds it: one marker per event up to the threshold (here),
    else rows of a canvas cluster whose popups are filled in the browser."""
    sentences = [f"Russian forces shelled Kupiansk overnight {p} officials said."
                 for p in PAYLOADS]
    sentences.append("Kupiansk lies 120 km east of Kharkiv " + PAYLOADS[1] + " as noted.")
    report = Report(text=" ".join(sentences), date=dt.date(2024, 11, 14),
                    title="Kupiansk " + PAYLOADS[0] + PAYLOADS[3],
                    source="desk " + PAYLOADS[2] + PAYLOADS[7])
    analysis = Reader(gazetteer).analyse(report)
    assert len(analysis.events) >= len(PAYLOADS)  # every payload sits in an event's evidence
    assert analysis.verdicts
    path = export_html(build_map(analysis, tiles=False, cluster_threshold=request.param),
                       tmp_path_factory.mktemp("xss") / "hostile.html")
    return path, analysis


def test_no_payload_runs_in_the_exported_map(hostile_map):
    path, analysis = hostile_map
    with chromium_page(viewport=(1200, 900)) as session:
        page = session.page
        page.goto(path.as_uri())
        page.wait_for_function("typeof L === 'object'", timeout=15_000)
        page.wait_for_timeout(500)
        found = page.evaluate(OPEN_ALL_JS)
        page.wait_for_timeout(500)  # time for an injected handler to fire
        assert found["opened"] >= 2 * len(analysis.events)
        assert found["injected"] == 0
        assert session.dialogs == []
        assert session.page_errors == []
        assert session.console_errors == []
        assert session.blocked_requests == []
    # Each payload is shown as the text it is, in the popups of its event.
    shown = " ".join(found["texts"])
    for payload in PAYLOADS:
        assert payload.strip() in shown, payload
    page_source = path.read_text(encoding="utf-8")
    for payload in PAYLOADS:
        assert payload not in page_source or not any(c in payload for c in "<>`${")
    assert [e for e in EVALUATED if e in page_source] == []

