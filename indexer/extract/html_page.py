"""osce.org article pages (Drupal markup): h1 title, metadata block, time, article paragraphs.

Drupal themes vary: metadata comes as `<dl>`, as `field__label`/`field__item` divs, or as
`<strong>Place:</strong> Baku`. So labels are found by their text, not by one class name, and the
body is the article's `<p>` elements once the chrome (navigation, asides, footers, figure captions,
share and related-content blocks, the metadata itself) is removed. Scripts and styles are dropped
before anything is read: they are code, never text.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, SoupStrainer, Tag
from bs4.element import PreformattedString

from core.release import Release
from indexer.extract.dateline import parse_date, strip_dateline
from indexer.extract.labels import fields_of, normalise_type, sources_of

#: Never content anywhere on a page.
_CODE = ["script", "style", "noscript", "template", "iframe", "svg", "object", "embed", "button"]
#: Site chrome and non-body parts of an article.
_CHROME = ["nav", "aside", "footer", "figure", "figcaption", "form", "dialog", "menu"]
_CHROME_SET = frozenset(_CHROME)
_CHROME_CLASS = re.compile(
    r"(?:^|[-_\s])(?:share|sharing|social|related|breadcrumbs?|sidebar|menu|newsletter|cookies?|"
    r"contacts?|teaser|tags|pager|visually-hidden|sr-only|skip-link|caption|credits?)(?:$|[-_\s])",
    re.IGNORECASE,
)
_CHROME_ROLES = {"navigation", "complementary", "contentinfo", "banner", "search"}
_LABELS = {
    "date": "date",
    "publishing date": "date",
    "published": "date",
    "place": "place",
    "location": "place",
    "source": "source",
    "sources": "source",
    "where we are": "source",
    "fields of work": "fields_of_work",
    "field of work": "fields_of_work",
    "what we do": "fields_of_work",
    "topics": "fields_of_work",
    "type": "type",
    "content type": "type",
}
_LABEL_TAGS = ["dt", "th", "div", "span", "strong", "b", "label", "h2", "h3", "h4", "h5", "p"]
_LABEL_TEXT = re.compile(
    r"^\s*(?:" + "|".join(map(re.escape, _LABELS)) + r")\s*:?\s*$", re.IGNORECASE
)
#: A label as markup text (`>Where we are:<`): seen outside `<main>`, the page is read whole.
_LABEL_MARKUP = re.compile(
    r">\s*(?:" + "|".join(map(re.escape, _LABELS)) + r")\s*:?\s*<", re.IGNORECASE
)
#: Teasers of other releases ("Related stories") carry labels of their own: never this page's.
_RELATED_CLASS = re.compile(r"(?:^|[-_\s])(?:related|teaser|view-content)(?:$|[-_\s])", re.I)
#: `<div class="date">Date: 5 May 2020</div>`: label and value in one short text.
_INLINE_LABEL = re.compile(
    r"^\s*(" + "|".join(map(re.escape, _LABELS)) + r")\s*:\s*(\S.{0,100}?)\s*$", re.IGNORECASE
)
#: Where the body sits in Drupal themes, best first; else the whole article.
_BODY_CLASSES = (
    "field--name-body",
    "field-name-body",
    "article-body",
    "article__body",
    "node__content",
)
#: Parse only what the extractor reads: a page's menus are most of its markup.
_STRAINER = SoupStrainer(["article", "main", "h1", "link", "meta", "dl"])
#: Drupal field machine names (`field--name-field-place`) for fields printed without a label.
_DRUPAL_FIELDS = re.compile(
    r"^field--name-(?:field-(?P<place>place|location|city)"
    r"|field-(?P<source>source|related-structure|structure|organi[sz]ation|related-office)"
    r"|field-(?P<fields_of_work>topics?|fields?-of-work|themes?)"
    r"|field-(?P<date>date|publish(?:ed|ing)?-date|release-date))$"
)
_TYPE_CLASSES = re.compile(
    r"^(?:node-type|content-type|article-type|news-type|page-type|type-label|eyebrow|"
    r"field--name-field-(?:news-|content-|publication-)?type)$"
)
_NODE_TYPES = {
    "press-release": "Press release",
    "press_release": "Press release",
    "news": "News",
    "feature": "Feature",
    "statement": "Statement",
    "speech": "Speech",
}


def _tags(node: Tag, names: set[str] | frozenset[str] | None = None) -> list[Tag]:
    """Descendant elements (of the given names): a plain walk, cheaper than bs4's filters."""
    return [
        d for d in node.descendants if isinstance(d, Tag) and (names is None or d.name in names)
    ]


def _inside(node: Tag, names: set[str] | frozenset[str]) -> bool:
    return any(parent.name in names for parent in node.parents)


def _has_class(node: Tag, name: str) -> bool:
    return name in (node.get("class") or ())


def _text(node: Tag | NavigableString | None) -> str:
    """Visible text with whitespace collapsed; `<br>` counts as a space, inline tags join."""
    if node is None:
        return ""
    if isinstance(node, NavigableString):
        return " ".join(str(node).split())
    for br in _tags(node, {"br"}):
        br.replace_with(" ")
    return " ".join(node.get_text("").split())


def _label_of(node: Tag) -> str | None:
    """The field a label element names (`Place:`, `Fields of work`), when it is a bare label."""
    if len(node.get_text()) > 40:
        return None
    inner = {d.name for d in _tags(node)}
    if inner & {"p", "div", "ul", "ol", "dd", "li", "time"}:
        return None
    if node.name in ("p", "div") and inner & {"strong", "b", "span", "label"}:
        return None  # the inner element is the label; this is its holder
    return _LABELS.get(_text(node).rstrip(":").strip().casefold())


def _items(node: Tag) -> list[str]:
    """The values inside one value element: list items, Drupal field items, links, or its text."""
    inner = _tags(node)
    for kind in ("li", "field__item", "a"):
        if kind == "field__item":
            found = [_text(n) for n in inner if _has_class(n, kind)]
        else:
            found = [_text(n) for n in inner if n.name == kind]
        if len([f for f in found if f]) > 1 or (found and kind != "a"):
            return [f for f in found if f]
    text = _text(node)
    return [text] if text else []


def _values_after(label: Tag) -> tuple[list[str], Tag | None]:
    """Values that follow a label, and the element that holds label and values together."""
    if label.name == "dt":
        values: list[str] = []
        for sib in label.find_next_siblings(["dt", "dd"]):
            if sib.name == "dt":
                break
            values.extend(_items(sib))
        return values, label.find_parent("dl")
    if label.name == "th":
        cell = label.find_next_sibling("td")
        return (_items(cell) if cell else []), label.find_parent("tr")
    values = []
    for sib in label.next_siblings:
        if isinstance(sib, NavigableString):
            text = " ".join(str(sib).split()).lstrip(":").strip(" ,;")
            if text:
                values.append(text)
        elif isinstance(sib, Tag):
            if _label_of(sib) or any(_LABEL_TEXT.match(t) for t in sib.strings):
                break  # the next field's block
            values.extend(_items(sib))
    return values, label.parent


def _in_related(node: Tag) -> bool:
    return any(
        _RELATED_CLASS.search(" ".join(p.get("class") or ())) for p in node.parents if p.name
    )


def _metadata(soup: BeautifulSoup, root: Tag) -> tuple[dict[str, list[str]], list[Tag], Tag | None]:
    """Values per field, the containers to keep out of the body, and the metadata date's node."""
    meta: dict[str, list[str]] = {}
    holders: list[Tag] = []
    date_node = None
    for string in soup.find_all(string=_LABEL_TEXT):
        chain = [string.parent]
        while chain[-1].parent is not None and _text(chain[-1].parent) == _text(chain[-1]):
            chain.append(chain[-1].parent)  # `<dt><span>Date</span></dt>`: the label is the dt
        node = next((n for n in reversed(chain) if n.name in _LABEL_TAGS and _label_of(n)), None)
        if node is None:
            continue
        field = _label_of(node)
        if field in meta or _inside(node, {"nav", "footer"}) or _in_related(node):
            continue
        values, holder = _values_after(node)
        if holder is not None and holder is not root and holder.name not in ("body", "html"):
            holders.append(holder)
            if field == "date":
                date_node = next(iter(_tags(holder, {"time"})), None)
        seen: list[str] = []
        for value in values:
            if value not in seen:
                seen.append(value)
        if seen:
            meta[field] = seen
    for string in soup.find_all(string=_INLINE_LABEL):
        holder = string.parent
        if holder.name not in {"p", "div", "span", "li", "dd", "td", "small"}:
            continue
        if _text(holder) != _text(string) or _inside(holder, {"nav", "footer"}):
            continue
        if _in_related(holder):
            continue
        inline = _INLINE_LABEL.match(" ".join(string.split()))
        field = _LABELS[inline[1].casefold()]
        if field not in meta:
            meta[field] = [inline[2]]
            holders.append(holder)
    for node in _tags(root, {"div", "section", "span", "p", "ul"}):
        match = next(filter(None, map(_DRUPAL_FIELDS.match, node.get("class") or ())), None)
        if match is None or node in holders:
            continue
        field = next(name for name, value in match.groupdict().items() if value)
        holders.append(node)  # labelled or not, a metadata field is never body text
        if field == "date" and date_node is None:
            date_node = next(iter(_tags(node, {"time"})), None)
        if field in meta:
            continue
        labels = [n for n in _tags(node) if _has_class(n, "field__label")]
        for label in labels:
            label.extract()
        values = [v for v in _items(node) if v]
        if values:
            meta[field] = list(dict.fromkeys(values))
    return meta, holders, date_node


def _time_date(tag: Tag) -> str | None:
    """The date a `<time>` shows: its `datetime`, unless a UTC timestamp shifted the day."""
    attr = str(tag.get("datetime") or "")
    attr_date = parse_date(attr) if attr else None
    shown = parse_date(_text(tag))
    if attr_date and shown and attr_date != shown and ("T" in attr or ":" in attr):
        return shown  # `2021-04-30T22:30:00Z` shown as `1 May 2021`: the page's own day
    return attr_date or shown


def _root(soup: BeautifulSoup) -> Tag:
    """The article: an `<article>` holding an h1, else `<main>`, else a full article, else body.

    A listing page's teasers are `<article>`s too; they are never the root.
    """
    articles = [a for a in soup.find_all("article") if not _is_chrome(a)]
    for article in articles:
        if article.find("h1"):
            return article
    for candidate in (
        soup.find("main"),
        soup.find(attrs={"role": "main"}),
        articles[0] if articles else None,
        soup.body,
    ):
        if candidate is not None:
            return candidate
    return soup


def _title(soup: BeautifulSoup, root: Tag) -> str:
    """The `<h1>` in the article, else the first `<h1>` outside site chrome, else og:title."""
    for h1 in [*root.find_all("h1"), *soup.find_all("h1")]:
        if _inside(h1, {"nav", "footer", "aside"}):
            continue
        if _inside(h1, {"header"}) and not _inside(h1, {"article", "main"}):
            continue  # the site name in the page header
        if text := _text(h1):
            return text
    og = soup.find("meta", attrs={"property": "og:title"})
    return " ".join(str(og.get("content", "")).split()) if og else ""


def _type(soup: BeautifulSoup, root: Tag, meta: dict[str, list[str]]) -> str | None:
    if meta.get("type"):
        return meta["type"][0]
    for node in _tags(root):
        if not any(_TYPE_CLASSES.match(c) for c in node.get("class") or ()):
            continue
        text = _text(node)
        if text and len(text) <= 40:
            return text
    for node in [root, *(a for a in _tags(root, {"article"}) if not _is_chrome(a))]:
        for cls in node.get("class") or []:
            if cls.startswith("node--type-") and cls[len("node--type-") :] in _NODE_TYPES:
                return _NODE_TYPES[cls[len("node--type-") :]]
    return None


def _is_chrome(tag: Tag) -> bool:
    if tag.name in _CHROME_SET:
        return True
    if str(tag.get("role") or "") in _CHROME_ROLES:
        return True
    if tag.get("hidden") is not None or tag.get("aria-hidden") == "true":
        return True
    classes = " ".join(tag.get("class") or [])
    return bool(classes and _CHROME_CLASS.search(classes))


_OPEN = {tag: re.compile(rf"<{tag}[\s>]", re.IGNORECASE) for tag in ("main", "article")}


def _focus(text: str) -> str | None:
    """The page's head and its `<main>` (or `<article>` span) as text, without the menus.

    A site's menus and footers are most of a page's markup; cutting them out by text before
    parsing makes a page several times cheaper. Whatever the cut loses, the full parse finds.
    """
    lower = text.lower()
    for tag, opener in _OPEN.items():
        start = opener.search(text)
        end = lower.rfind(f"</{tag}>")
        if start and end > start.start():
            head_end = lower.find("</head>", 0, start.start())
            head = text[: head_end + 7] if head_end >= 0 else ""
            return head + text[start.start() : end + len(tag) + 3]
    return None


def _labels_outside(text: str, focused: str) -> bool:
    """Whether a metadata label sits outside the focused span (sidebar, block above main)."""
    return len(_LABEL_MARKUP.findall(text)) > len(_LABEL_MARKUP.findall(focused))


#: Elements that start a new paragraph; everything else is inline text within one.
_BLOCKS = frozenset(
    {"p", "div", "section", "blockquote", "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6",
     "table", "thead", "tbody", "tr", "td", "th", "dl", "dt", "dd", "pre", "article", "main",
     "header", "center", "details", "summary", "address", "hr"}
)  # fmt: skip


def _blocks(node: Tag, out: list[str]) -> None:
    """Paragraphs in reading order: `<p>`s, text in nested `<div>`s and `<blockquote>`s, and
    list items as `- item` lines (as the text dumps print them)."""
    run: list[str] = []

    def flush() -> None:
        text = " ".join("".join(run).split())
        if text:
            out.append(text)
        run.clear()

    for child in node.children:
        if isinstance(child, NavigableString):
            if not isinstance(child, PreformattedString):  # comments, CDATA, doctypes
                run.append(str(child))
        elif child.name not in _BLOCKS:
            run.append(child.get_text(""))
        elif child.name in ("ul", "ol"):
            flush()
            for item in child.find_all("li", recursive=False):
                inner: list[str] = []
                _blocks(item, inner)
                out.extend(t if t.startswith("- ") else f"- {t}" for t in inner)
        else:
            flush()
            _blocks(child, out)
    flush()


def parse_html(text: str, path: str) -> Release:
    """Extract a release from an article page; an invalid Release when it holds none.

    The page is first read in part (its head and main content, through a strainer); a page that
    read finds no release in is read again whole, so the shortcut never loses a release.
    """
    focused = _focus(text)
    if focused is not None and _labels_outside(text, focused):
        focused = None  # metadata in a sidebar or above <main>: the cut would lose it
    if focused is not None:
        release = _parse(BeautifulSoup(focused, "lxml", parse_only=_STRAINER), path)
        if release.valid:
            return release
    return _parse(BeautifulSoup(text, "lxml"), path)


def _parse(soup: BeautifulSoup, path: str) -> Release:
    for tag in soup.find_all(_CODE):
        tag.decompose()
    root = _root(soup)
    title = _title(soup, root)
    if not title:
        return Release.invalid(path, "HTML page without a title (no <h1>)", "html")
    meta, holders, date_node = _metadata(soup, root)
    time_date = _time_date(date_node) if date_node is not None else None
    times = [t for t in _tags(root, {"time"}) if not _inside(t, _CHROME_SET)]
    root_date = _time_date(times[0]) if times else None
    kind = _type(soup, root, meta)
    canonical = soup.find("link", rel="canonical") or soup.find(
        "meta", attrs={"property": "og:url"}
    )
    origin = (canonical.get("href") or canonical.get("content")) if canonical else None

    for holder in holders:
        if not holder.decomposed:
            holder.decompose()
    for tag in _tags(root):
        if not tag.decomposed and (_is_chrome(tag) or tag.name in ("h1", "header")):
            tag.decompose()  # an article's header holds its title, date and type: not body
    remaining = _tags(root)
    body_root = next(
        (n for c in _BODY_CLASSES for n in remaining if _has_class(n, c)),
        next((n for n in remaining if n.get("itemprop") == "articleBody"), root),
    )
    for br in _tags(body_root, {"br"}):
        br.replace_with(" ")
    paragraphs: list[str] = []
    _blocks(body_root, paragraphs)
    if not paragraphs:
        return Release.invalid(path, "HTML page without body paragraphs", "html")
    meta_date = next((d for d in map(parse_date, meta.get("date", [])) if d), None)
    known_date = time_date or meta_date or root_date
    place_dl, date_dl, paragraphs = strip_dateline(paragraphs, known_date)
    if not paragraphs:
        return Release.invalid(path, "HTML page whose only paragraph is a dateline", "html")
    sources, closed = sources_of(meta.get("source", []))
    return Release(
        path=path,
        type=normalise_type(kind),
        title=title,
        date=known_date or date_dl,
        place=next(iter(meta.get("place", [])), None) or place_dl,
        dateline_place=place_dl,
        source=sources[0] if sources else None,
        sources=sources,
        closed_sources=closed,
        fields_of_work=fields_of(meta.get("fields_of_work", [])),
        body=paragraphs,
        origin=str(origin) if origin else None,
        format="html",
    )
