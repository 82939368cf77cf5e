"""The Rust gazetteer (`osce_native.Gazetteer`) answers exactly as `indexer.gazetteer`.

Differential: `find_countries` and `place_parts` on the fixtures, the seeds, 2,000 synthetic
dumps (whole texts, parsed titles and bodies, datelines and places) and generated texts dense
with the tables' words, glued and cased every way (boundaries, capitals after titles and before
capitalised words, seats, NOT_PLACES, demonym chains, acronyms, shouted datelines).
"""

from __future__ import annotations

import ast
import os
import random
from pathlib import Path

import pytest

from devtools import synth
from indexer import gazetteer
from indexer.extract.encoding import NotText, decode
from indexer.extract.text_dump import parse_text

if os.environ.get("OSCE_NATIVE") == "off":
    osce_native = pytest.importorskip("indexer.osce_native")
else:
    from indexer import osce_native

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "fixtures" / "cases"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def native():
    return osce_native.Gazetteer(gazetteer.native_tables())


def _decoded(paths) -> list[str]:
    texts = []
    for path in paths:
        try:
            texts.append(decode(path.read_bytes()))
        except (NotText, OSError):
            continue
    return texts


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    """Fixture files, seeds and 2,000 synthetic dumps, decoded as the indexer decodes them."""
    out = tmp_path_factory.mktemp("synth")
    paths = synth.write_corpus(out, 2000, seed=18)
    texts = _decoded(sorted(CASES.iterdir())) + _decoded(sorted(SEEDS.glob("*.txt")))
    return texts + _decoded(paths)


# The words the tables match on, and what stands around them in releases.
_T = gazetteer.native_tables()
_NAMES = list(_T["names"])
_GROUP = ["Kosovo", "Turkish", "Greek", "Bosnian", "ethnic", "Ethnic", "North", "South"]
_GROUP += ["Latin", "Central", "Crimean"]
_PERSON = ["Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "Ambassador", "Minister"]
_WORDS = (
    _NAMES
    + [n.lower() for n in _NAMES[::3]]
    + [n.title() for n in _NAMES[::2]]
    + _T["not_places"]
    + [p[: len(p) // 2 + 1] for p in _T["not_places"][::2]]
    + list(_T["demonyms"])
    + [a.upper() for a in list(_T["demonyms"])[::4]]
    + gazetteer.STATE_NOUNS.split("|")
    + gazetteer._NOUN_LEAD.split("|")
    + _GROUP
    + _PERSON
    + _T["title_words"]
    + list(_T["towns"])
    + [t.upper() for t in _T["towns"]]
    + ["the", "in", "of", "met", "a", "said", "Sofia", "Petrova", "Agreement", "Mission"]
    + ["OSCE", "2021", "Us", "Usa", "U.S", "UKs", "D.C.", "Geneva", "São", "Tomé", "é", "Ș"]
    + ["ș", "Київ", "Čeština", "–", "’", "…", "“", "”", "x9", "_", "Albanian-language"]
)
_SEPS = [" "] * 12 + ["  ", "\n", "\t", "\u00a0", "-", ".", ",", ", ", "/", "'", "", "(", " and "]
_CAPITALS = [w for w, (_state, capital) in _T["names"].items() if capital]


def _space(rng: random.Random) -> str:
    """A run of whitespace long enough to push a word out of a context window."""
    return "".join(
        rng.choice(" \n\t\u00a0") if rng.random() < 0.2 else " "
        for _ in range(rng.choice([1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12]))
    )


def _phrase(rng: random.Random) -> str:
    """A demonym chain before a State noun, or a capital after a title or before a word."""
    if rng.random() < 0.5:
        lead = rng.choice([*_GROUP, "the", "", "xKosovo", "Kosovo,"]) + _space(rng)
        chain = rng.choice(list(_T["demonyms"]))
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
            sep = rng.choice(["-", ", ", " ,", " and ", " and\n", ",", " & ", "--", " - "])
            chain += sep + rng.choice(list(_T["demonyms"]))
        leads = rng.sample(gazetteer._NOUN_LEAD.split("|"), rng.choice([0, 0, 1, 2, 3]))
        noun = rng.choice(gazetteer.STATE_NOUNS.split("|"))
        tail = rng.choice([" ", "s", ".", "\u00e9", "-", "", "_x", " of"])
        return lead + chain + "".join(_space(rng) + w for w in leads) + _space(rng) + noun + tail
    lead = rng.choice([*_PERSON, "", "the", "Mrs", "xMr"]) + _space(rng)
    capital = rng.choice(_CAPITALS)
    capital = rng.choice([capital, capital, capital.upper(), capital.title()])
    after = rng.choice([*_T["title_words"], *_NAMES[::5], "Petrova", "met", "Agreement", "x"])
    tail = rng.choice([" ", "  ", ", ", ".", "", "'s", "-", "\n"]) + rng.choice(
        [after, after.lower()]
    )
    return lead + capital + tail


def _generated(rng: random.Random, n: int) -> list[str]:
    texts = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 30)):
            parts.append(_phrase(rng) if rng.random() < 0.25 else rng.choice(_WORDS))
            parts.append(rng.choice(_SEPS))
        text = "".join(parts)
        roll = rng.random()
        if roll < 0.1:
            text = text.upper()
        elif roll < 0.2:
            text = text.title()
        elif roll < 0.3:
            a, b = sorted(rng.randrange(len(text) + 1) for _ in range(2))
            text = text[a:b]
        texts.append(text)
    return texts


_HAND = [
    "Armenian President met the Azerbaijani President in Vienna.",
    "Armenian-Azerbaijani border; Kyrgyz, Tajik and Uzbek officials; Kosovo Albanian leaders",
    "the Kyrgyz , Tajik and Uzbek OSCE Deputy Foreign Ministers; the Serbian and North "
    "Macedonian Presidents; North Macedonian Government; Greek Cypriot side",
    "Bosnia and Herzegovina, Bosnia & Herzegovina, Bosnia-Herzegovina, Bosnia and Serbia",
    "Nur Sultan, Nur-Sultan, Nur Sultanate, NUR SULTAN; U.S. U.S.A. U.S.Army USA US UK Us",
    "Mr Sofia; Ms. Sofia Petrova; Dr  Riga; Ambassador Minsk; Minister Kyiv met in Kyiv.",
    "Sofia And Paris; Paris Agreement; Paris Is; PARIS AGREEMENT; the Charter of Paris",
    "in Vienna, Warsaw, The Hague, THE HAGUE, Prague and Brussels; Vienna Document",
    "XMinsk Group, Minsk Groups, the Minsk agreements; Helsinki +50, Helsinki+50; Georgia Tech",
    "TBILISI, 3 May 2021 – The Georgian Government and the Georgian side",
    "Reykjavík; REYKJAVÍK; Chișinău, Chişinău, CHIȘINĂU; Türkiye, TÜRKIYE; turkey",
    "the Ukrainian Government",
    "in Russian and Ukrainian languages, Armenian-language schools",
    "Kazakhstani officials; Kazakh-Kyrgyz border; Tajikistani-Uzbek Governments",
    "",
    " ",
    "Russia",
    "Russia.",
    "-Russia",
    ".Russia",
    "Russia-",
    "Russia_",
    "Russiaé",
]


def _literals() -> list[str]:
    """Every string the extractor's tests write (their titles, bodies, datelines, places)."""
    found = []
    for path in sorted((ROOT / "tests").glob("test_extract*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)]
    return [s for s in found if isinstance(s, str)]


def _pairs(corpus: list[str]) -> list[tuple[str, ...]]:
    rng = random.Random(1818)
    texts = corpus + _HAND + _literals() + _generated(rng, 8000)
    pairs: list[tuple[str, ...]] = [(t,) for t in texts]
    for text in corpus:
        release = parse_text(text, "x")
        if release.valid:
            pairs.append((release.title or "", release.body_text))
    generated = _generated(rng, 3000)
    pairs += [tuple(generated[i : i + rng.randint(2, 4)]) for i in range(0, 3000, 3)]
    return pairs


def test_find_countries_equals_python(native, corpus) -> None:
    pairs = _pairs(corpus)
    supported = [p for p in pairs if all(osce_native.supported(t) for t in p)]
    assert len(supported) >= 0.9 * len(pairs) and len(supported) > 10000
    for demonyms in (True, False):
        want = [gazetteer.find_countries(*p, demonyms=demonyms) for p in supported]
        got = [native.find_countries(*p, demonyms=demonyms) for p in supported]
        bad = [(p, w, g) for p, w, g in zip(supported, want, got, strict=True) if w != g]
        assert not bad, bad[:3]
    assert sum(map(bool, want)) > 6000  # most inputs name a State: the test is not vacuous
    assert native.find_countries(None, "Ukraine") == gazetteer.find_countries(None, "Ukraine")


def _places(rng: random.Random, n: int) -> list[str]:
    cities = (
        _NAMES
        + list(_T["towns"])
        + ["Geneva", "São Tomé", "Washington, D.C.", "D.C.", "Luhansk region", "Osh,", "Київ"]
    )
    places = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 4)):
            part = rng.choice(cities)
            if rng.random() < 0.3:
                part += rng.choice([", ", ",", " , ", ",,"]) + rng.choice(cities + ["", " "])
            part = rng.choice([part, part.upper(), part.lower(), part.title()])
            if rng.random() < 0.2:
                part = rng.choice(["  ", " ", "\t", ","]) + part + rng.choice(["  ", " ", ","])
            parts.append(part)
        seps = ["/", " / ", "  /", "/ ", " // ", "/\u00a0"]
        places.append("".join(p + rng.choice(seps) for p in parts[:-1]) + parts[-1])
    return places


def test_place_parts_equals_python(native, corpus) -> None:
    rng = random.Random(1819)
    places: list[str | None] = [None, "", " ", "/", " / ", ",", "a,", ",b", "WASHINGTON, D.C."]
    places += ["KHARKOV/STANYTSIA LUHANSKA, Ukraine", "OSH, Kyrgyzstan", "VIENNA/WARSAW"]
    places += ["TIRANA / BRUSSELS / GENEVA", "Sofia, Bulgaria", "Brussels, Belgium, Vienna"]
    places += [s for s in _literals() if len(s) < 80]
    for text in corpus:
        release = parse_text(text, "x")
        places += [release.place, release.dateline_place]
    places += _places(rng, 6000)
    supported = [p for p in places if p is None or osce_native.supported(p)]
    assert len(supported) >= 0.9 * len(places)
    want = [gazetteer.place_parts(p) for p in supported]
    got = [native.place_parts(p) for p in supported]
    bad = [(p, w, g) for p, w, g in zip(supported, want, got, strict=True) if w != g]
    assert not bad, bad[:3]
    assert sum(bool(w[1]) for w in want) > 3000
