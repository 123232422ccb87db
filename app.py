"""frontline-map dashboard: a thin Streamlit layer over ``geo`` (logic lives in geo.dashboard).

Run with ``make app`` (http://localhost:8501). Works with no network: the map's scripts are
inlined, the gazetteer and geometry are read from data/.
"""

from __future__ import annotations

import copy
import datetime as dt
from functools import partial
from pathlib import Path

import streamlit as st

from geo import dashboard as dash
from geo.errors import FrontlineError
from geo.mapping import ATTRIBUTION, build_map
from geo.reports import Reader

st.set_page_config(page_title="frontline-map", page_icon="🗺️", layout="wide")


@st.cache_resource(show_spinner="Loading the gazetteer…")
def reader() -> Reader:
    return Reader()


# A resource cache: Analysis records are frozen, so every session can share them unpickled,
# and it holds as many reports as a big batch has (an LRU smaller than the batch misses on
# every run).
@st.cache_resource(max_entries=dash.MAX_CACHED_ANALYSES, show_spinner=False)
def analyse(_report, key: tuple, overrides: tuple[tuple[int, int], ...]) -> dash.Loaded:
    """One report analysed; ``key`` is dash.report_key(report)."""
    return dash.analyse_reports(reader(), [_report],
                                {(_report.report_id, s): g for s, g in overrides})


@st.cache_resource(max_entries=16, show_spinner=False)
def analyse_all(_reports, keys: tuple, overrides: tuple) -> dash.Loaded:
    """Every report analysed with the user's overrides (one cache look-up per page run)."""
    analyses, errors = [], []
    for report, key in zip(_reports, keys, strict=True):
        mine = tuple(sorted((s, g) for (rid, s), g in overrides if rid == report.report_id))
        loaded = analyse(report, key, mine)
        analyses.extend(loaded.analyses)
        errors.extend(loaded.errors)
    return dash.Loaded(tuple(analyses), tuple(errors))


@st.cache_resource(max_entries=8, show_spinner="Drawing the map…")
def offline_map(_shown, key: str, occupied_date, show_abroad: bool):
    """The map of the shown analyses, made offline; ``key`` (dash.selection_key) says what it
    shows. Callers draw a deep copy: st_folium renames the map's elements as it renders."""
    from geo.offline import make_offline

    folium_map = make_offline(build_map(_shown, date=occupied_date, show_abroad=show_abroad,
                                        cluster_threshold=dash.MAP_CLUSTER_THRESHOLD))
    folium_map.get_root().render()  # once here, so st_folium may skip it (render=False)
    return folium_map


def selected_rows(key: str) -> list[int]:
    """Rows picked in the table with this key (its selection state from the last run)."""
    try:
        return list(st.session_state[key]["selection"]["rows"])
    except (KeyError, TypeError, AttributeError):
        return []


def multiselect_all(label: str, options: list[str], key: str) -> list[str]:
    """A sidebar multiselect that starts with every option and keeps new options selected."""
    seen = f"{key}-options"
    if key in st.session_state:
        st.session_state[key] = dash.keep_selection(st.session_state.get(seen, []),
                                                    st.session_state[key], options)
        default = None
    else:
        default = options
    st.session_state[seen] = options
    return st.sidebar.multiselect(label, options, default=default, key=key)


@st.cache_resource(max_entries=64, show_spinner=False)
def bundled_reports(name: str, key: tuple[str, int, int]) -> tuple:
    """The reports of one bundled file; ``key`` is dash.seed_file_key(name)."""
    return tuple(dash.seed_reports([name], Path(key[0]).parent))


@st.cache_data(max_entries=16, show_spinner=False)
def tables(_shown, key: str):
    """Places, claims and events tables of the shown analyses (``key``: dash.selection_key)."""
    return dash.places_frame(_shown), dash.claims_frame(_shown), dash.events_frame(_shown)


def sidebar_reports() -> list:
    """Reports chosen in the sidebar: bundled seeds, uploads and pasted text."""
    st.sidebar.header("Reports")
    seeds = [p.name for p in dash.seed_files()]
    chosen = st.sidebar.multiselect("Bundled reports", seeds, default=seeds[:1],
                                    key="seeds")
    reports = [r for name in chosen for r in bundled_reports(name, dash.seed_file_key(name))]
    uploads = st.sidebar.file_uploader(
        f"Upload reports ({', '.join(dash.UPLOAD_TYPES)}; "
        f"{dash.MAX_UPLOAD_BYTES // 1_000_000} MB per report)", type=list(dash.UPLOAD_TYPES),
        accept_multiple_files=True, key="uploads",
        max_upload_size=dash.MAX_BATCH_UPLOAD_BYTES // 1_000_000)
    for upload in uploads or []:
        try:
            reports.extend(dash.reports_from_upload(upload.name, upload.getvalue()))
        except FrontlineError as exc:
            st.sidebar.error(str(exc))
    with st.sidebar.expander("Paste a report"):
        pasted = st.text_area("Report text", key="pasted", height=150)
        use_date = st.checkbox("Give it a date", key="pasted_has_date")
        date = st.date_input("Report date", value=dt.date.today(), key="pasted_date") \
            if use_date else None
        if pasted.strip():
            try:
                reports.append(dash.pasted_report(pasted, date))
            except FrontlineError as exc:
                st.error(str(exc))
    return reports


def sidebar_filter(analyses) -> tuple[dash.EventFilter, dt.date | None]:
    st.sidebar.header("Filters")
    kinds = dash.event_kinds(analyses)
    who = dash.claimants(analyses)
    picked_kinds = multiselect_all("Event kinds", kinds, key="kinds")
    picked_who = multiselect_all("Claimed by", who, key="claimants")
    dates = dash.report_dates(analyses)
    start = end = None
    if len(dates) > 1:
        start, end = st.sidebar.slider("Report dates", min_value=dates[0], max_value=dates[-1],
                                       value=(dates[0], dates[-1]), key="dates")
    abroad = st.sidebar.toggle("Show diplomatic / abroad events", value=True, key="abroad")
    occupied = st.sidebar.selectbox("Occupied area on", dates or [None], index=len(dates) - 1
                                    if dates else 0, key="occupied_date")
    return dash.EventFilter(frozenset(picked_kinds), frozenset(picked_who), start, end,
                            abroad), occupied


def override_controls(analyses) -> None:
    """Let the user pick another candidate for an ambiguous place."""
    ambiguous = dash.ambiguous_mentions(analyses)
    if not ambiguous:
        st.caption("No ambiguous place names in these reports.")
        return
    overrides = st.session_state.setdefault("overrides", {})

    def choose(key: tuple[str, int], widget: str) -> None:
        # Runs before the rerun, so the page is analysed with the new choice at once.
        overrides[key] = st.session_state[widget].id

    for analysis, mention in ambiguous:
        key = (analysis.report.report_id, mention.start)
        options = list(mention.candidates)
        current = next((i for i, p in enumerate(options) if p.id == overrides.get(
            key, mention.place.id if mention.place else None)), 0)
        widget = f"override-{key[0]}-{key[1]}"
        st.selectbox(f"'{mention.text}' ({len(options)} candidates)", options,
                     index=current, format_func=dash.candidate_label, key=widget,
                     on_change=choose, args=(key, widget))


@st.fragment
def distance_checker() -> None:
    """Its inputs rerun only this fragment, not the whole page."""
    st.subheader("Distance checker")
    left, right = st.columns(2)
    a = left.text_input("From place", "Kharkiv", key="dist_a")
    b = right.text_input("To place", "Kupiansk", key="dist_b")
    stated = left.number_input("Stated distance, km (optional)", min_value=0.0, value=0.0,
                               step=1.0, key="dist_stated")
    direction = right.text_input("Stated direction of 'to' as seen from 'from' (optional, "
                                 "e.g. E)", "", key="dist_dir")
    try:
        result, verdict = dash.check_distance(a, b, stated_km=stated or None,
                                              direction=direction.strip())
    except FrontlineError as exc:
        st.error(str(exc))
        return
    st.metric("Straight-line distance", f"{result.distance_km:.1f} km",
              f"{result.distance_mi:.1f} mi", delta_color="off")
    st.write(f"Bearing from {result.a.place.name} to {result.b.place.name}: "
             f"{result.bearing_deg:.1f}° ({result.compass8}; {result.compass16})")
    for end in (result.a, result.b):
        note = f"{end.query} → {end.place.name}, GeoNames {end.place.id}: {end.reason}"
        if end.ambiguous:
            note += f" ({len(end.alternatives)} other candidates; add an oblast to choose)"
        st.caption(note)
    if verdict is not None:
        (st.success if verdict.status.value == "consistent" else st.warning)(
            f"{verdict.status.value}: {verdict.explanation}")


def main() -> None:
    st.title("frontline-map")
    st.caption("War reporting turned into checked facts on a map: places, distance claims, "
               "events. Offline; the human has the last word on every resolution.")
    reports = sidebar_reports()
    if not reports:
        st.info("Choose a bundled report, upload one or paste text in the sidebar.")
        return
    overrides = tuple(sorted(st.session_state.get("overrides", {}).items()))
    with st.spinner(f"Reading {len(reports)} report(s)…"):
        loaded = analyse_all(reports, tuple(dash.report_key(r) for r in reports), overrides)
    analyses = list(loaded.analyses)
    for error in loaded.errors:
        st.error(error)
    chosen, occupied_date = sidebar_filter(analyses)
    shown = dash.filter_analyses(analyses, chosen)

    content = dash.selection_key(shown)
    places, claims, events = tables(shown, content)
    # The map comes first on the page (its scripts load while the tables render); a row picked
    # in a table (the last run's selection, read from the session) centres it.
    focus = None
    for frame, key in ((places, "places_table"), (claims, "claims_table"),
                       (events, "events_table")):
        focus = dash.row_point(frame, selected_rows(key)) or focus

    from streamlit_folium import st_folium

    cached_map = offline_map(shown, f"{content} {occupied_date} {chosen.show_abroad}",
                             occupied_date, chosen.show_abroad)
    st_folium(copy.deepcopy(cached_map), key="map", height=560, use_container_width=True,
              returned_objects=[], center=focus, zoom=11 if focus else None, render=False)

    # Lazy tabs: only the open tab's table is sent (10,000 rows each would otherwise be
    # decoded by the browser on every run, on the thread that also draws the map).
    tab_places, tab_claims, tab_events = st.tabs(["Places", "Claims", "Events"],
                                                 key="table_tab", on_change="rerun")
    if tab_places.open:
        with tab_places:
            st.dataframe(places.drop(columns=["start", "report_id"]), on_select="rerun",
                         selection_mode="single-row", hide_index=True, key="places_table")
            with st.expander("Fix a resolution"):
                override_controls(analyses)
    if tab_claims.open:
        with tab_claims:
            st.dataframe(claims.style.map(
                lambda v: f"background-color: {dash.STATUS_COLOURS.get(v, '')}",
                subset=["verdict"]), on_select="rerun", selection_mode="single-row",
                hide_index=True, key="claims_table")
    if tab_events.open:
        with tab_events:
            st.dataframe(events, on_select="rerun", selection_mode="single-row",
                         hide_index=True, key="events_table")

    # Downloads are made when clicked (a callable), not on every run of the page.
    st.subheader("Downloads")
    cols = st.columns(4)
    cols[0].download_button("Map (offline HTML)",
                            lambda: dash.map_html_bytes(copy.deepcopy(cached_map)),
                            "frontline-map.html", "text/html", on_click="ignore")
    for col, fmt, mime in zip(cols[1:], ("geojson", "parquet", "csv"),
                              ("application/geo+json", "application/octet-stream",
                               "text/csv"), strict=True):
        col.download_button(f"Events ({fmt})", partial(dash.export_bytes, shown, fmt),
                            f"frontline-events.{fmt}", mime, on_click="ignore")

    distance_checker()
    st.divider()
    st.caption(f"Data: {ATTRIBUTION}")


main()
