"""Differential: osce_native's text-dump parser (TextDump, Dateline, Labels) answers exactly as
indexer.extract.text_dump.parse_text (and dateline.py, labels.py) for every supported input.

Inputs: the fixtures, the seeds, the texts the extractor tests parse, 2,000 synthetic
releases, generated dumps that walk every branch (labels old and new, list values, bodies
opening with a list, footer menus, datelines of every shape, no labels, invalid files) and
mutations of the synthetic releases; and, per function, generated dates, datelines, source
lists and types.
"""

from __future__ import annotations

import ast
import os
import random
from pathlib import Path

import pytest

from devtools.synth import write_corpus
from indexer.extract import dateline, labels, text_dump
from indexer.extract.encoding import decode
from tests.reliability import corpus

if os.environ.get("OSCE_NATIVE") == "off":
    osce_native = pytest.importorskip("indexer.osce_native")
else:
    from indexer import osce_native

ROOT = Path(__file__).resolve().parent.parent
FIELDS = (
    "type",
    "title",
    "date",
    "place",
    "dateline_place",
    "source",
    "sources",
    "closed_sources",
    "fields_of_work",
    "body",
)


@pytest.fixture(scope="module")
def native() -> osce_native.TextDump:
    return osce_native.TextDump(text_dump.native_tables())


def python_fields(text: str) -> dict:
    release = text_dump.parse_text(text, "x.txt")
    if not release.valid:
        return {"error": release.error}
    return {key: getattr(release, key) for key in FIELDS}


def check_all(native: osce_native.TextDump, texts: list[str], min_share: float = 0.9) -> int:
    """Assert Rust == Python on every supported text; return how many were compared."""
    compared = 0
    for text in texts:
        if not osce_native.supported(text):
            continue
        compared += 1
        want, got = python_fields(text), native.parse_text(text)
        assert got == want, f"differs on {text!r:.2000}"
    assert compared >= min_share * len(texts), f"only {compared} of {len(texts)} supported"
    return compared


# --- the repository's texts ------------------------------------------------------------------


def extractor_literals() -> list[str]:
    """The string literals of the extractor tests (dumps, datelines, dates)."""
    out = []
    for module in sorted((ROOT / "tests").glob("test_extract*.py")):
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                out.append(node.value)
    return out


def repo_texts() -> list[str]:
    files = sorted((ROOT / "tests" / "fixtures").rglob("*.txt")) + sorted(
        (ROOT / "seeds").glob("*.txt")
    )
    texts = [decode(path.read_bytes()) for path in files]
    # The dumps the extractor tests parse (their multi-line literals) and the reliability
    # suite's corpus.
    texts += [t for t in extractor_literals() if "\n" in t and len(t) > 20]
    texts += [corpus.as_text_dump(corpus.release(i)) for i in range(300)]
    return texts


def test_repository_texts(native: osce_native.TextDump) -> None:
    texts = repo_texts()
    assert len(texts) >= 340
    # A few fixtures are deliberately outside the supported set (encodings, odd scripts).
    check_all(native, texts, min_share=0.75)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    out = tmp_path_factory.mktemp("synth")
    return [decode(path.read_bytes()) for path in write_corpus(out, 2000, seed=18)]


def test_synthetic_releases(native: osce_native.TextDump, synthetic: list[str]) -> None:
    assert check_all(native, synthetic, min_share=0.99) >= 1980


# --- generated dumps -------------------------------------------------------------------------

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]
MONTHS += ["September", "October", "November", "December"]
SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov"]
SHORT += ["Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEKDAYS += ["Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "Wedn"]
DASHES = ["–", "—", "-", "--", "‒", "―", " - ", "–", "−", "---"]
PLACES = ["VIENNA", "BAKU", "Vienna", "WASHINGTON, D.C.", "VIENNA/WARSAW", "TIRANA / BRUSSELS"]
PLACES += ["KHARKOV/STANYTSIA LUHANSKA, Ukraine", "ZÜRICH", "КИЕВ", "Chişinău", "ŠKOFJA LOKA"]
PLACES += ["Osh, Kyrgyzstan", "vienna", "THE HAGUE", "ST. PETERSBURG", "O'HARE", "Skopje 2"]
PLACES += ["A" * 70, "BISHKEK, Monday", "ASTANA, Tuesday,", "Sunday", "PRISTINA, Kosovo"]
PLACES += ["VIENNA – GENEVA", "Brussels (Belgium)", "TBILISI ,", "VIENNA ,Monday", ""]
SOURCES = ["OSCE Mission to Skopje", "OSCE Office in Yerevan (closed)", "ODIHR"]
SOURCES += ["Co-Chairs of the OSCE Minsk Group (France, Russian Federation, United States)"]
SOURCES += ["OSCE Office in Osh, Kyrgyzstan", "High Commissioner on National Minorities"]
SOURCES += ["OSCE Mission to Moldova [former]", "Secretariat ( Now Closed )", "(closed)"]
SOURCES += ["OSCE Centre in Bishkek, and partners", "OSCE Project Co-ordinator in Ukraine"]
SOURCES += ["Representative on Freedom of the Media, formerly RFoM", "3rd party", "x, y"]
SOURCES += ["OSCE Presence in Albania, Albania", "Office in Baku, Azerbaijan (closed)"]
SOURCES += ["OSCE Secretariat; Vienna", "OSCE Chairpersonship: Sweden", "Ombudsman]", "[x"]
FIELDS_OF_WORK = ["Elections", "Human rights", "Elections, Human rights", "Gender equality"]
FIELDS_OF_WORK += ["Media freedom and development", "Rule of law, Democratization, of the"]
FIELDS_OF_WORK += ["Arms control (small arms, light weapons)", "Cyber/ICT Security"]
TYPES = ["Press release", "PRESS RELEASES", "press releases", "Press Release", "News", "news"]
TYPES += ["Statements", "STORIES", "Feature stories", "Op-eds", "Spot Reports", "Daily reports"]
TYPES += ["Photo stories", "Videos", "Mixed Case Things", "ANNOUNCEMENTS", "Media advisories"]
TYPES += ["Addresses", "Press", "Glass", "Speeches", "News and features", "Interviews", "Opinion"]
TYPES += ["Report.", ": News :", ".", "News releases", "Press statements", "Unknown types"]
TITLES = ["OSCE supports training on border management in Tajikistan", "Short title", "A"]
TITLES += ["OSCE Chair welcomes ceasefire: statement by the Chairperson-in-Office."]
TITLES += ["Title with 2020 in it", "Говорят о выборах", "Ärger über Wahlen"]
SENTENCES = ["The participants discussed the implementation of OSCE commitments in detail."]
SENTENCES += ["Short line", "A list follows:", "The OSCE", "He said: yes.", "—", "– – -"]
SENTENCES += ["Some text with\ttabs and\u00a0no-break spaces  and doubled  spaces. ", "  -  "]
SENTENCES += ["x" * 130, "Participants, Observers, Experts", "Они обсудили ситуацию в регионе."]
LABEL_NAMES = ["Date", "Publishing date", "Place", "Source", "Sources", "Where we are"]
LABEL_NAMES += ["Fields of work", "Field of work", "What we do", "Content type"]


def date_value(rng: random.Random) -> str:
    day, month, year = rng.randint(0, 32), rng.randint(1, 12), rng.choice([2000, 1900, 2019, 2020])
    name = rng.choice([MONTHS[month - 1], SHORT[min(month - 1, 12)], MONTHS[month - 1].upper()])
    weekday = rng.choice(["", "", f"{rng.choice(WEEKDAYS)}, ", f"{rng.choice(WEEKDAYS)} "])
    dot = rng.choice(["", "", "."])
    shapes = [
        f"{weekday}{day}{dot} {name}{dot} {year}",
        f"{weekday}{name}{dot} {day}, {year}",
        f"{weekday}{name} {day} {year}",
        f"{year}-{month:02d}-{day:02d}",
        f"{year}-{month:02d}-{day:02d}T10:00:00Z",
        f"{year}-{month:02d}-{day:02d} 10:00",
        f"{year}-{month}-{day}",
        f"{day}.{month}.{year}",
        f"{day:02d}.{month:02d}.{year}.",
        f"{day}/{month}/{year}",
        f"{month}/{day}/{year}",
        f"{day}/{month + 12}/{year}",
        f"  {day}  {name}\t{year} . ",
        f"{day} {name}, {year}",
        f"{day}th {name} {year}",
        "0000-01-01",
        "yesterday",
        f"{name} {year}",
        f"{day} {name}",
    ]
    return rng.choice(shapes)


def dateline_text(rng: random.Random) -> str:
    day = rng.choice([1, 2, 3, 5, 9, 11, 12, 13, 19, 21, 22, 23, 28, 29, 30, 31, 0, 32, 7])
    month = rng.randrange(12)
    name = rng.choice([MONTHS[month], SHORT[month], MONTHS[month].upper(), MONTHS[month].lower()])
    name += rng.choice(["", "", "."])
    year = rng.choice(["2017", "2020", "2019", "2000", "1900", ""])
    ordinal = rng.choice(["", "", "", "st", "nd", "rd", "th"])
    dash = rng.choice(DASHES)
    place = rng.choice(PLACES)
    weekday = rng.choice(["", "", f"{rng.choice(WEEKDAYS)}, "])
    comma = rng.choice([", ", ",", " , ", " "])
    year_part = f"{rng.choice([' ', ', ', ',  '])}{year}" if year else ""
    when = f"{weekday}{day}{ordinal} {name}{year_part}"
    mdy = f"{name} {day}{rng.choice([',', ''])} {year or '2020'}"
    rest = rng.choice(SENTENCES + ["", "5 people met.", "-5 degrees", " The OSCE said."])
    shapes = [
        f"{place}{comma}{when} {dash} {rest}",
        f"{place}{comma}{when}{dash}{rest}",
        f"{when} {dash} {rest}",
        f"{place}{comma}{mdy} {dash} {rest}",
        f"{mdy} {dash} {rest}",
        f"{place} {dash} {day}{ordinal} {name}{rng.choice([',', ''])} {year or '2020'}"
        f"{rng.choice(['.', ':', ' –', ' -', '', '. ', '.5'])} {rest}",
        f"  {place}{comma}{when} {dash}",
        f"On {day} {name} {year}, {rest}",
    ]
    return rng.choice(shapes)


def label_block(rng: random.Random) -> list[str]:
    lines: list[str] = []
    for name in rng.sample(LABEL_NAMES, rng.randint(1, len(LABEL_NAMES))):
        case = rng.choice([name, name.upper(), name.lower(), name])
        head = rng.choice([f"- {case}:", f"-{case} :", f"-  {case}:\t", f"- {case} : "])
        key = name.lower()
        if "date" in key:
            values = [date_value(rng)]
        elif key == "place":
            values = [rng.choice(PLACES)]
        elif key in ("source", "sources", "where we are"):
            values = rng.sample(SOURCES, rng.randint(1, 3))
        elif key == "content type":
            values = [rng.choice(TYPES)]
        else:
            values = rng.sample(FIELDS_OF_WORK, rng.randint(0, 3))
        style = rng.random()
        if style < 0.4 and values:
            lines.append(f"{head} {', '.join(values)}")
        else:
            lines.append(head)
            lines += [f"- {v}" for v in values]
            if rng.random() < 0.2:
                lines.append(rng.choice(["-", "- ", "", "- " + values[0] if values else "-"]))
    return lines


def generated_dump(rng: random.Random) -> str:
    lines: list[str] = []
    nav = rng.random()
    if nav < 0.6:
        lines += ["-", "Our work", "-", "Fields of work", "- Elections", "- Human rights"]
        lines += ["-", "Countries", "- Albania", "- Ukraine", "- About us"]
    elif nav < 0.75:
        lines += ["- Home", "- News"]
    if rng.random() < 0.7:
        lines.append(rng.choice(TYPES + ["News item", "A long heading line with many words"]))
    if rng.random() < 0.95:
        lines.append(rng.choice(TITLES))
    if rng.random() < 0.15:
        lines.append("")
    if rng.random() < 0.7:
        lines += label_block(rng)
    if rng.random() < 0.2:  # a body that opens with a list
        lines += [
            "- " + rng.choice(SENTENCES + ["Short item", "Item two", "y" * 125, "Four words only."])
            for _ in range(rng.randint(1, 3))
        ]
    if rng.random() < 0.8:
        lines.append(dateline_text(rng))
    lines += rng.sample(SENTENCES, rng.randint(0, 4))
    if rng.random() < 0.3:
        lines += ["-", "Footer", "- Contacts", "- Privacy"]
    if rng.random() < 0.2:
        lines += ["- Menu entry", "- Another", "Trailing paragraph after the menu."]
    if rng.random() < 0.1:
        lines.insert(rng.randrange(len(lines) + 1), rng.choice(["", "   ", "\t", "-", "--"]))
    return "\n".join(lines) + rng.choice(["", "\n", "\n\n", " \n"])


INVALID = [
    "",
    "   \n\t\n",
    "-\nOur work\n- Elections\n- About us\n",
    "Just one line",
    "News\nTitle only",
    "- Date: 5 May 2020\nBody without a title above",
    "Press release\n- Date: 5 May 2020\n",
    "-\nMenu\n- Entry\nTitle\n- Date: 5 May 2020\n-\nFooter",
    "-\nMenu\n- Entry\nVIENNA, 5 May 2020 –",
    "-\nMenu\n- Entry\nTitle\nVIENNA, 5 May 2020 –\n– –",
    "- A\n- B\n\n   \n- C",
    "Title\nBody one\nBody two",
    "news\nTitle\nBody",
    "-\nMenu\n- Entry\nNews\nTitle",
]


def test_generated_dumps(native: osce_native.TextDump) -> None:
    rng = random.Random(18)
    texts = INVALID + [generated_dump(rng) for _ in range(4000)]
    check_all(native, texts, min_share=0.85)
    results = [python_fields(t) for t in texts]
    # Every invalid reason is reached, and releases found each way: by their labels, by the
    # dateline, by where the navigation ends.
    assert len({r.get("error") for r in results} - {None}) == 5
    ways = []
    for text, result in zip(texts, results, strict=True):
        if "error" in result:
            continue
        if text_dump._first_label(text) is not None:
            ways.append("labels")
            continue
        lines = [" ".join(line.split()) for line in text.split("\n")]
        _meta, header, _body = text_dump._locate(lines)
        ways.append("dateline" if dateline.match_dateline(lines[header]) else "navigation")
    assert min(ways.count(way) for way in ("labels", "dateline", "navigation")) > 200


def mutate(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(lines))
        op = rng.randrange(13)
        if op == 0:
            lines[i] = lines[i].upper()
        elif op == 1:
            del lines[i]
        elif op == 2:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3:  # the labels taken out: dateline- or navigation-located
            lines = [ln for ln in lines if not text_dump._LABEL_RE.match(ln)]
        elif op == 4:  # a dateline of another shape on the first body line
            for k, line in enumerate(lines):
                if line and not line.startswith("-") and k > 0 and lines[k - 1].startswith("-"):
                    lines[k] = dateline_text(rng) + " " + line
                    break
        elif op == 5:
            lines = lines[: rng.randrange(len(lines) + 1)]
        elif op == 6:
            lines.insert(i, rng.choice(label_block(rng)))
        elif op == 7:
            lines[i] = rng.choice(["-", "", "- ", "  ", "—"])
        elif op == 8:
            words = lines[i].split()
            lines[i] = " ".join(rng.sample(words, len(words))) if words else lines[i]
        elif op == 9:
            lines.insert(i, rng.choice(TYPES + TITLES + PLACES + SOURCES + SENTENCES))
        elif op == 10:
            lines[i] = "- " + lines[i]
        elif op == 11:
            lines[i] = lines[i].lower()
        else:  # whitespace str.split() collapses
            pad = rng.choice(["\t", "\u00a0", "  ", " "])
            lines[i] = rng.choice([pad + lines[i], lines[i] + pad, lines[i].replace(" ", pad, 1)])
        if not lines:
            lines = [""]
    return "\n".join(lines)


def test_mutated_synthetic_releases(native: osce_native.TextDump, synthetic: list[str]) -> None:
    rng = random.Random(1818)
    texts = [mutate(rng, rng.choice(synthetic)) for _ in range(2000)]
    check_all(native, texts, min_share=0.95)


# --- the helpers one by one ------------------------------------------------------------------


def test_parse_date() -> None:
    native = osce_native.Dateline(text_dump.native_tables())
    rng = random.Random(5)
    values = [date_value(rng) for _ in range(5000)]
    values += ["29 February 2000", "29 February 1900", "29 Feb 2019", "31 June 2020", "1.13.2020"]
    values += ["13/05/2021", "05/13/2021", "05/01/2021", "2020-02-30", "Sunday, 5 May 2020"]
    values += ["Tuesday 5. May 2020", "5 Sept. 2020.", " . 5 May 2020 . ", "9999-12-31"]
    values += [t for t in extractor_literals() if len(t) < 80 and osce_native.supported(t)]
    parsed = 0
    for value in values:
        want = dateline.parse_date(value)
        assert native.parse_date(value) == want, value
        parsed += want is not None
    assert parsed > len(values) / 3


def test_split_dateline() -> None:
    native = osce_native.Dateline(text_dump.native_tables())
    rng = random.Random(6)
    texts = [dateline_text(rng) for _ in range(5000)]
    texts += [t for t in extractor_literals() if len(t) < 300 and osce_native.supported(t)]
    found = 0
    for text in texts:
        if not osce_native.supported(text):
            continue
        match = dateline.match_dateline(text)
        got = native.match_dateline(text)
        if match is None:
            assert got is None, text
        else:
            day = match["day"] or match["day2"]
            month = match["month"] if match["day"] else match["month2"]
            year = match["year"] if match["day"] else match["year2"]
            assert got == (match["place"], day, month, year, match.end()), text
            found += 1
        for known in (None, "2020-02-10", "2019-06-01"):
            assert native.split_dateline(text, known) == dateline.split_dateline(text, known), text
    assert found > len(texts) / 2


def test_labels() -> None:
    native = osce_native.Labels(text_dump.native_tables())
    rng = random.Random(7)
    states = labels.native_tables()["state_names"]
    pieces = SOURCES + FIELDS_OF_WORK + [s.title() for s in states] + ["and partners", "Kosovo"]
    pieces += ["incl. ODIHR", "incl.Vienna", "including", "in Vienna", "the Mission", "former"]
    pieces += ["(closed)", "[former]", "based in Baku", "Orchestra", "inland", "The Office", ""]
    pieces += ["(France", "Germany)", "Ökologie", "now closed", "öf the", "4 offices", "ande"]
    for _ in range(3000):
        values = [
            rng.choice([", ", ",", " , ", ",  "]).join(rng.sample(pieces, rng.randint(1, 4)))
            for _ in range(rng.randint(1, 3))
        ]
        for value in values:
            assert native.split_names(value) == labels.split_names(value), value
        assert native.sources_of(values) == labels.sources_of(values), values
        assert native.fields_of(values) == labels.fields_of(values), values
    types = [*TYPES, "", " ", "Series", "Bodies", "ies", "Class", "News", "STATUSES", "s", ":S."]
    assert native.normalise_type(None) is None
    for value in types:
        for variant in (value, value.upper(), value.lower(), value.title(), f" {value}s. "):
            assert native.normalise_type(variant) == labels.normalise_type(variant), variant


def test_a_type_that_is_just_s_is_kept_as_written(native: osce_native.TextDump) -> None:
    """Python once raised IndexError here (`single[0]` of ""); both now keep the type."""
    for text in (
        "-\nMenu\n- Entry\nS\nTitle\nVIENNA, 5 May 2020 - Body.",
        "-\nMenu\n- Entry\nTitle\n- Content type: s.\nVIENNA, 5 May 2020 - Body.",
    ):
        assert native.parse_text(text) == python_fields(text)
        assert text_dump.parse_text(text, "x").type in ("S", "s")
