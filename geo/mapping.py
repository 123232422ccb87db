"""Folium maps of analyses: one function per layer, pure data in, a layer out.

:func:`build_map` composes the layers: events (an icon and a colour per
:class:`~geo.models.EventKind`, see :data:`EVENT_STYLES`), places (resolved mentions),
claims (a line from the reference place to the subject, coloured by verdict), the occupied area
on a date (DeepStateMap), international borders and oblast outlines, with a layer control,
a legend and the data sources' attribution.

Report text is data: every text value that reaches a popup, a tooltip or the legend goes
through :func:`geo.offline.escape_popup_text` (``html.escape`` plus the characters that would
break out of folium's JavaScript template literals), and strings handed to JavaScript are
JSON with ``<`` written as ``\\u003c``.

Scale: up to ``cluster_threshold`` events (or places) are drawn as individual markers; event
markers sit in a MarkerCluster of small radius so several events at one place fan out on click.
Above it they go into one :class:`CanvasMarkerCluster` (a ``FastMarkerCluster``) of circle
markers drawn on a canvas: its data is compact (each distinct escaped text once, in a string
table; rows hold indices), one shared popup and tooltip are filled in the browser from those
pieces when needed, by the same layout (``EVENT_LAYOUT``/``PLACE_LAYOUT``) that renders the
individual markers' popups in Python. Measured: 50,000 events, 8.4 MB self-contained page.

The map has no default tiles: an OpenStreetMap layer is added (it needs a network), and the
vector layers keep the map useful offline. Because tiles may be absent, the attribution is also
written into the map's attribution control as a visible line.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import folium
import numpy as np
import shapely
from branca.element import MacroElement
from folium.plugins import FastMarkerCluster, MarkerCluster
from folium.template import Template
from shapely.geometry import mapping

from geo.exports import verdict_line
from geo.gazetteer import COUNTRY_NAMES, DATA_DIR, Place
from geo.models import Analysis, Event, EventKind, Mention, MentionKind, Report, Status, Verdict
from geo.offline import escape_popup_text as _escape

__all__ = [
    "ATTRIBUTION",
    "ATTRIBUTION_SOURCES",
    "CanvasMarkerCluster",
    "DEFAULT_LAYERS",
    "EVENT_STYLES",
    "MAX_ZOOM",
    "STATUS_COLORS",
    "attribution_element",
    "borders_layer",
    "build_map",
    "claim_tooltip",
    "claims_layer",
    "esc",
    "event_popup_html",
    "event_style",
    "events_layer",
    "legend",
    "oblasts_layer",
    "occupied_layer",
    "places_layer",
]

log = logging.getLogger(__name__)

#: Highest zoom of the map. Set on the Map itself: with ``tiles=None`` MarkerCluster otherwise
#: fails with "Map has no maxZoom specified".
MAX_ZOOM = 18
#: Largest zoom :func:`build_map` fits to (a single place would otherwise fill the screen).
FIT_MAX_ZOOM = 11
#: Smallest extent (degrees) the fitted bounds are padded to.
FIT_MIN_SPAN_DEG = 0.3
#: Ukraine's extent (lat, lon), used when there is nothing in Ukraine to fit to.
UKRAINE_BOUNDS = ((44.38, 22.14), (52.38, 40.23))
HOME_COUNTRY = "UA"

TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION_HTML = ('<a href="https://www.openstreetmap.org/copyright">'
                        "&copy; OpenStreetMap contributors</a>")

#: (text, link) of every data source the map shows; text is plain, escaped when rendered.
ATTRIBUTION_SOURCES: tuple[tuple[str, str], ...] = (
    ("Places: GeoNames (geonames.org, CC BY 4.0)", "https://www.geonames.org/"),
    ("Borders: Natural Earth", "https://www.naturalearthdata.com/"),
    ("Oblasts: geoBoundaries (CC BY 3.0 IGO)", "https://www.geoboundaries.org/"),
    ("Occupied area: DeepStateMap (GPL-3.0 data via cyterat/deepstate-map-data)",
     "https://github.com/cyterat/deepstate-map-data"),
    ("Tiles: \u00a9 OpenStreetMap contributors", "https://www.openstreetmap.org/copyright"),
)
#: The attribution as one line of plain text.
ATTRIBUTION = " | ".join(text for text, _ in ATTRIBUTION_SOURCES)

#: Layer names build_map accepts, in drawing order (later ones on top).
DEFAULT_LAYERS = ("events", "places", "claims", "occupied", "borders", "oblasts")
_DRAW_ORDER = ("oblasts", "borders", "occupied", "claims", "places", "events")

#: Simplification tolerance (degrees, ~150-220 m over Ukraine) of border and oblast outlines
#: drawn on the map; it halves their size in the page. Exports and measurements never use it.
DISPLAY_SIMPLIFY_DEG = 0.002
#: Decimals of drawn outline coordinates (4 = about 10 m).
DISPLAY_DECIMALS = 4
#: Decimals of clustered marker coordinates (5 = about 1 m).
MARKER_DECIMALS = 5
#: Below the cluster threshold, event markers closer than this (pixels) are stacked into one
#: cluster icon that fans them out ("spiderfies") on click: events at the same place would
#: otherwise cover each other.
STACK_RADIUS_PX = 25


@dataclass(frozen=True)
class EventStyle:
    """How an event kind is drawn: a Font Awesome (solid) icon, a marker colour (one of
    Leaflet.awesome-markers' colour names) and the same colour as hex (circles, legend)."""

    label: str
    icon: str
    color: str
    hex: str


#: Icon and colour of each event kind.
EVENT_STYLES: dict[EventKind, EventStyle] = {
    EventKind.ASSAULT: EventStyle("Assault", "crosshairs", "red", "#d63e2a"),
    EventKind.ENTRY_REPELLED: EventStyle("Attack repelled", "shield", "darkgreen", "#728224"),
    EventKind.CAPTURE_CLAIM: EventStyle("Capture claimed", "flag", "darkred", "#a23336"),
    EventKind.CONTROL_AFFIRMED: EventStyle("Control affirmed", "circle-check", "cadetblue",
                                           "#436978"),
    EventKind.WITHDRAWAL: EventStyle("Withdrawal", "arrow-left", "orange", "#f69730"),
    EventKind.STRIKE: EventStyle("Strike", "bomb", "black", "#303030"),
    EventKind.INTERCEPTION: EventStyle("Interception", "shield-halved", "darkblue", "#0067a3"),
    EventKind.EVACUATION: EventStyle("Evacuation", "truck", "blue", "#38aadd"),
    EventKind.CASUALTIES: EventStyle("Casualties", "user-injured", "purple", "#d252b9"),
    EventKind.STATEMENT: EventStyle("Statement", "comment", "gray", "#575757"),
}
_UNKNOWN_STYLE = EventStyle("Event", "circle-info", "lightgray", "#a3a3a3")

#: Line colour of a claim by its verdict.
STATUS_COLORS: dict[Status, str] = {
    Status.CONSISTENT: "#2e7d32",
    Status.INCONSISTENT: "#c62828",
    Status.UNVERIFIABLE: "#757575",
}
PLACE_COLOR = "#1f78b4"
OCCUPIED_COLOR = "#c62828"
CONTACT_COLOR = "#7f0000"

_POPUP_STYLE = "min-width:200px;max-width:340px;font:12px/1.45 sans-serif"
_POPUP_MAX_WIDTH = 360


def esc(value: Any) -> str:
    """Escape any value for a popup, a tooltip or HTML built here (report text is data)."""
    return _escape("" if value is None else str(value))


def _js(value: Any) -> str:
    """JSON for inside a ``<script>``: ``<`` is written ``\\u003c`` so no ``</script>`` or
    ``<!--`` can appear (``&`` and ``>`` mean nothing there), and U+2028/9 are escaped. A
    ``{`` before ``{``, ``%`` or ``#`` (only ever inside a string in JSON) is written
    ``\\u007b``: branca compiles rendered scripts as Jinja templates once more."""
    return _JINJA_OPENER.sub(r"\\u007b", json.dumps(value, ensure_ascii=False,
                                                    separators=(",", ":"))
                             .replace("<", "\\u003c").replace("\u2028", "\\u2028")
                             .replace("\u2029", "\\u2029"))


_JINJA_OPENER = re.compile(r"\{(?=[{%#])")


def event_style(kind: EventKind | str) -> EventStyle:
    """The :class:`EventStyle` of an event kind (a neutral one for unknown kinds)."""
    try:
        return EVENT_STYLES[EventKind(kind)]
    except ValueError:
        return _UNKNOWN_STYLE


# --------------------------------------------------------------------------- popups
#
# Event and place popups are described once, as a layout over a row of values, and rendered by
# the same small algorithm in Python (plain markers) and in JavaScript (the canvas cluster):
# a row is [lat, lon, style, *fields]; a text field holds an index into a table of distinct,
# already escaped strings (0 = ""), a number field (given as a negative index) holds a number.
# A line is (label, format, separator, *field indices): its non-empty values are joined with
# the separator and put in place of every "{}" of the format; a line without values is left
# out. Labels, formats and separators are constant markup written here.

_GEONAMES_LINK = ('<a href="https://www.geonames.org/{}" target="_blank" '
                  'rel="noopener noreferrer">{}</a>')
_MIDDOT = " &middot; "
_TOOLTIP_SEP = " \u00b7 "


@dataclass(frozen=True)
class _Layout:
    """How a row becomes a tooltip, a popup header and popup lines."""

    tooltip: tuple
    header: tuple
    lines: tuple[tuple, ...]

    def to_js(self) -> dict:
        return {"t": list(self.tooltip), "h": list(self.header),
                "l": [list(line) for line in self.lines]}


# Event rows: [lat, lon, style, kind_html, kind_text, date, name, admin2, admin1, country,
#              as_written, -geonameid, when, precision, actor, claimed_by, denied_by, denial,
#              evidence, source]
EVENT_LAYOUT = _Layout(
    tooltip=("", "{}", _TOOLTIP_SEP, 4, 6, 5),
    header=("", "{}", _MIDDOT, 3, 5),
    lines=(
        ("Place", "{}", ", ", 6, 7, 8, 9),
        ("As written", "&#8220;{}&#8221;", "", 10),
        ("GeoNames id", _GEONAMES_LINK, "", -11),
        ("When (as stated)", "{}", "", 12),
        ("Precision", "{}", "", 13),
        ("Actor", "{}", "", 14),
        ("Claimed by", "{}", "", 15),
        ("Denied by", "{}", "", 16),
        ("Denial", "{}", "", 17),
        ("Evidence", "<q>{}</q>", "", 18),
        ("Source", "{}", "", 19),
    ),
)
#: Labels of an event popup's lines, in order (the header is kind and date).
EVENT_FIELDS = tuple(line[0] for line in EVENT_LAYOUT.lines)

# Place rows: [lat, lon, style, name, admin2, admin1, country, -geonameid, feature,
#              mentioned_as, confidence, why]
PLACE_LAYOUT = _Layout(
    tooltip=("", "{}", "", 3),
    header=("", "<b>{}</b>", ", ", 3, 4, 5, 6),
    lines=(
        ("GeoNames id", _GEONAMES_LINK, "", -7),
        ("Feature", "{}", "", 8),
        ("Mentioned as", "{}", "", 9),
        ("Confidence", "{}", "", 10),
        ("Why", "{}", "", 11),
    ),
)


class _StringTable:
    """Distinct (already escaped) strings, each stored once; index 0 is ""."""

    def __init__(self) -> None:
        self.strings: list[str] = [""]
        self._index: dict[str, int] = {"": 0}

    def __call__(self, text: str) -> int:
        index = self._index.get(text)
        if index is None:
            index = self._index[text] = len(self.strings)
            self.strings.append(text)
        return index


def _render_line(line: tuple, row: Sequence, strings: Sequence[str]) -> str:
    label, fmt, sep, *fields = line
    values = []
    for field in fields:
        if field < 0:
            value = row[-field]
            values.append(str(value) if value else "")
        else:
            values.append(strings[row[field]])
    text = sep.join(v for v in values if v)
    if not text:
        return ""
    body = fmt.replace("{}", text)
    return f"<br><b>{label}:</b> {body}" if label else body


def _render_popup(layout: _Layout, row: Sequence, strings: Sequence[str]) -> str:
    lines = "".join(_render_line(line, row, strings) for line in layout.lines)
    header = _render_line(layout.header, row, strings)
    return f'<div class="fm-popup" style="{_POPUP_STYLE}">{header}{lines}</div>'


def _render_tooltip(layout: _Layout, row: Sequence, strings: Sequence[str]) -> str:
    return _render_line(layout.tooltip, row, strings)


def _place_fields(place: Place, table: _StringTable) -> list:
    return [table(esc(place.name)), table(esc(place.admin2)), table(esc(place.admin1)),
            table(esc(COUNTRY_NAMES.get(place.country_code, place.country_code)))]


def _report_label(report: Report | None) -> str:
    if report is None:
        return ""
    label = " \u2014 ".join(p for p in (report.title, report.source) if p)
    if report.report_id:
        label = f"{label} (report {report.report_id})" if label else f"report {report.report_id}"
    return label


def _event_row(event: Event, report: Report | None, table: _StringTable,
               kinds: Sequence[EventKind]) -> list:
    """The row of an event (see EVENT_LAYOUT); the event must have a place."""
    place = event.place
    style = event_style(event.kind)
    try:
        style_index = kinds.index(EventKind(event.kind))
    except ValueError:
        style_index = len(kinds)
    date = event.date or (report.date if report else None)
    as_written = event.mention.text if event.mention.text != place.name else ""
    return [
        round(place.lat, MARKER_DECIMALS), round(place.lon, MARKER_DECIMALS), style_index,
        table(f"<b>{esc(style.label)}</b>"), table(esc(style.label)),
        table(esc(date.isoformat()) if isinstance(date, dt.date) else ""),
        *_place_fields(place, table), table(esc(as_written)), int(place.id),
        table(esc(getattr(event, "when", ""))), table(esc(event.precision)),
        table(esc(event.actor)), table(esc(event.claimed_by)), table(esc(event.denied_by)),
        table(esc(event.denial)), table(esc(event.evidence)), table(esc(_report_label(report))),
    ]


def event_popup_html(event: Event, report: Report | None = None) -> str:
    """Popup HTML of an event: kind, date, place, GeoNames id, stated time, precision, actor,
    who claims it, who denies it and how, the evidence quote and the report; every value
    escaped. The event must have a place."""
    table = _StringTable()
    return _render_popup(EVENT_LAYOUT, _event_row(event, report, table, list(EVENT_STYLES)),
                         table.strings)


def _place_row(place: Place, mentions: Sequence[Mention], table: _StringTable) -> list:
    """The row of a place (see PLACE_LAYOUT) and what the text called it, and why."""
    texts = dict.fromkeys(m.text for m in mentions)
    reasons = dict.fromkeys(m.reason for m in mentions if m.reason)
    confidence = max(m.confidence for m in mentions)
    return [
        round(place.lat, MARKER_DECIMALS), round(place.lon, MARKER_DECIMALS), 0,
        *_place_fields(place, table), int(place.id),
        table(esc(f"{place.feature_code}, population {place.population:,}")),
        table(", ".join(f"&#8220;{esc(t)}&#8221;" for t in texts)),
        table(esc(f"{confidence:.2f}")), table("; ".join(esc(r) for r in reasons)),
    ]


def claim_tooltip(verdict: Verdict) -> str:
    """ "stated X km vs measured Y km (ratio R), verdict" as plain text (escape it to show)."""
    claim = verdict.claim
    stated_km = claim.distance.km if claim.distance is not None else None
    if stated_km is not None and math.isfinite(stated_km):
        stated = f"stated {stated_km:g} km"
    elif claim.direction:
        stated = f"stated {claim.direction}"
    else:
        stated = "no stated figure"
    measured = (f"measured {verdict.measured_km:.1f} km" if verdict.measured_km is not None
                else "not measured")
    ratio = f" (ratio {verdict.ratio:.2f})" if verdict.ratio is not None else ""
    return f"{stated} vs {measured}{ratio}, {verdict.status}"


def _claim_popup(verdict: Verdict) -> str:
    claim = verdict.claim

    def who(mention: Mention | None, feature: str = "") -> str:
        if mention is not None and mention.place is not None:
            link = _GEONAMES_LINK.replace("{}", str(int(mention.place.id)))
            return f"{esc(mention.place.name)} ({link})"
        return esc(mention.text if mention is not None else feature)

    lines = [
        ("Claim", f"<q>{esc(claim.text)}</q>"),
        ("Subject", who(claim.subject)),
        ("Reference", who(claim.reference, claim.reference_feature)),
        ("Check", esc(claim_tooltip(verdict))),
        ("Why", esc(verdict.explanation)),
        ("Tolerance", esc(verdict.tolerance)),
    ]
    header = f"<b>{esc(str(verdict.status).capitalize())}</b>{_MIDDOT}{esc(claim.kind)} claim"
    body = "".join(f"<br><b>{label}:</b> {value}" for label, value in lines if value)
    return f'<div class="fm-popup" style="{_POPUP_STYLE}">{header}{body}</div>'


# --------------------------------------------------------------------------- clustered path


class CanvasMarkerCluster(FastMarkerCluster):
    """A FastMarkerCluster of canvas circle markers whose tooltips and popups are built in
    the browser from a string table and a layout (the same algorithm as ``_render_line``).

    Rows are written as compact JSON and added in one ``addLayers`` call when the cluster
    joins the map. ``chunkedLoading`` is deliberately off: with the Leaflet.markercluster
    release folium ships (1.1.0), a map move while chunks are still loading (the initial
    ``fitBounds`` pan, or a user's drag) throws "Cannot read properties of undefined (reading
    'lat')" from clusters whose bounds are not computed yet.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function () {
            var S = {{ this.strings_js }};
            var COLORS = {{ this.colors_js }};
            var LAYOUT = {{ this.layout_js }};
            var D = {{ this.rows_js }};
            var renderer = L.canvas({padding: 0.5});
            function line(spec, r) {
                var values = [];
                for (var j = 3; j < spec.length; j++) {
                    var f = spec[j];
                    var v = f < 0 ? (r[-f] ? String(r[-f]) : '') : S[r[f]];
                    if (v) { values.push(v); }
                }
                if (!values.length) { return ''; }
                var body = spec[1].split('{}').join(values.join(spec[2]));
                return spec[0] ? '<br><b>' + spec[0] + ':</b> ' + body : body;
            }
            function popup(r) {
                var h = '<div class="fm-popup" style="{{ this.popup_style }}">' +
                    line(LAYOUT.h, r);
                for (var j = 0; j < LAYOUT.l.length; j++) { h += line(LAYOUT.l[j], r); }
                return h + '</div>';
            }
            function make(r) {
                var marker = L.circleMarker([r[0], r[1]], {
                    renderer: renderer, radius: {{ this.radius }}, color: '#ffffff',
                    weight: 1, fillColor: COLORS[r[2]], fillOpacity: 0.9
                });
                marker.fmRow = r;
                return marker;
            }
            var cluster = L.markerClusterGroup({{ this.options|tojavascript }});
            var markers = new Array(D.length);
            for (var i = 0; i < D.length; i++) { markers[i] = make(D[i]); }
            // Add the markers once the cluster is on the map: off the map, markercluster
            // 1.1.0 checks each new marker against every pending one (quadratic).
            function fill() { cluster.addLayers(markers); markers = null; }
            cluster.once('add', fill);
            // One popup and one tooltip for all markers, filled when needed: binding one to
            // each of 50,000 markers would cost seconds at load.
            var shared = L.popup({maxWidth: {{ this.max_width }}});
            var tip = L.tooltip({direction: 'top', offset: [0, -{{ this.radius }}]});
            cluster.on('click', function (e) {
                var r = e.layer && e.layer.fmRow;
                if (r) {
                    shared.setLatLng(e.layer.getLatLng()).setContent(popup(r))
                        .openOn(cluster._map);
                }
            });
            cluster.on('mouseover', function (e) {
                var r = e.layer && e.layer.fmRow;
                if (r) {
                    tip.setLatLng(e.layer.getLatLng()).setContent(line(LAYOUT.t, r))
                        .addTo(cluster._map);
                }
            });
            cluster.on('mouseout', function () { tip.remove(); });
            cluster.addTo({{ this._parent.get_name() }});
            return cluster;
        })();
        {% endmacro %}
    """)

    def __init__(self, rows: list[list], strings: Sequence[str], colors: Sequence[str],
                 layout: _Layout, *, radius: int = 6, name: str | None = None) -> None:
        super().__init__(rows, callback="", name=name, control=False)
        self._name = "CanvasMarkerCluster"
        self.strings = list(strings)
        self.layout = layout
        self.strings_js = _js(self.strings)
        self.colors_js = _js(list(colors))
        self.layout_js = _js(layout.to_js())
        self.rows_js = _js(self.data)
        self.popup_style = _POPUP_STYLE
        self.radius = int(radius)
        self.max_width = int(_POPUP_MAX_WIDTH)


# --------------------------------------------------------------------------- layers


def events_layer(events: Sequence[Event], *, reports: Sequence[Report | None] | None = None,
                 cluster_threshold: int = 2000, name: str = "Events",
                 show: bool = True) -> folium.FeatureGroup:
    """Markers of the events that have a place; ``reports[i]`` is the report of ``events[i]``.

    Up to ``cluster_threshold`` events: one ``folium.Marker`` each, icon and colour from
    :data:`EVENT_STYLES`, escaped popup (:func:`event_popup_html`) and tooltip, in a
    MarkerCluster of small radius (:data:`STACK_RADIUS_PX`) so that several events at one place
    fan out on click instead of hiding each other. Above it: one :class:`CanvasMarkerCluster`
    (canvas circle markers coloured by kind, same popups).
    """
    if reports is not None and len(reports) != len(events):
        raise ValueError("reports must be parallel to events (one report per event)")
    group = folium.FeatureGroup(name=name, show=show)
    kinds = list(EVENT_STYLES)
    table = _StringTable()
    located = [(e, reports[i] if reports is not None else None)
               for i, e in enumerate(events) if e.place is not None]
    rows = [_event_row(event, report, table, kinds) for event, report in located]
    if len(rows) > cluster_threshold:
        colors = [EVENT_STYLES[k].hex for k in kinds] + [_UNKNOWN_STYLE.hex]
        CanvasMarkerCluster(rows, table.strings, colors, EVENT_LAYOUT).add_to(group)
        return group
    stack = MarkerCluster(control=False, max_cluster_radius=STACK_RADIUS_PX,
                          show_coverage_on_hover=False).add_to(group)
    for (event, _), row in zip(located, rows, strict=True):
        style = event_style(event.kind)
        folium.Marker(
            [event.place.lat, event.place.lon],
            icon=folium.Icon(color=style.color, icon=style.icon, prefix="fa"),
            popup=folium.Popup(_render_popup(EVENT_LAYOUT, row, table.strings),
                               max_width=_POPUP_MAX_WIDTH),
            tooltip=folium.Tooltip(_render_tooltip(EVENT_LAYOUT, row, table.strings)),
        ).add_to(stack)
    return group


def _drawable(mention: Mention) -> bool:
    return mention.place is not None and mention.kind is not MentionKind.COUNTRY


def places_layer(mentions: Iterable[Mention], *, cluster_threshold: int = 2000,
                 name: str = "Places", show: bool = True) -> folium.FeatureGroup:
    """One circle per distinct resolved place (country mentions aside), with what the text
    called it, how sure the geocoder was and why, and its GeoNames id."""
    by_place: dict[int, tuple[Place, list[Mention]]] = {}
    for mention in mentions:
        if _drawable(mention):
            by_place.setdefault(mention.place.id, (mention.place, []))[1].append(mention)
    group = folium.FeatureGroup(name=name, show=show)
    table = _StringTable()
    rows = [_place_row(place, found, table) for place, found in by_place.values()]
    if len(rows) > cluster_threshold:
        CanvasMarkerCluster(rows, table.strings, [PLACE_COLOR], PLACE_LAYOUT,
                            radius=5).add_to(group)
        return group
    for row in rows:
        folium.CircleMarker(
            [row[0], row[1]], radius=6, color="#ffffff", weight=1, fill=True,
            fill_color=PLACE_COLOR, fill_opacity=0.85,
            popup=folium.Popup(_render_popup(PLACE_LAYOUT, row, table.strings),
                               max_width=_POPUP_MAX_WIDTH),
            tooltip=folium.Tooltip(_render_tooltip(PLACE_LAYOUT, row, table.strings)),
        ).add_to(group)
    return group


def claims_layer(verdicts: Iterable[Verdict], *, name: str = "Claims",
                 show: bool = True) -> folium.FeatureGroup:
    """A line from each claim's reference place to its subject, coloured by verdict
    (:data:`STATUS_COLORS`), tooltip "stated X km vs measured Y km (ratio), verdict". A claim
    with a subject but no reference place (e.g. "from the border") gets a circle instead."""
    group = folium.FeatureGroup(name=name, show=show)
    for verdict in verdicts:
        color = STATUS_COLORS.get(verdict.status, STATUS_COLORS[Status.UNVERIFIABLE])
        tooltip = folium.Tooltip(esc(claim_tooltip(verdict)))
        popup = folium.Popup(_claim_popup(verdict), max_width=_POPUP_MAX_WIDTH)
        line = verdict_line(verdict)
        subject = verdict.claim.subject.place if verdict.claim.subject is not None else None
        if line is not None:
            (ref_lon, ref_lat), (sub_lon, sub_lat) = line.coords
            folium.PolyLine(
                [(ref_lat, ref_lon), (sub_lat, sub_lon)], color=color, weight=3, opacity=0.85,
                dash_array="6 6" if verdict.status is Status.UNVERIFIABLE else None,
                tooltip=tooltip, popup=popup,
            ).add_to(group)
        elif subject is not None:
            folium.CircleMarker(
                [subject.lat, subject.lon], radius=9, color=color, weight=3, fill=False,
                tooltip=tooltip, popup=popup,
            ).add_to(group)
    return group


def _display_geojson(geometries: Iterable, properties: Iterable[dict], *,
                     simplify: float = 0.0) -> dict:
    """A FeatureCollection of lon/lat geometries, simplified and rounded for drawing only."""
    features = []
    for geom, props in zip(geometries, properties, strict=True):
        if geom is None or geom.is_empty:
            continue
        if simplify:
            geom = shapely.simplify(geom, simplify, preserve_topology=True)
        geom = shapely.transform(geom, lambda c: np.round(c, DISPLAY_DECIMALS))
        features.append({"type": "Feature", "properties": props, "geometry": mapping(geom)})
    return {"type": "FeatureCollection", "features": features}


def _read_outlines(what: str):
    """borders / oblasts GeoDataFrame from geo.features, or straight from data/ parquet."""
    try:
        from geo import features
        return features.load_borders() if what == "borders" else features.load_oblasts()
    except (ImportError, AttributeError):
        import geopandas as gpd
        return gpd.read_parquet(DATA_DIR / f"{what}.parquet")


@functools.cache
def _outlines(what: str) -> dict:
    gdf = _read_outlines(what)
    if what == "borders":
        props = [{"name": str(n), "home": iso == "UKR"}
                 for n, iso in zip(gdf["name"], gdf["iso_a3"], strict=True)]
    else:
        props = [{"name": str(n)} for n in gdf["name"]]
    return _display_geojson(gdf.geometry, props, simplify=DISPLAY_SIMPLIFY_DEG)


def _outline_layer(what: str, name: str, style, show: bool) -> folium.FeatureGroup | None:
    try:
        data = _outlines(what)
    except Exception as exc:  # missing or unreadable data must not break the map
        log.warning("no %s layer: %s", what, exc)
        return None
    group = folium.FeatureGroup(name=name, show=show)
    folium.GeoJson(data, name=name, style_function=style, interactive=False,
                   control=False).add_to(group)
    return group


def borders_layer(*, name: str = "Borders", show: bool = True) -> folium.FeatureGroup | None:
    """International borders (Natural Earth) of Ukraine and its neighbours, as light outlines.
    None if the data is missing."""

    def style(feature: dict) -> dict:
        home = feature["properties"].get("home")
        return {"color": "#37474f" if home else "#90a4ae", "weight": 2 if home else 1,
                "fill": False, "opacity": 0.8}

    return _outline_layer("borders", name, style, show)


def oblasts_layer(*, name: str = "Oblasts", show: bool = True) -> folium.FeatureGroup | None:
    """Oblast outlines (geoBoundaries), light and dashed. None if the data is missing."""

    def style(_feature: dict) -> dict:
        return {"color": "#9e9e9e", "weight": 1, "dashArray": "3 4", "fill": False,
                "opacity": 0.7}

    return _outline_layer("oblasts", name, style, show)


def occupied_layer(date: dt.date | str | None = None, *, name: str | None = None,
                   show: bool = True) -> folium.FeatureGroup | None:
    """The occupied area (and line of contact) of the DeepStateMap map of ``date``: the newest
    map on or before it; the newest of all when ``date`` is None. The layer's name carries the
    map's date. None (logged) when the front-line module or data is absent, or ``date`` is
    before the first map."""
    try:
        from geo.frontline import load_frontline
        archive = load_frontline()
        snapshot = archive.snapshot_for(date if date is not None else archive.last)
    except Exception as exc:  # absent module, missing data, date out of range
        log.warning("no occupied-area layer: %s", exc)
        return None
    label = f"Occupied area, DeepStateMap map of {snapshot.date.isoformat()}"
    if snapshot.date != snapshot.requested_date:
        label += f" (for {snapshot.requested_date.isoformat()})"
    group = folium.FeatureGroup(name=name or f"Occupied area ({snapshot.date.isoformat()})",
                                show=show)
    group.snapshot_date = snapshot.date
    area = _display_geojson([snapshot.geometry], [{"date": snapshot.date.isoformat()}])
    folium.GeoJson(
        area, control=False,
        style_function=lambda _f: {"color": OCCUPIED_COLOR, "weight": 1, "fillColor":
                                   OCCUPIED_COLOR, "fillOpacity": 0.18, "opacity": 0.6},
        tooltip=folium.Tooltip(esc(label)),
    ).add_to(group)
    contact = getattr(snapshot, "contact", None)
    if contact is not None and not contact.is_empty:
        folium.GeoJson(
            _display_geojson([contact], [{"date": snapshot.date.isoformat()}]), control=False,
            style_function=lambda _f: {"color": CONTACT_COLOR, "weight": 2, "opacity": 0.9},
            interactive=False,
        ).add_to(group)
    return group


# --------------------------------------------------------------------------- legend, credits


class _Control(MacroElement):
    """A Leaflet control whose content is fixed HTML (built and escaped in Python)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var control = L.control({position: {{ this.position|tojson }}});
            control.onAdd = function () {
                var div = L.DomUtil.create('div', {{ this.css_class|tojson }});
                div.innerHTML = {{ this.content_js }};
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                return div;
            };
            control.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
    """)

    def __init__(self, content_html: str, *, position: str = "bottomleft",
                 css_class: str = "fm-control") -> None:
        super().__init__()
        self._name = "Control"
        self.content_html = content_html
        self.content_js = _js(content_html)
        self.position = position
        self.css_class = css_class


class _Attribution(MacroElement):
    """Adds the data sources to the map's attribution control (visible with or without
    tiles). The tiles' own credit comes with the tile layer, shown while it is on."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (map) {
            var control = map.attributionControl;
            if (!control) { control = L.control.attribution().addTo(map); }
            {{ this.items_js }}.forEach(function (a) { control.addAttribution(a); });
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self) -> None:
        super().__init__()
        self._name = "Attribution"
        self.items = [f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer">'
                      f"{esc(text)}</a>" for text, url in ATTRIBUTION_SOURCES
                      if not text.startswith("Tiles:")]
        self.items_js = _js(self.items)


def attribution_element() -> MacroElement:
    """The element that writes the data sources of :data:`ATTRIBUTION` (linked) into the
    map's attribution line; the OpenStreetMap credit comes with the tile layer."""
    return _Attribution()


def _swatch(style: str) -> str:
    return (f'<span style="display:inline-block;width:14px;height:10px;margin-right:5px;'
            f'vertical-align:middle;{style}"></span>')


def legend(*, layers: Sequence[str] = DEFAULT_LAYERS,
           occupied_date: dt.date | None = None) -> MacroElement:
    """A small legend control (bottom left, collapsible) for the given ``layers``: event icons
    and colours, claim colours by verdict, places, the occupied area (with its map's date).
    Add it to a Map."""
    rows = []
    if "events" in layers:
        rows.append("<b>Events</b>")
        for style in EVENT_STYLES.values():
            rows.append(f'<i class="fa fa-{esc(style.icon)}" style="color:{esc(style.hex)};'
                        f'width:16px;text-align:center"></i> {esc(style.label)}')
    if "claims" in layers:
        rows.append("<b>Claims (verdict)</b>")
        for status, color in STATUS_COLORS.items():
            rows.append(_swatch(f"height:3px;background:{esc(color)}") + esc(status))
    if "places" in layers:
        rows.append("<b>Places</b>")
        rows.append(_swatch(f"border-radius:50%;width:10px;background:{PLACE_COLOR}")
                    + "Place named in a report")
    if "occupied" in layers:
        occupied = "Occupied area (DeepStateMap"
        occupied += f", {occupied_date.isoformat()})" if occupied_date else ")"
        rows.append(_swatch(f"background:{OCCUPIED_COLOR};opacity:0.35;"
                            f"border:1px solid {OCCUPIED_COLOR}") + esc(occupied))
    content = ('<details open style="background:rgba(255,255,255,0.92);padding:4px 8px;'
               'border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,0.3);'
               'font:11px/1.5 sans-serif;max-height:45vh;overflow:auto">'
               '<summary style="cursor:pointer;font-weight:bold">Legend</summary>'
               + "<br>".join(rows) + "</details>")
    return _Control(content, position="bottomleft", css_class="fm-legend leaflet-control")


# --------------------------------------------------------------------------- the map


def _bounds(points: Sequence[tuple[float, float]]) -> list[list[float]]:
    """[[south, west], [north, east]] around (lat, lon) points, padded to a minimum span."""
    if not points:
        (south, west), (north, east) = UKRAINE_BOUNDS
        return [[south, west], [north, east]]
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    south, north, west, east = min(lats), max(lats), min(lons), max(lons)
    pad_lat = max(0.0, FIT_MIN_SPAN_DEG - (north - south)) / 2
    pad_lon = max(0.0, FIT_MIN_SPAN_DEG - (east - west)) / 2
    return [[south - pad_lat, west - pad_lon], [north + pad_lat, east + pad_lon]]


def _latest_date(analyses: Sequence[Analysis]) -> dt.date | None:
    dates = [a.report.date for a in analyses if a.report.date is not None]
    return max(dates) if dates else None


def build_map(analyses: Analysis | Sequence[Analysis], *, date: dt.date | str | None = None,
              layers: Sequence[str] = DEFAULT_LAYERS, show_abroad: bool = True,
              cluster_threshold: int = 2000, tiles: bool = True) -> folium.Map:
    """A folium Map of ``analyses`` with the chosen ``layers`` (see :data:`DEFAULT_LAYERS`).

    ``date`` picks the occupied-area map (default: the latest report date, else the newest
    map). ``show_abroad=False`` leaves out events and places outside Ukraine (a statement in
    Geneva). The map fits the events and places in Ukraine (all of them if none is in Ukraine,
    the whole country if there is nothing), has a layer control, the legend and the
    attribution; ``tiles`` adds the OpenStreetMap layer (online only).
    """
    if isinstance(analyses, Analysis):
        analyses = [analyses]
    unknown = sorted(set(layers) - set(DEFAULT_LAYERS))
    if unknown:
        raise ValueError(f"unknown layer(s) {unknown}; choose from {list(DEFAULT_LAYERS)}")

    events: list[Event] = []
    event_reports: list[Report] = []
    mentions: list[Mention] = []
    verdicts: list[Verdict] = []
    for analysis in analyses:
        for event in analysis.events:
            if show_abroad or not event.abroad:
                events.append(event)
                event_reports.append(analysis.report)
        mentions.extend(m for m in analysis.mentions
                        if show_abroad or m.place is None
                        or m.place.country_code == HOME_COUNTRY)
        verdicts.extend(analysis.verdicts)

    m = folium.Map(location=[48.5, 31.5], zoom_start=6, tiles=None, maxZoom=MAX_ZOOM,
                   control_scale=True)
    if tiles:
        folium.TileLayer(TILE_URL, attr=OSM_ATTRIBUTION_HTML, name="OpenStreetMap (online)",
                         max_zoom=MAX_ZOOM, max_native_zoom=19).add_to(m)

    occupied_date = None
    for layer in _DRAW_ORDER:
        if layer not in layers:
            continue
        if layer == "oblasts":
            element = oblasts_layer()
        elif layer == "borders":
            element = borders_layer()
        elif layer == "occupied":
            element = occupied_layer(date if date is not None else _latest_date(analyses))
            occupied_date = getattr(element, "snapshot_date", None)
        elif layer == "claims":
            element = claims_layer(verdicts)
        elif layer == "places":
            element = places_layer(mentions, cluster_threshold=cluster_threshold)
        else:
            element = events_layer(events, reports=event_reports,
                                   cluster_threshold=cluster_threshold)
        if element is not None:
            element.add_to(m)

    points = [(e.place.lat, e.place.lon) for e in events if e.place is not None] + \
             [(x.place.lat, x.place.lon) for x in mentions if _drawable(x)]
    home = [(e.place.lat, e.place.lon) for e in events
            if e.place is not None and e.place.country_code == HOME_COUNTRY] + \
           [(x.place.lat, x.place.lon) for x in mentions
            if _drawable(x) and x.place.country_code == HOME_COUNTRY]
    m.fit_bounds(_bounds(home or points), max_zoom=FIT_MAX_ZOOM)

    folium.LayerControl(collapsed=False).add_to(m)
    if set(layers) & {"events", "claims", "places", "occupied"}:
        legend(layers=layers, occupied_date=occupied_date).add_to(m)
    attribution_element().add_to(m)
    return m
