"""Offline folium maps: self-contained HTML exports and an offline `st_folium`.

A folium page as rendered pulls Leaflet, jQuery, Bootstrap, Font Awesome and plugin code from
CDNs, so it is blank without a network ("L is not defined"). The installed ``folium-offline``
distribution (import name ``offlinefolium``) ships those files: its modules hold plain dicts
that map each CDN URL folium uses to the file's text (``offlinefolium.elements._res`` for
Leaflet, jQuery, Bootstrap, Font Awesome and the plugins; ``offlinefolium.features._vres`` for
Vega and d3). This module reads those dicts at run time; nothing third-party is copied into
the repository.

Two ways out:

- :func:`export_html` / :func:`inline_assets` turn a rendered page into one file: every remote
  ``<script src>`` and ``<link rel="stylesheet">`` becomes an inline ``<script>``/``<style>``,
  the images and fonts those stylesheets reference become ``data:`` URLs, and Leaflet's
  default marker icon is pointed at embedded images.
- :func:`make_offline` rewrites the asset links an element tree *declares*
  (``default_js``/``default_css``) into ``data:`` URLs. ``streamlit_folium.st_folium`` ignores
  the rendered page and loads exactly those declared links, so this is what makes the
  dashboard work offline.

A stylesheet may reference a file offlinefolium does not ship (for example the Font Awesome
"brands" and "regular" webfonts; only the "solid" face is embedded). Such references are
dropped (an ``@font-face`` source, or ``url(...)`` replaced by ``none``) so the page never
reaches for the network; pass ``strict=True`` to raise :class:`OfflineAssetError` instead.
A script or stylesheet that is not available offline always raises.
"""

from __future__ import annotations

import base64
import functools
import importlib
import json
import logging
import mimetypes
import re
from collections.abc import Iterator, Mapping
from html import escape as html_escape
from html import unescape
from html.parser import HTMLParser
from os import PathLike
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar
from urllib.parse import urljoin, urlsplit, urlunsplit

import branca.colormap
import branca.element
import folium

__all__ = [
    "OfflineAssetError",
    "asset_data_url",
    "asset_text",
    "escape_popup_text",
    "export_html",
    "find_remote_assets",
    "icon_default_script",
    "inline_assets",
    "make_offline",
    "marker_icon_data_urls",
    "offline_asset_links",
    "offline_css",
    "offline_resources",
]

log = logging.getLogger(__name__)

#: Modules of the installed ``offlinefolium`` package that hold URL -> text dicts.
RESOURCE_MODULES: tuple[str, ...] = ("offlinefolium.elements", "offlinefolium.features")

#: Name under which :func:`make_offline` adds the marker-icon script to a Map's ``default_js``.
ICON_SCRIPT_NAME = "leaflet_default_icon_offline"

_MARKER_IMAGES = {
    "iconUrl": "marker-icon.png",
    "iconRetinaUrl": "marker-icon-2x.png",
    "shadowUrl": "marker-shadow.png",
}

# CSS url(...) with a double-quoted, single-quoted or bare argument.
_CSS_URL_RE = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""", re.IGNORECASE)
_FONT_FACE_RE = re.compile(r"@font-face\s*\{[^{}]*\}", re.IGNORECASE)
_CSS_IMPORT_RE = re.compile(r"@import\b", re.IGNORECASE)

_HEAD_RE = re.compile(r"(<head\b[^>]*>)(.*?)(</head\s*>)", re.IGNORECASE | re.DOTALL)
_SCRIPT_SRC_RE = re.compile(r"<script\b([^>]*)>\s*</script\s*>", re.IGNORECASE)
_LINK_RE = re.compile(r"<link\b([^>]*?)/?>", re.IGNORECASE)
_ATTR_RE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")

_LEAFLET_JS_RE = re.compile(r"/leaflet(?:-src)?\.js$", re.IGNORECASE)

_E = TypeVar("_E", bound=branca.element.Element)


class OfflineAssetError(LookupError):
    """A script, stylesheet or a file one of them references has no offline copy.

    ``url`` is the asset's (absolute) URL.
    """

    def __init__(self, url: str, detail: str | None = None) -> None:
        self.url = url
        message = detail or (
            f"no offline copy of {url}: the installed offlinefolium package does not ship it. "
            "Use only folium elements and plugins whose assets offlinefolium provides (see "
            "geo.offline.offline_resources()), or keep folium and folium-offline at the same "
            "release so their CDN URLs match."
        )
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


# --------------------------------------------------------------------------- resources


@functools.cache
def offline_resources() -> Mapping[str, str]:
    """Return the read-only map of CDN URL -> file text shipped by ``offlinefolium``.

    Every module-level ``dict`` in :data:`RESOURCE_MODULES` whose keys are all ``http(s)://``
    URLs and whose values are strings is merged in.
    """
    found: dict[str, str] = {}
    for module_name in RESOURCE_MODULES:
        module = importlib.import_module(module_name)
        for value in vars(module).values():
            if (
                isinstance(value, dict)
                and value
                and all(
                    isinstance(key, str)
                    and key.startswith(("http://", "https://"))
                    and isinstance(text, str)
                    for key, text in value.items()
                )
            ):
                found.update(value)
    if not found:
        raise OfflineAssetError(
            "offlinefolium",
            "offlinefolium holds no URL -> text asset tables in "
            f"{', '.join(RESOURCE_MODULES)}; its layout changed, update geo/offline.py",
        )
    return MappingProxyType(found)


def _absolute(url: str) -> str:
    """Make a protocol-relative URL absolute (https)."""
    return "https:" + url if url.startswith("//") else url


def _is_remote(url: str) -> bool:
    return url.strip().lower().startswith(("http://", "https://", "//"))


def _lookup_candidates(url: str) -> Iterator[str]:
    url = _absolute(url.strip())
    yield url
    parts = urlsplit(url)
    bare = urlunsplit(parts._replace(query="", fragment=""))
    if bare != url:
        yield bare
    for candidate in (url, bare):
        if candidate.startswith("http://"):
            yield "https://" + candidate[len("http://") :]


def asset_text(url: str) -> str:
    """Return the text of the asset at ``url`` from offlinefolium.

    Protocol-relative and ``http://`` URLs match their ``https://`` entry, and a query or
    fragment (``font.eot?#iefix``) is ignored when the exact URL is not stored.

    Raises:
        OfflineAssetError: offlinefolium does not ship this URL.
    """
    resources = offline_resources()
    for candidate in _lookup_candidates(url):
        if candidate in resources:
            return resources[candidate]
    raise OfflineAssetError(_absolute(url))


def _data_url(text: str, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(text.encode('utf-8')).decode('ascii')}"


def _mime_for(url: str) -> str:
    path = urlsplit(_absolute(url)).path
    if path.endswith(".css"):
        return "text/css"
    if path.endswith((".js", ".mjs")):
        return "text/javascript"
    return mimetypes.guess_type(path)[0] or "application/octet-stream"


# --------------------------------------------------------------------------- CSS


def _split_top_level(text: str, sep: str = ",") -> list[str]:
    """Split ``text`` on ``sep`` outside parentheses and quotes (data: URLs hold commas)."""
    items: list[str] = []
    depth = 0
    quote = ""
    start = 0
    for i, char in enumerate(text):
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif char == sep and depth == 0:
            items.append(text[start:i])
            start = i + 1
    items.append(text[start:])
    return items


def _embed_reference(ref: str, base_url: str) -> str | None:
    """Return a self-contained replacement for a CSS ``url()`` reference, or None.

    ``data:``, fragment-only (``#default#VML``) and empty references are kept as they are.
    Anything else is resolved against the stylesheet's CDN URL and embedded as a ``data:`` URL
    when offlinefolium ships it; None means it is not available offline.
    """
    ref = ref.strip()
    if not ref or ref.lower().startswith(("data:", "about:")) or ref.startswith("#"):
        return ref
    absolute = urljoin(_absolute(base_url), ref)
    try:
        text = asset_text(absolute)
    except OfflineAssetError:
        return None
    return _data_url(text, _mime_for(absolute))


def _css_url(ref: str) -> str:
    return f'url("{ref}")' if not ref.startswith("data:") else f"url({ref})"


def _rewrite_font_face(block: str, base_url: str, dropped: list[str]) -> str:
    """Embed or drop each source of one ``@font-face`` rule; drop the rule if none is left."""

    def rewrite_sources(value: str) -> str:
        kept: list[str] = []
        for item in _split_top_level(value, ","):
            replacements: dict[str, str | None] = {}
            for ref_match in _CSS_URL_RE.finditer(item):
                ref = next(g for g in ref_match.groups() if g is not None)
                replacements[ref_match.group(0)] = _embed_reference(ref, base_url)
            missing = [call for call, embedded in replacements.items() if embedded is None]
            if missing:
                dropped.extend(missing)
                continue
            for call, embedded in replacements.items():
                item = item.replace(call, _css_url(embedded or ""))
            if item.strip():
                kept.append(item.strip())
        return ",".join(kept)

    body_start, body_end = block.index("{") + 1, block.rindex("}")
    declarations: list[str] = []
    had_source = kept_source = False
    # Split on top-level ";" only: data: URLs hold ";base64,".
    for declaration in _split_top_level(block[body_start:body_end], ";"):
        name, colon, value = declaration.partition(":")
        if colon and name.strip().lower() == "src":
            had_source = True
            sources = rewrite_sources(value)
            if sources:
                declarations.append(f"src:{sources}")
                kept_source = True
        elif declaration.strip():
            declarations.append(declaration.strip())
    if had_source and not kept_source:
        return ""  # every source was unavailable: a face without a source is useless
    return block[:body_start] + ";".join(declarations) + block[body_end:]


@functools.cache
def offline_css(url: str, *, strict: bool = False) -> str:
    """Return the stylesheet at ``url`` with every image/font reference made self-contained.

    References offlinefolium ships are embedded as ``data:`` URLs (most already are in its
    copies: Leaflet's layers/marker images, MarkerCluster, Glyphicons, the Font Awesome solid
    face). Unavailable ones are dropped: an ``@font-face`` source is removed from its ``src``
    list (the rule too when no source is left) and any other ``url(...)`` becomes ``none``.

    Raises:
        OfflineAssetError: the stylesheet itself is not available, it uses ``@import``, or
            (``strict=True``) it references a file that is not available.
    """
    css = asset_text(url)
    if _CSS_IMPORT_RE.search(css):
        raise OfflineAssetError(url, f"{url} uses @import, which cannot be inlined")
    dropped: list[str] = []

    css = _FONT_FACE_RE.sub(lambda m: _rewrite_font_face(m.group(0), url, dropped), css)

    def rewrite_url(match: re.Match[str]) -> str:
        ref = next(g for g in match.groups() if g is not None)
        embedded = _embed_reference(ref, url)
        if embedded is None:
            dropped.append(match.group(0))
            return "none"
        if embedded == ref.strip():
            return match.group(0)
        return _css_url(embedded)

    css = _CSS_URL_RE.sub(rewrite_url, css)
    if dropped:
        missing = sorted({urljoin(_absolute(url), m) for m in _refs(dropped)})
        if strict:
            raise OfflineAssetError(
                missing[0],
                f"{url} references {len(missing)} file(s) offlinefolium does not ship: "
                + ", ".join(missing),
            )
        log.info("dropped %d unavailable reference(s) from %s: %s", len(missing), url, missing)
    return css


def _refs(url_calls: list[str]) -> Iterator[str]:
    for call in url_calls:
        match = _CSS_URL_RE.search(call)
        if match:
            yield next(g for g in match.groups() if g is not None)


@functools.cache
def asset_data_url(url: str, kind: str | None = None) -> str:
    """Return a ``data:`` URL holding the offline copy of the script or stylesheet ``url``.

    ``kind`` is ``"js"`` or ``"css"``; by default it is guessed from the URL's extension
    (URLs without one, such as ``.../vega@5``, count as JavaScript). Stylesheets go through
    :func:`offline_css` first, so their relative image/font references still resolve.
    ``data:`` URLs are returned unchanged.

    Raises:
        OfflineAssetError: the asset is not available offline.
    """
    if url.lower().startswith("data:"):
        return url
    if kind is None:
        kind = "css" if urlsplit(_absolute(url)).path.endswith(".css") else "js"
    if kind == "css":
        return _data_url(offline_css(url), "text/css")
    if kind == "js":
        return _data_url(asset_text(url), "text/javascript")
    raise ValueError(f"kind must be 'js' or 'css', not {kind!r}")


# --------------------------------------------------------------------------- marker icons


def _leaflet_js_url() -> str:
    links = dict(folium.Map.default_js)
    if "leaflet" not in links:
        raise OfflineAssetError("leaflet.js", "folium.Map declares no 'leaflet' script")
    return links["leaflet"]


@functools.cache
def marker_icon_data_urls() -> Mapping[str, str]:
    """Return Leaflet's default marker images as ``data:`` URLs.

    Keys are the ``L.Icon.Default`` options ``iconUrl``, ``iconRetinaUrl`` and ``shadowUrl``.
    offlinefolium's Leaflet build embeds the three PNGs (in ``L.Icon._embedImg``); its
    ``leaflet.css`` embeds the plain marker image as a fallback.

    Raises:
        OfflineAssetError: an image is not found in the offline Leaflet copy.
    """
    leaflet_url = _leaflet_js_url()
    leaflet_js = asset_text(leaflet_url)
    urls: dict[str, str] = {}
    for option, file_name in _MARKER_IMAGES.items():
        match = re.search(
            re.escape(file_name) + r"""["']\s*\)\s*return\s*["'](data:image/[\w.+-]+;base64,"""
            r"""[A-Za-z0-9+/=]+)["']""",
            leaflet_js,
        )
        if match:
            urls[option] = match.group(1)
    if "iconUrl" not in urls:
        css_url = urljoin(leaflet_url, "leaflet.css")
        match = re.search(
            r"\.leaflet-default-icon-path\s*\{[^}]*url\(\s*[\"']?(data:image/[^)\"']+)",
            asset_text(css_url),
        )
        if match:
            urls["iconUrl"] = match.group(1)
    if "iconUrl" in urls:
        urls.setdefault("iconRetinaUrl", urls["iconUrl"])
    missing = [name for option, name in _MARKER_IMAGES.items() if option not in urls]
    if missing:
        raise OfflineAssetError(
            urljoin(leaflet_url, f"images/{missing[0]}"),
            f"the offline Leaflet copy embeds no {', '.join(missing)}",
        )
    return MappingProxyType(urls)


@functools.cache
def icon_default_script() -> str:
    """Return JavaScript that points ``L.Icon.Default`` at the embedded marker images.

    Leaflet otherwise guesses an image directory from the stylesheet's URL, which fails for
    an inline stylesheet and requests ``marker-icon.png`` next to the page. Run it after
    Leaflet and before any marker is created.
    """
    options = json.dumps(dict(marker_icon_data_urls()), separators=(",", ":"))
    return f"(function(){{var D=L.Icon.Default;D.imagePath='';D.mergeOptions({options});}})();"


# --------------------------------------------------------------------------- HTML


def _parse_attrs(text: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for match in _ATTR_RE.finditer(text):
        name = match.group(1).lower()
        value = next((g for g in match.groups()[1:] if g is not None), "")
        attrs.setdefault(name, unescape(value))
    return attrs


def _escape_script(text: str) -> str:
    """Make JavaScript safe inside an inline ``<script>`` element."""
    text = re.sub(r"</(script)", r"<\\/\1", text, flags=re.IGNORECASE)
    if "<!--" in text and re.search(r"<script", text, re.IGNORECASE):
        text = text.replace("<!--", "\\x3C!--")
    return text


def _escape_style(text: str) -> str:
    """Make CSS safe inside an inline ``<style>`` element."""
    return re.sub(r"</(style)", r"<\\/\1", text, flags=re.IGNORECASE)


def _inline_head(head: str, strict: bool) -> str:
    icon_inserted = False

    def script(match: re.Match[str]) -> str:
        nonlocal icon_inserted
        attrs = _parse_attrs(match.group(1))
        src = attrs.get("src", "")
        if not _is_remote(src):
            return match.group(0)
        code = _escape_script(asset_text(src))
        out = f"<script>{code}</script>"
        if not icon_inserted and _LEAFLET_JS_RE.search(urlsplit(_absolute(src)).path):
            out += f"\n<script>{icon_default_script()}</script>"
            icon_inserted = True
        return out

    def link(match: re.Match[str]) -> str:
        attrs = _parse_attrs(match.group(1))
        href = attrs.get("href", "")
        if "stylesheet" not in attrs.get("rel", "").lower().split() or not _is_remote(href):
            return match.group(0)
        media = attrs.get("media")
        media_attr = f' media="{media}"' if media and media != "all" else ""
        return f"<style{media_attr}>{_escape_style(offline_css(href, strict=strict))}</style>"

    head = _SCRIPT_SRC_RE.sub(script, head)
    return _LINK_RE.sub(link, head)


def inline_assets(html: str, *, strict: bool = False) -> str:
    """Return a rendered folium page with its remote scripts and stylesheets inlined.

    ``html`` is a full page as produced by ``folium.Map(...).get_root().render()``. In its
    ``<head>``, each ``<script src="http...">`` becomes an inline ``<script>`` and each
    ``<link rel="stylesheet" href="http...">`` an inline ``<style>`` (see
    :func:`offline_css`), with the contents read from offlinefolium. Right after Leaflet, a
    script points ``L.Icon.Default`` at embedded marker images (:func:`icon_default_script`).
    Tile URL templates inside the map's JavaScript are left alone: tiles still need a
    network or a local tile server.

    Raises:
        OfflineAssetError: an asset is not available offline (see :func:`offline_css` for
            ``strict``).
        ValueError: ``html`` has no ``<head>``.
    """
    match = _HEAD_RE.search(html)
    if match is None:
        raise ValueError(
            "expected a full page with a <head>, as rendered by folium.Map(...).get_root().render()"
        )
    head = _inline_head(match.group(2), strict)
    return html[: match.start(2)] + head + html[match.end(2) :]


class _RemoteAssetFinder(HTMLParser):
    """Collects remote URLs of elements a browser would fetch on load."""

    _ATTRS = {
        "script": ("src",),
        "link": ("href",),
        "img": ("src", "srcset"),
        "iframe": ("src",),
        "embed": ("src",),
        "source": ("src", "srcset"),
        "video": ("src", "poster"),
        "audio": ("src",),
        "object": ("data",),
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.remote: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        for name, value in attrs:
            if value and name in self._ATTRS.get(tag, ()) and _is_remote(value):
                self.remote.append(value)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._in_style = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if not self._in_style:
            return
        for match in _CSS_URL_RE.finditer(data):
            ref = next(g for g in match.groups() if g is not None)
            if _is_remote(ref):
                self.remote.append(ref)
        for match in re.finditer(r"""@import\s+(?:url\()?\s*["']?([^"')\s;]+)""", data, re.I):
            if _is_remote(match.group(1)):
                self.remote.append(match.group(1))


def find_remote_assets(html: str) -> list[str]:
    """Return the remote URLs a browser would fetch when it loads ``html``.

    Looks at real elements only (``script``/``img``/``iframe``... ``src``, ``link href``)
    and at ``url()``/``@import`` inside ``<style>``; text inside scripts, such as a tile URL
    template or a popup's HTML in a JavaScript string, is not an element and is ignored.
    """
    finder = _RemoteAssetFinder()
    finder.feed(html)
    finder.close()
    return finder.remote


def export_html(
    m: folium.Map | branca.element.Element, path: str | PathLike[str], *, strict: bool = False
) -> Path:
    """Write ``m`` as ONE self-contained HTML file (UTF-8) and return its path.

    The page is rendered, :func:`inline_assets` is applied, and the result is checked with
    :func:`find_remote_assets`: the only remote URLs left are inside the map's JavaScript
    (tile URL templates, attribution links), none in a script, stylesheet or image element.

    Raises:
        OfflineAssetError: an asset is not available offline, or a remote reference remains.
    """
    page = inline_assets(m.get_root().render(), strict=strict)
    leftovers = find_remote_assets(page)
    if leftovers:
        raise OfflineAssetError(
            leftovers[0],
            f"{len(leftovers)} remote reference(s) remain after inlining: "
            + ", ".join(leftovers[:5]),
        )
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return out


def escape_popup_text(text: str) -> str:
    """Escape plain text (report text is data) for a folium ``Popup`` or ``Tooltip``.

    ``html.escape`` is not enough: folium puts popup and tooltip HTML inside a JavaScript
    template literal, so ``${alert(1)}`` runs, a backslash before a backtick closes the
    literal (and lets the rest run as code), and a stray backslash such as in ``C:\\users``
    is a syntax error that blanks the whole map. ``$``, the backtick and the backslash
    therefore become numeric character references too; the browser shows them literally.
    Braces become references as well: folium and branca compile the HTML they render as a
    Jinja template a second time, so ``{{ 7*7 }}`` in report text would be evaluated (and
    Jinja expressions can reach Python objects) while the map is being written.
    Pass the result as ``folium.Popup(escape_popup_text(text))``.
    """
    return html_escape(text).translate(_TEMPLATE_SAFE)


#: Characters that mean something to JavaScript template literals or Jinja, as references.
_TEMPLATE_SAFE = str.maketrans({"\\": "&#92;", "$": "&#36;", "`": "&#96;", "{": "&#123;",
                                "}": "&#125;"})


# --------------------------------------------------------------------------- st_folium


def offline_asset_links(element: branca.element.Element) -> None:
    """Rewrite the JS/CSS links ``element`` itself declares into ``data:`` URLs, in place.

    ``default_js``/``default_css`` are class attributes shared by every instance, so the
    rewritten lists are set on the instance; the class and other elements are untouched.
    A ``folium.Map`` also gets :func:`icon_default_script` right after Leaflet, since
    ``st_folium`` adds the page header through ``innerHTML`` and inline scripts there never run.

    Raises:
        OfflineAssetError: a declared asset is not available offline.
    """
    for attr, kind in (("default_js", "js"), ("default_css", "css")):
        links = getattr(element, attr, None)
        if not links:
            continue
        rewritten = [(name, asset_data_url(url, kind)) for name, url in links]
        if kind == "js" and isinstance(element, folium.Map):
            names = [name for name, _ in rewritten]
            if "leaflet" in names and ICON_SCRIPT_NAME not in names:
                icon = _data_url(icon_default_script(), "text/javascript")
                rewritten.insert(names.index("leaflet") + 1, (ICON_SCRIPT_NAME, icon))
        setattr(element, attr, rewritten)


def _walk(element: branca.element.Element) -> Iterator[branca.element.Element]:
    """Yield ``element`` and its descendants the way ``st_folium`` walks a map."""
    yield element
    for side in ("m1", "m2"):  # folium.plugins.DualMap keeps its maps as attributes
        child = getattr(element, side, None)
        if isinstance(child, folium.Map):
            yield from _walk(child)
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)


def make_offline(m: _E) -> _E:
    """Rewrite, in place, every asset link the map tree declares into a ``data:`` URL.

    ``streamlit_folium.st_folium`` does not use the rendered page: it walks the map and its
    children, collects each element's ``default_js``/``default_css`` and loads them itself.
    After this call all of them are ``data:`` URLs, so the dashboard's map needs no network
    (tiles aside). Call it after the last element is added; it is idempotent. Returns ``m``.

    Raises:
        OfflineAssetError: a declared asset is not available offline, or the tree holds a
            ``branca`` colormap: ``st_folium`` adds d3 from its CDN for those and the
            component fails to load offline. Draw such a legend as plain HTML instead.
    """
    for element in _walk(m):
        if isinstance(element, branca.colormap.ColorMap):
            raise OfflineAssetError(
                "https://d3js.org/d3.v4.min.js",
                "st_folium hard-codes d3 CDN links for every branca ColorMap in the map "
                f"({element.get_name()}); offline, its script loader fails and the map is not "
                "shown. Render the legend as plain HTML (e.g. a branca Element) instead.",
            )
        offline_asset_links(element)
    return m
