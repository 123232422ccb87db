"""frontline-map dashboard: a thin Streamlit layer over ``geo`` (logic lives in geo.dashboard).

Run with ``make app`` (http://localhost:8501). Works with no network: the map's scripts are
inlined, the gazetteer and geometry are read from data/.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from geo import dashboard as dash
from geo.errors import FrontlineError
from geo.mapping import ATTRIBUTION, build_map
from geo.reports import Reader

st.set_page_config(page_title="frontline-map", page_icon="🗺️", layout="wide")


@st.cache_resource(show_spinner="Loading the gazetteer…")
def reader() -> Reader:
    return Reader()


@st.cache_data(max_entries=512, show_spinner=False)
def analyse(_report, report_id: str, overrides: tuple[tuple[int, int], ...]):
    loaded = dash.analyse_reports(reader(), [_report],
                                  {(report_id, s): g for s, g in overrides})
    return loaded


def sidebar_reports() -> list:
    """Reports chosen in the sidebar: bundled seeds, uploads and pasted text."""
    st.sidebar.header("Reports")
    seeds = [p.name for p in dash.seed_files()]
    chosen = st.sidebar.multiselect("Bundled reports", seeds, default=seeds[:1],
                                    key="seeds")
    reports = dash.seed_reports(chosen)
    uploads = st.sidebar.file_uploader(
        f"Upload reports ({', '.join(dash.UPLOAD_TYPES)}; "
        f"{dash.MAX_UPLOAD_BYTES // 1_000_000} MB each)", type=list(dash.UPLOAD_TYPES),
        accept_multiple_files=True, key="uploads")
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
    picked_kinds = st.sidebar.multiselect("Event kinds", kinds, default=kinds, key="kinds")
    picked_who = st.sidebar.multiselect("Claimed by", who, default=who, key="claimants")
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
    for analysis, mention in ambiguous:
        key = (analysis.report.report_id, mention.start)
        options = list(mention.candidates)
        current = next((i for i, p in enumerate(options) if p.id == overrides.get(
            key, mention.place.id if mention.place else None)), 0)
        picked = st.selectbox(f"'{mention.text}' ({len(options)} candidates)", options,
                              index=current, format_func=dash.candidate_label,
                              key=f"override-{key[0]}-{key[1]}")
        if mention.place is None or picked.id != mention.place.id:
            overrides[key] = picked.id


def distance_checker() -> None:
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
    overrides = st.session_state.get("overrides", {})
    analyses, errors = [], []
    with st.spinner(f"Reading {len(reports)} report(s)…"):
        for report in reports:
            mine = tuple(sorted((s, g) for (rid, s), g in overrides.items()
                                if rid == report.report_id))
            loaded = analyse(report, report.report_id, mine)
            analyses.extend(loaded.analyses)
            errors.extend(loaded.errors)
    for error in errors:
        st.error(error)
    chosen, occupied_date = sidebar_filter(analyses)
    shown = dash.filter_analyses(analyses, chosen)

    tables = st.container()
    with tables:
        tab_places, tab_claims, tab_events = st.tabs(["Places", "Claims", "Events"])
        places = dash.places_frame(shown)
        claims = dash.claims_frame(shown)
        events = dash.events_frame(shown)
        focus = None
        with tab_places:
            picked = st.dataframe(places.drop(columns=["start", "report_id"]),
                                  on_select="rerun", selection_mode="single-row",
                                  hide_index=True, key="places_table")
            rows = picked.selection.rows if picked else []
            if rows:
                focus = places.iloc[rows[0]][["lat", "lon"]].tolist()
            with st.expander("Fix a resolution"):
                override_controls(analyses)
        with tab_claims:
            picked = st.dataframe(claims.style.map(
                lambda v: f"background-color: {dash.STATUS_COLOURS.get(v, '')}",
                subset=["verdict"]), on_select="rerun", selection_mode="single-row",
                hide_index=True, key="claims_table")
            rows = picked.selection.rows if picked else []
            if rows:
                focus = claims.iloc[rows[0]][["lat", "lon"]].tolist()
        with tab_events:
            picked = st.dataframe(events, on_select="rerun", selection_mode="single-row",
                                  hide_index=True, key="events_table")
            rows = picked.selection.rows if picked else []
            if rows:
                focus = events.iloc[rows[0]][["lat", "lon"]].tolist()

    from streamlit_folium import st_folium

    from geo.offline import make_offline

    with st.spinner("Drawing the map…"):
        folium_map = build_map(shown, date=occupied_date, show_abroad=chosen.show_abroad)
    focus_ok = focus is not None and None not in focus and focus == focus
    st_folium(make_offline(folium_map), key="map", height=560, use_container_width=True,
              returned_objects=[], center=tuple(focus) if focus_ok else None,
              zoom=11 if focus_ok else None)

    st.subheader("Downloads")
    cols = st.columns(4)
    cols[0].download_button("Map (offline HTML)", dash.map_html_bytes(folium_map),
                            "frontline-map.html", "text/html")
    for col, fmt, mime in zip(cols[1:], ("geojson", "parquet", "csv"),
                              ("application/geo+json", "application/octet-stream",
                               "text/csv"), strict=True):
        try:
            col.download_button(f"Events ({fmt})", dash.export_bytes(shown, fmt),
                                f"frontline-events.{fmt}", mime)
        except FrontlineError as exc:
            col.error(str(exc))

    distance_checker()
    st.divider()
    st.caption(f"Data: {ATTRIBUTION}")


main()
