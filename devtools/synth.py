"""Synthetic OSCE press releases shaped like the real archive, for tests and benchmarks.

`python -m devtools.synth --count N OUT [--seed S] [--format text|html|mixed|warc|zip]` writes N
releases as the crawl holds them: text dumps (navigation block, type, title, the older
`- Date:`/`- Place:`/`- Source:`/`- Fields of work:` labels or the current `Publishing date` /
`Where we are` / `What we do` ones, one or several sources, closed offices), HTML pages (the
current newsroom markup with its metadata sidebar, or the older `<dl>`), a WARC of HTML responses
or a zip of both. Releases draw every content type, field of work and dateline shape the
newsroom used (`VIENNA/WARSAW, 18 July 2022 – `, `TIRANA / BRUSSELS – 6 October 2020. `,
`BELGRADE, 25 April 2015- `, `OSH, Kyrgyzstan, 14 March 2006 – `, no year, none), lists in
bodies, and a vocabulary in which ceasefire, negotiations, election observation, trafficking,
border, media freedom, hate crime, Roma, water, cyber, youth and police all find releases.
Release i depends only on (seed, i), so the same command always writes the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from elasticsearch import Elasticsearch

from core.release import Release
from indexer.gazetteer import STATES

FIELDS_OF_WORK = [
    "Arms control",
    "Border management",
    "Combating trafficking in human beings",
    "Conflict prevention and resolution",
    "Countering terrorism",
    "Cyber/ICT Security",
    "Democratization",
    "Economic activities",
    "Education",
    "Elections",
    "Environmental activities",
    "Gender equality",
    "Good governance",
    "Human rights",
    "Media freedom and development",
    "Migration",
    "National minority issues",
    "Policing",
    "Reform and co-operation in the security sector",
    "Roma and Sinti",
    "Rule of law",
    "Tolerance and non-discrimination",
    "Youth",
]

SOURCES = [
    "OSCE Chairpersonship",
    "Secretary General",
    "Office for Democratic Institutions and Human Rights",
    "High Commissioner on National Minorities",
    "Representative on Freedom of the Media",
    "Parliamentary Assembly",
    "Minsk Group",
    "Conflict Prevention Centre",
    "Transnational Threats Department",
    "Forum for Security Co-operation",
    "Permanent Council",
    "Gender Issues Programme",
]

#: Field operations and the States they work in: the source and place of many releases.
MISSIONS = {
    "Presence in Albania": "Albania",
    "Centre in Ashgabat": "Turkmenistan",
    "Programme Office in Astana": "Kazakhstan",
    "Programme Office in Bishkek": "Kyrgyzstan",
    "Mission to Bosnia and Herzegovina": "Bosnia and Herzegovina",
    "Programme Office in Dushanbe": "Tajikistan",
    "Mission to Moldova": "Moldova",
    "Mission to Montenegro": "Montenegro",
    "Mission to Serbia": "Serbia",
    "Mission to Skopje": "North Macedonia",
    "Project Co-ordinator in Uzbekistan": "Uzbekistan",
    "Special Monitoring Mission to Ukraine": "Ukraine",
}

#: Content types as the newsroom labels them (weights: mostly press releases and news).
TYPES = (
    ["Press release"] * 10
    + ["News"] * 5
    + ["Statement"] * 2
    + ["Feature", "Spot report", "Daily report", "Op-ed", "Interview", "News and announcement"]
)
#: How a crawl sometimes spells a type; the extractor folds them back.
TYPE_SPELLINGS = {"Press release": ["PRESS RELEASE", "press releases", "Press Release"],
                  "News": ["NEWS", "news"], "Statement": ["STATEMENTS", "statement"]}  # fmt: skip

#: Offices that have closed, and the State each worked in: printed `... (closed)`.
CLOSED = {
    "OSCE Office in Yerevan": "Armenia",
    "OSCE Project Co-ordinator in Baku": "Azerbaijan",
    "OSCE Mission to Georgia": "Georgia",
    "OSCE Project Co-ordinator in Ukraine": "Ukraine",
    "OSCE Special Monitoring Mission to Ukraine": "Ukraine",
    "OSCE Office in Minsk": "Belarus",
}
#: Towns in datelines besides capitals, with their State.
TOWNS = {"OSH": "Kyrgyzstan", "MOSTAR": "Bosnia and Herzegovina", "BATUMI": "Georgia",
         "KHUJAND": "Tajikistan", "SHKODRA": "Albania", "MARIUPOL": "Ukraine"}  # fmt: skip

#: Sentences per field of work, so every topic has words of its own to be found by.
TOPIC_SENTENCES = {
    "Conflict prevention and resolution": [
        "Monitors recorded fewer violations of the ceasefire than in the previous week.",
        "The sides agreed to resume negotiations on the return of displaced persons.",
        "Mediators urged both delegations to keep the negotiations going despite setbacks.",
    ],
    "Elections": [
        "The election observation mission deployed long-term observers to every region.",
        "Observers noted that the counting of ballots was transparent in most polling stations.",
    ],
    "Combating trafficking in human beings": [
        "Trafficking in human beings often starts with a false offer of work abroad.",
        "Social workers learned how to identify victims of trafficking among migrants.",
    ],
    "Border management": [
        "Border guards practised joint patrols along the green border between the two States.",
        "New equipment will speed up checks at the border crossing points.",
    ],
    "Media freedom and development": [
        "Media freedom depends on journalists being able to report without fear of reprisals.",
        "Editors discussed how to protect sources and counter online harassment.",
    ],
    "Tolerance and non-discrimination": [
        "Police and prosecutors studied how to record the bias motive of a hate crime.",
        "Every hate crime that goes unreported leaves a community less safe.",
    ],
    "Roma and Sinti": [
        "Roma mediators help families enrol their children in pre-school education.",
        "The action plan aims to improve housing and employment for Roma and Sinti.",
    ],
    "Environmental activities": [
        "Farmers and officials discussed the fair sharing of water from the river.",
        "Clean drinking water remains scarce in villages along the canal.",
    ],
    "Cyber/ICT Security": [
        "Experts exchanged views on cyber incidents that target hospitals and power grids.",
        "The confidence-building measures on cyber security call for national points of contact.",
    ],
    "Youth": [
        "Young people drafted recommendations on how youth can take part in local decisions.",
        "The youth forum brought together students from both sides of the river.",
    ],
    "Policing": [
        "Community police officers met residents to discuss safety in their neighbourhood.",
        "The police academy introduced a new course on human rights in policing.",
    ],
    "Gender equality": [
        "Women remain under-represented in the leadership of the security sector.",
    ],
    "Countering terrorism": [
        "Participants looked at ways to prevent the radicalization of young people online.",
    ],
    "Arms control": [
        "Stockpiles of surplus ammunition were destroyed under the supervision of experts.",
    ],
}
#: List items for bodies that hold a list (`- item` lines in the dump, `<li>` in a page).
LIST_ITEMS = [
    "improve the exchange of information between agencies;",
    "publish yearly statistics on cases and convictions;",
    "train new staff in the first year of service;",
    "consult civil society before laws are adopted;",
    "set up a working group that meets every quarter;",
    "make the handbook available in minority languages.",
]

PEOPLE = [
    "Ambassador Andrzej Kasprzyk",
    "Secretary General Feridun Sinirlioğlu",
    "Secretary General Helga Maria Schmid",
    "Secretary General Thomas Greminger",
    "Secretary General Lamberto Zannier",
    "ODIHR Director Matteo Mecacci",
    "High Commissioner Kairat Abdrakhmanov",
    "Representative Teresa Ribeiro",
    "Ambassador Christian Strohal",
    "Special Representative Valiant Richey",
    "Head of Mission Brian Aggeler",
    "Ambassador Kilian Wahl",
]

TOPICS = [
    ("the ceasefire", "Conflict prevention and resolution"),
    ("negotiations on a political settlement", "Conflict prevention and resolution"),
    ("water management", "Environmental activities"),
    ("election observation", "Elections"),
    ("media freedom", "Media freedom and development"),
    ("safety of journalists", "Media freedom and development"),
    ("combating trafficking in human beings", "Combating trafficking in human beings"),
    ("border security and management", "Border management"),
    ("police reform", "Policing"),
    ("countering violent extremism", "Countering terrorism"),
    ("cyber security confidence-building measures", "Cyber/ICT Security"),
    ("small arms and light weapons", "Arms control"),
    ("rights of national minorities", "National minority issues"),
    ("gender equality in the security sector", "Gender equality"),
    ("youth participation", "Youth"),
    ("anti-corruption and good governance", "Good governance"),
    ("environmental security", "Environmental activities"),
    ("judicial reform", "Rule of law"),
    ("integration of Roma and Sinti", "Roma and Sinti"),
    ("hate crime reporting", "Tolerance and non-discrimination"),
    ("labour migration", "Migration"),
    ("the peaceful settlement of the conflict", "Conflict prevention and resolution"),
]

TITLE_TEMPLATES = [
    "OSCE {event} on {topic} held in {city}",
    "{who} visits {state}, discusses {topic}",
    "OSCE supports {topic} in {state}",
    "{source} concludes visit to {state}",
    "Statement by the {source} on {topic}",
    "OSCE trains {n} {audience} on {topic} in {city}",
    "{state} and OSCE sign memorandum on {topic}",
    "OSCE {event} in {city} focuses on {topic}",
]
EVENTS = ["conference", "workshop", "round table", "seminar", "training course", "expert meeting"]
AUDIENCES = ["police officers", "judges", "journalists", "border guards", "civil servants",
             "young leaders", "prosecutors", "election officials"]  # fmt: skip

SENTENCES = [
    "The {event} brought together {n} representatives of state institutions, civil society "
    "and international organizations from {state} and {state2}.",
    "{who} stressed that {topic} remains a priority for all participating States.",
    "Participants discussed good practices and the implementation of OSCE commitments on {topic}.",
    "The event was organized with the support of the {source} and the authorities of {state}.",
    "“We stand ready to continue our support to {state} in the area of {topic},” said {who}.",
    "During the visit, meetings were held in {city} with the Foreign Minister and "
    "representatives of the Parliament.",
    "The OSCE has supported {topic} in {state} since {since}.",
    "Experts from {state2} shared their experience of reforms undertaken since {since}.",
    "The discussions also covered the situation of women and youth and the role of local "
    "communities.",
    "The {source} will present its findings to the Permanent Council in Vienna.",
    "A follow-up meeting is planned in {city2} later this year.",
    "{who} welcomed the constructive dialogue and called on all sides to refrain from steps "
    "that could increase tensions.",
    "The project is funded by {state2} and implemented in co-operation with the Ministry of "
    "Interior of {state}.",
    "The training combined lectures, practical exercises and study visits.",
]

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]  # fmt: skip
FIRST_DAY, LAST_DAY = date(1995, 1, 1), date(2026, 11, 1)


@dataclass
class Synthetic:
    """A generated release and the values a correct extractor must find in it."""

    name: str
    text: str
    type: str
    title: str
    date: str | None
    place: str | None
    source: str | None
    fields_of_work: list[str] = field(default_factory=list)
    paragraphs: int = 0  # body lines (paragraphs and list items)
    sources: list[str] = field(default_factory=list)
    closed_sources: list[str] = field(default_factory=list)
    dateline: str = ""  # as written before the first paragraph ("" when none)
    body: list[str] = field(default_factory=list)  # without the dateline
    written_type: str = ""  # the type as the page spells it
    labels: str = "old"  # "old" or "new" metadata labels
    place_field: str | None = None  # the Place field's value when it differs from the dateline

    @property
    def marked_sources(self) -> list[str]:
        return [f"{s} (closed)" if s in self.closed_sources else s for s in self.sources]

    @property
    def slug(self) -> str:
        return self.name.rsplit(".", 1)[0]

    @property
    def url(self) -> str:
        return f"https://www.osce.org/synthetic/{self.slug}"


def _capital(rng: random.Random, state: str) -> str:
    capitals = STATES[state][1]
    return capitals[0] if capitals else state


def _navigation(rng: random.Random, year: int) -> list[str]:
    """The site menu the crawler captured above every release (a few variants)."""
    lines = ["-", "Our work", "-", "Fields of work"]
    lines += [f"- {f}" for f in FIELDS_OF_WORK] + ["- Field operations", "- Projects"]
    if rng.random() < 0.7:
        lines += ["-", "Countries", "- All", "-", "Participating States"]
        lines += [f"- {s}" for s in STATES] + ["- Asian Partners for Co-operation"]
    lines += ["-", "Structures and institutions", "- Chairpersonship", "-", "Field operations"]
    lines += [f"- {m}" for m in MISSIONS] + ["- Closed field activities"]
    lines += ["- Parliamentary Assembly", "- Organizational structure", "- About us"]
    return lines


def _date_value(rng: random.Random, day: date) -> str:
    """`- Date:` values in the formats osce.org has used."""
    style = rng.randrange(3)
    if style == 0:
        return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
    if style == 1:
        return day.isoformat()
    return f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}"


def _sources(rng: random.Random, states: list[str]) -> tuple[list[str], list[str], str]:
    """(sources, closed ones, the State the first works in)."""
    roll = rng.random()
    if roll < 0.08:
        office, state = rng.choice(list(CLOSED.items()))
        sources, closed = [office], [office]
    elif roll < 0.4:
        mission, state = rng.choice(list(MISSIONS.items()))
        sources, closed = [f"OSCE {mission}"], []
    else:
        sources, closed, state = [rng.choice(SOURCES)], [], rng.choice(states)
    extra = rng.random()
    if extra < 0.25:  # shared releases: one or two more offices
        for other in rng.sample(SOURCES, 2 if extra < 0.04 else 1):
            if other not in sources:
                sources.append(other)
    return sources, closed, state


def _dateline(
    rng: random.Random, day: date, city: str, city2: str, state: str
) -> tuple[str, str | None, bool]:
    """(dateline, place as written, whether the date needs the metadata's year)."""
    month = MONTH_NAMES[day.month - 1]
    when = f"{day.day} {month} {day.year}"
    dash = rng.choice(["–", "–", "—", "-"])
    shape = rng.random()
    if shape < 0.5:
        place = city.upper() if rng.random() < 0.8 else city
        return f"{place}, {when} {dash} ", place, False
    if shape < 0.6:
        place = f"{city.upper()}/{city2.upper()}"
        return f"{place}, {when} – ", place, False
    if shape < 0.66:
        place = f"{city.upper()} / {city2.upper()}"
        return f"{place} – {when}. ", place, False
    if shape < 0.74:
        place = city.upper()
        return f"{place}, {when}- ", place, False
    if shape < 0.8:
        town = rng.choice(list(TOWNS))
        place = f"{town}, {TOWNS[town]}"
        return f"{place}, {when} – ", place, False
    if shape < 0.86:
        place = f"{city.upper()}/{city2.upper()}"
        return f"{place}, {day.day} {month} – ", place, True
    return "", None, False


def make_release(seed: int, i: int) -> Synthetic:
    """Release number i of corpus `seed`: deterministic, independent of the other releases."""
    rng = random.Random(f"osce-synth:{seed}:{i}")
    states = list(STATES)
    day = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days))
    sources, closed, state = _sources(rng, states)
    state2 = rng.choice([s for s in states if s != state])
    city, city2 = _capital(rng, state), _capital(rng, state2)
    topic, topic_field = rng.choice(TOPICS)
    fields = sorted({topic_field, *rng.sample(FIELDS_OF_WORK, rng.choice((0, 0, 1, 2)))})
    if rng.random() < 0.04:
        fields = []  # some releases carry no field of work
    values = {
        "state": state,
        "state2": state2,
        "city": city,
        "city2": city2,
        "topic": topic,
        "source": sources[0].removeprefix("OSCE "),
        "who": rng.choice(PEOPLE),
        "event": rng.choice(EVENTS),
        "audience": rng.choice(AUDIENCES),
        "n": rng.randrange(8, 120),
        "since": rng.randrange(1995, max(1996, day.year + 1)),
    }
    title = rng.choice(TITLE_TEMPLATES).format(**values)
    title = title[0].upper() + title[1:]
    kind = rng.choice(TYPES)
    written = (
        rng.choice(TYPE_SPELLINGS[kind]) if kind in TYPE_SPELLINGS and rng.random() < 0.15 else kind
    )
    # Lengths: mostly 3-8 paragraphs, some one-liners, some long statements.
    n_par = rng.choice([1, 2] + [3, 4, 5, 6, 7, 8] * 3 + [12, 18, 25])
    own = TOPIC_SENTENCES.get(topic_field, [])
    paragraphs = []
    for k in range(n_par):
        sentences = rng.sample(SENTENCES, rng.randrange(1, 5))
        values["n"] = rng.randrange(8, 120)
        text = " ".join(s.format(**values) for s in sentences)
        if own and k < 2:
            text = f"{rng.choice(own)} {text}"
        paragraphs.append(text)
    if n_par >= 2 and rng.random() < 0.25:  # a list after the first paragraph
        items = [f"- {item}" for item in rng.sample(LIST_ITEMS, rng.randint(2, 4))]
        paragraphs[1:1] = ["The participants agreed to:", *items]
    dateline, dl_place, needs_year = _dateline(rng, day, city, city2, state)
    if not dateline:
        paragraphs[0] = f"On {day.day} {MONTH_NAMES[day.month - 1]} {day.year}, " + (
            paragraphs[0][0].lower() + paragraphs[0][1:]
        )
    labels = "new" if rng.random() < 0.35 else "old"
    has_date = needs_year or rng.random() < (0.9 if labels == "new" or not dateline else 0.4)
    if labels == "new":
        place = dl_place  # the current newsroom has no Place field
    elif dl_place and rng.random() < 0.5:
        place = dl_place  # the Place field left out: the dateline's place
    else:
        place = dl_place or (city.upper() if rng.random() < 0.7 else None)
    made = Synthetic(
        name="",
        text="",
        type=kind,
        title=title,
        date=day.isoformat() if (has_date or (dateline and not needs_year)) else None,
        place=place,
        source=sources[0],
        fields_of_work=fields,
        paragraphs=len(paragraphs),
        sources=sources,
        closed_sources=closed,
        dateline=dateline,
        body=paragraphs,
        written_type=written,
        labels=labels,
        place_field=place if place != dl_place else None,
    )
    text = render_text(made, rng, day, has_date)
    made.text = text
    made.name = f"{i:06d}_{hashlib.sha256(text.encode()).hexdigest()[:16]}.txt"
    return made


def render_text(made: Synthetic, rng: random.Random, day: date, has_date: bool) -> str:
    """The crawler's text dump of a release (labels, sources and lists in the drawn style)."""
    lines = _navigation(rng, day.year) if rng.random() < 0.9 else []
    new = made.labels == "new"
    lines += [made.written_type, made.title]
    date_label = "- Publishing date:" if new else "- Date:"
    lines.append(f"{date_label} {_date_value(rng, day)}" if has_date else date_label)
    if not new:
        lines += ["- Place:", f"- {made.place_field}"] if made.place_field else ["- Place:"]
    names = made.marked_sources
    label = "- Where we are:" if new else "- Source:"
    style = rng.random() if len(names) > 1 else 0.0
    if style < 0.5:
        lines += [label] + [f"- {n}" for n in names]
    elif style < 0.8:
        lines += [label, "- " + ", ".join(names)]
    else:
        lines.append(f"{label} " + ", ".join(names))
    if made.fields_of_work or not new:
        lines.append("- What we do:" if new else "- Fields of work:")
        lines += [f"- {f}" for f in made.fields_of_work]
    lines.append(made.dateline + made.body[0])
    lines += made.body[1:]
    return "\n".join(lines)


def _esc(text: str) -> str:
    import html

    return html.escape(text, quote=False)


def render_html(made: Synthetic, seed: int = 0) -> str:
    """The release as an osce.org page: the current newsroom markup (metadata in a sidebar
    after `<main>`) or the older one (a `<dl>` in the article)."""
    rng = random.Random(f"osce-synth-html:{seed}:{made.name}")
    body: list[str] = []
    items: list[str] = []
    for k, line in enumerate(made.body):
        if line.startswith("- "):
            items.append(f"<li>{_esc(line[2:])}</li>")
            continue
        if items:
            body.append("<ul>" + "".join(items) + "</ul>")
            items = []
        text = _esc(line)
        if k == 0 and made.dateline:
            text = f"<strong>{_esc(made.dateline.rstrip())}</strong> {text}"
        body.append(f"<p>{text}</p>")
        if k == 0:
            body.append('<figure><img src="/p.jpg" alt=""><figcaption>At the event.</figcaption>'
                        "</figure>")  # fmt: skip
    if items:
        body.append("<ul>" + "".join(items) + "</ul>")
    date_text = (
        f"{int(made.date[8:])} {MONTH_NAMES[int(made.date[5:7]) - 1]} {made.date[:4]}"
        if made.date
        else ""
    )
    head = (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{_esc(made.title)} | OSCE</title>"
        f'<link rel="canonical" href="{made.url}"></head><body>\n'
        '<header class="site-header"><a href="/">OSCE</a></header>\n'
        '<nav class="main-menu"><ul><li><a href="/what-we-do">What we do</a></li>'
        '<li><a href="/where-we-are">Where we are</a></li></ul></nav>\n'
    )
    if rng.random() < 0.6:
        meta = []
        if made.date:
            meta.append(("Publishing date", f"<span>{date_text}</span>"))
        meta.append(("Content type", f'<a href="/t">{_esc(made.written_type)}</a>'))
        if made.sources:
            links = ", ".join(f'<a href="/s">{_esc(n)}</a>' for n in made.marked_sources)
            meta.append(("Where we are", links))
        if made.fields_of_work:
            links = ", ".join(f'<a href="/f">{_esc(f)}</a>' for f in made.fields_of_work)
            meta.append(("What we do", links))
        rows = "\n".join(
            f'<div class="meta-item"><span class="meta-label">{k}:</span> {v}</div>'
            for k, v in meta
        )
        place = ""
        if made.place_field:
            label = '<span class="meta-label">Place:</span>'
            place = f'<div class="meta-item">{label} {_esc(made.place_field)}</div>\n'
        return (
            head + f'<main id="main-content"><article class="node node--view-mode-full">'
            f"<h1>{_esc(made.title)}</h1>\n"
            f'<div class="field--name-body">\n' + "\n".join(body) + "\n</div>\n"
            '<aside class="related-content"><h2>Related</h2><p>Another story.</p></aside>\n'
            f'</article></main>\n<aside class="layout-sidebar"><div class="node-metadata">\n'
            f"{place}{rows}\n</div></aside>\n<footer><p>OSCE Secretariat</p></footer>"
            "</body></html>\n"
        )
    dds = "".join(f"<dd>{_esc(n)}</dd>" for n in made.marked_sources)
    fields = "".join(f"<dd>{_esc(f)}</dd>" for f in made.fields_of_work)
    place = made.place_field or ""
    return (
        head + f'<main><article class="node node--type-press-release"><div class="node-type">'
        f"{_esc(made.written_type)}</div><h1>{_esc(made.title)}</h1>\n<dl>"
        f"<dt>Date:</dt><dd>{date_text}</dd><dt>Place:</dt><dd>{_esc(place)}</dd>"
        f"<dt>Source:</dt>{dds}<dt>Fields of work:</dt>{fields}</dl>\n"
        '<div class="field--name-body">\n' + "\n".join(body) + "\n</div></article></main>\n"
        "<footer><p>OSCE Secretariat</p></footer></body></html>\n"
    )


def write_corpus(
    out: Path, count: int, seed: int = 0, per_dir: int = 1000, fmt: str = "text"
) -> list[Path]:
    """Write count releases under out, at most per_dir files per sub-directory.

    fmt "text" (dumps), "html" (pages), "mixed" (each release as a dump or a page), "warc"
    (one `corpus.warc.gz` of HTML responses) or "zip" (one `corpus.zip` of dumps and pages).
    """
    if fmt == "warc":
        return [
            write_warc(out / "corpus.warc.gz", (make_release(seed, i) for i in range(count)), seed)
        ]
    if fmt == "zip":
        return [write_zip(out / "corpus.zip", (make_release(seed, i) for i in range(count)), seed)]
    written = []
    for i in range(count):
        release = make_release(seed, i)
        folder = out / f"{i // per_dir:04d}"
        if i % per_dir == 0:
            folder.mkdir(parents=True, exist_ok=True)
        as_html = fmt == "html" or (fmt == "mixed" and i % 2 == 1)
        if as_html:
            path = folder / f"{release.slug}.html"
            path.write_text(render_html(release, seed), encoding="utf-8")
        else:
            path = folder / release.name
            path.write_text(release.text, encoding="utf-8")
        written.append(path)
    return written


def write_warc(path: Path, releases: Iterable[Synthetic], seed: int = 0) -> Path:
    """A gzipped WARC of HTML responses (with the crawler's request records), one per release."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=str(path).endswith(".gz"))
        for k, made in enumerate(releases):
            page = render_html(made, seed).encode()
            when = f"2024-{1 + k % 12:02d}-{1 + k % 28:02d}T10:00:00Z"
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                made.url,
                "response",
                payload=BytesIO(page),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": when},
            )
            writer.write_record(record)
    return path


def write_zip(path: Path, releases: Iterable[Synthetic], seed: int = 0) -> Path:
    """A zip of the crawl: text dumps and HTML pages, alternately."""
    import zipfile

    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for k, made in enumerate(releases):
            if k % 2:
                archive.writestr(f"pages/{made.slug}.html", render_html(made, seed))
            else:
                archive.writestr(f"dumps/{made.name}", made.text)
    return path


def release_record(made: Synthetic) -> Release:
    """The Release a correct extractor finds in `made`, body cut to one short paragraph."""
    return Release(
        path=f"synth/{made.name}",
        type=made.type,
        title=made.title,
        date=made.date,
        place=made.place,
        source=made.source,
        fields_of_work=made.fields_of_work,
        body=[made.text.rsplit("\n", 1)[-1][:300]],
    )


def documents(n: int, seed: int = 0) -> Iterator[dict]:
    """Bulk actions for releases 0..n-1 of corpus `seed`: generated records, no files, no parsing.

    Bodies are cut to one short paragraph: analysing full bodies (shingles, offsets) is what
    makes indexing slow, and export tests and benchmarks need rows, not prose.
    """
    from core import schema

    for i in range(n):
        doc = schema.to_document(release_record(make_release(seed, i)))
        yield {"_id": doc["content_hash"][:20], "_source": doc}


def load_index(es: Elasticsearch, alias: str, n: int, seed: int = 0) -> int:
    """`n` releases behind `alias`, the fastest honest way: one loading index (no refresh, no
    replicas), bulk, refresh, swap. Returns the alias's document count."""
    from elasticsearch import helpers

    from indexer import aliases

    name = aliases.new_index_name(alias)
    aliases.create_index(es, name, loading=True)
    for ok, item in helpers.streaming_bulk(
        es, documents(n, seed), index=name, chunk_size=2500, raise_on_error=False
    ):
        if not ok:
            raise RuntimeError(f"bulk rejected a synthetic release: {item}")
    es.indices.put_settings(index=name, settings={"refresh_interval": None})
    es.indices.refresh(index=name)
    aliases.swap(es, alias, name)
    return es.count(index=alias)["count"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.synth", description=__doc__)
    parser.add_argument("out", type=Path, help="directory to write into (created)")
    parser.add_argument("--count", type=int, default=1000, help="number of releases")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (same seed, same files)")
    parser.add_argument(
        "--format",
        choices=["text", "html", "mixed", "warc", "zip"],
        default="text",
        help="text dumps, HTML pages, both, one WARC or one zip (default: text)",
    )
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("--count must be >= 0")
    started = time.monotonic()
    write_corpus(args.out, args.count, args.seed, fmt=args.format)
    print(
        f"wrote {args.count} releases to {args.out} in {time.monotonic() - started:.1f}s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
