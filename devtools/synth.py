"""Synthetic OSCE press releases in the crawl's text-dump format, for scale tests and benchmarks.

`python -m devtools.synth --count N OUT [--seed S]` writes N files shaped like the seeds (navigation
block, type, title, `- Date:`/`- Place:`/`- Source:`/`- Fields of work:` lists, dateline, body).
Release i depends only on (seed, i), so the same command always writes the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

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

TYPES = ["Press release"] * 8 + ["News and announcement", "Statement"]

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
    date: str
    place: str
    source: str
    fields_of_work: list[str] = field(default_factory=list)
    paragraphs: int = 0


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


def make_release(seed: int, i: int) -> Synthetic:
    """Release number i of corpus `seed`: deterministic, independent of the other releases."""
    rng = random.Random(f"osce-synth:{seed}:{i}")
    states = list(STATES)
    day = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days))
    if rng.random() < 0.35:
        source, state = rng.choice(list(MISSIONS.items()))
    else:
        source, state = rng.choice(SOURCES), rng.choice(states)
    state2 = rng.choice([s for s in states if s != state])
    city, city2 = _capital(rng, state), _capital(rng, state2)
    topic, topic_field = rng.choice(TOPICS)
    fields = sorted({topic_field, *rng.sample(FIELDS_OF_WORK, rng.choice((0, 0, 1, 2)))})
    values = {
        "state": state,
        "state2": state2,
        "city": city,
        "city2": city2,
        "topic": topic,
        "source": source,
        "who": rng.choice(PEOPLE),
        "event": rng.choice(EVENTS),
        "audience": rng.choice(AUDIENCES),
        "n": rng.randrange(8, 120),
        "since": rng.randrange(1995, max(1996, day.year + 1)),
    }
    title = rng.choice(TITLE_TEMPLATES).format(**values)
    title = title[0].upper() + title[1:]
    kind = rng.choice(TYPES)
    # Lengths: mostly 3-8 paragraphs, some one-liners, some long statements.
    n_par = rng.choice([1, 2] + [3, 4, 5, 6, 7, 8] * 3 + [12, 18, 25])
    paragraphs = []
    for _ in range(n_par):
        sentences = rng.sample(SENTENCES, rng.randrange(1, 5))
        values["n"] = rng.randrange(8, 120)
        paragraphs.append(" ".join(s.format(**values) for s in sentences))
    place = city.upper() if rng.random() < 0.8 else city
    dash = rng.choice(["–", "–", "—", "-"])
    dateline = f"{place}, {day.day} {MONTH_NAMES[day.month - 1]} {day.year} {dash} "
    date_line = f"- Date: {_date_value(rng, day)}" if rng.random() < 0.4 else "- Date:"
    lines = _navigation(rng, day.year) if rng.random() < 0.9 else []
    lines += [kind, title, date_line, "- Place:", f"- {place}", "- Source:", f"- {source}"]
    lines += ["- Fields of work:"] + [f"- {f}" for f in fields]
    lines.append(dateline + paragraphs[0])
    lines += paragraphs[1:]
    text = "\n".join(lines)
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    return Synthetic(
        name=f"{i:06d}_{digest}.txt",
        text=text,
        type=kind,
        title=title,
        date=day.isoformat(),
        place=place,
        source=source,
        fields_of_work=fields,
        paragraphs=n_par,
    )


def write_corpus(out: Path, count: int, seed: int = 0, per_dir: int = 1000) -> list[Path]:
    """Write count releases under out, at most per_dir files per sub-directory."""
    written = []
    for i in range(count):
        release = make_release(seed, i)
        folder = out / f"{i // per_dir:04d}"
        if i % per_dir == 0:
            folder.mkdir(parents=True, exist_ok=True)
        path = folder / release.name
        path.write_text(release.text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.synth", description=__doc__)
    parser.add_argument("out", type=Path, help="directory to write into (created)")
    parser.add_argument("--count", type=int, default=1000, help="number of releases")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (same seed, same files)")
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("--count must be >= 0")
    started = time.monotonic()
    write_corpus(args.out, args.count, args.seed)
    print(
        f"wrote {args.count} releases to {args.out} in {time.monotonic() - started:.1f}s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
