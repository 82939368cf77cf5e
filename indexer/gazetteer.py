"""Finding the 57 OSCE participating States in text (the table itself is core.states)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import ahocorasick

from core.states import STATES

#: Capitals that are the seats of OSCE bodies (and of the EU and NATO): "in Vienna" is where the
#: OSCE meets, not news about Austria. These count only when the State itself is named.
SEATS = frozenset({"Vienna", "Warsaw", "The Hague", "Prague", "Copenhagen", "Brussels"})

#: Names of processes and documents that contain a State or capital but are not about it.
NOT_PLACES = (
    "Minsk Group",
    "Minsk Process",
    "Minsk Conference",
    "Minsk agreements",
    "Minsk agreement",
    "Minsk Protocol",
    "Vienna Document",
    "Vienna Convention",
    "Helsinki Final Act",
    "Helsinki Document",
    "Helsinki Commission",
    "Helsinki +50",
    "Helsinki+50",
    "Charter of Paris",
    "Paris Charter",
    "Paris Agreement",
    "Istanbul Convention",
    "Copenhagen Document",
    "Copenhagen Criteria",
    "Moscow Mechanism",
    "Astana Declaration",
    "Ljubljana Guidelines",
    "Hague Recommendations",
    "Bonn Powers",
    "Rome Statute",
    "Washington Post",
    "Georgia Tech",
)


def trie_regex(words: list[str] | set[str]) -> str:
    """One regex alternation shaped as a trie: Python's re then tests one branch per letter
    instead of every name at every position (about ten times faster on a release)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def first_chars(words) -> str:
    """A lookahead on the words' first letters. Put before a lookbehind or `\\b`, it lets the
    regex engine reject most positions with one character test (about twice as fast)."""
    return "(?=[" + "".join(sorted({re.escape(w[0]) for w in words})) + "])"


def _cases(names) -> set[str]:
    """Names as written and in capitals (datelines, shouted titles); never lower case."""
    return {form for name in names for form in (name, name.upper())}


_NOT_PLACES_RE = re.compile(trie_regex(_cases(NOT_PLACES)))

#: canonical name -> adjectives. Adjectives are ambiguous ("Russian" is a language, "Albanian" an
#: ethnicity across the Balkans), so they count only before a word for the State's institutions.
DEMONYMS: dict[str, tuple[str, ...]] = {
    "Albania": ("Albanian",),
    "Andorra": ("Andorran",),
    "Armenia": ("Armenian",),
    "Austria": ("Austrian",),
    "Azerbaijan": ("Azerbaijani",),
    "Belarus": ("Belarusian", "Belarussian"),
    "Belgium": ("Belgian",),
    "Bulgaria": ("Bulgarian",),
    "Canada": ("Canadian",),
    "Croatia": ("Croatian",),
    "Cyprus": ("Cypriot",),
    "Czechia": ("Czech",),
    "Denmark": ("Danish",),
    "Estonia": ("Estonian",),
    "Finland": ("Finnish",),
    "France": ("French",),
    "Georgia": ("Georgian",),
    "Germany": ("German",),
    "Greece": ("Greek", "Hellenic"),
    "Hungary": ("Hungarian",),
    "Iceland": ("Icelandic",),
    "Ireland": ("Irish",),
    "Italy": ("Italian",),
    "Kazakhstan": ("Kazakh", "Kazakhstani"),
    "Kyrgyzstan": ("Kyrgyz",),
    "Latvia": ("Latvian",),
    "Lithuania": ("Lithuanian",),
    "Malta": ("Maltese",),
    "Moldova": ("Moldovan",),
    "Monaco": ("Monegasque",),
    "Mongolia": ("Mongolian",),
    "Montenegro": ("Montenegrin",),
    "Netherlands": ("Dutch",),
    "North Macedonia": ("North Macedonian",),
    "Norway": ("Norwegian",),
    "Poland": ("Polish",),
    "Portugal": ("Portuguese",),
    "Romania": ("Romanian",),
    "Russian Federation": ("Russian",),
    "Serbia": ("Serbian",),
    "Slovakia": ("Slovak",),
    "Slovenia": ("Slovenian", "Slovene"),
    "Spain": ("Spanish",),
    "Sweden": ("Swedish",),
    "Switzerland": ("Swiss",),
    "Tajikistan": ("Tajik", "Tajikistani"),
    "Türkiye": ("Turkish",),
    "Turkmenistan": ("Turkmen",),
    "Ukraine": ("Ukrainian",),
    "United Kingdom": ("British",),
    "United States of America": ("American",),
    "Uzbekistan": ("Uzbek",),
}
#: Words for a State's institutions and territory: "Armenian President", "Kyrgyz-Tajik border".
STATE_NOUNS = (
    "President|Presidents|Prime Minister|Prime Ministers|Minister|Ministers|Ministry|Ministries|"
    "Government|government|Governments|governments|authorities|Parliament|parliament|"
    "National Assembly|side|sides|border|borders|Chairpersonship|Chairmanship|Presidency|"
    "Ambassador|Embassy|delegation|delegations|counterpart|counterparts|officials|"
    "Ombudsperson|Ombudsman|Central Election Commission|Constitution|Constitutional Court|"
    "Supreme Court|armed forces|Armed Forces|capital|State|state|law enforcement|"
    "Head of State|leadership"
)
_NOUN_LEAD = "OSCE|Deputy|First|Foreign|Defence|Defense|Interior|Justice|Acting|Vice|state|State"
#: A demonym after these is part of a group's name ("Kosovo Albanian", "Turkish Cypriot").
_GROUP_LEAD = re.compile(
    r"(?:Kosovo|Turkish|Greek|Bosnian|ethnic|Ethnic|North|South|Latin|Central|Crimean)\s+$"
)
#: A title before a capital makes it a person's name ("Ms Sofia ...").
_PERSON_LEAD = re.compile(r"(?:Mr|Mrs|Ms|Dr|Mr\.|Mrs\.|Ms\.|Dr\.|Ambassador|Minister)\s+$")
#: Words after a capital that still leave it a place in a Title Case title.
_TITLE_WORDS = {"And", "To", "In", "On", "For", "Of", "The", "With", "At", "From", "By"}


@lru_cache(maxsize=1)
def _lookup() -> tuple[re.Pattern[str], dict[str, tuple[str, bool]]]:
    """One pattern over every name; lookup: casefolded name -> (canonical, is a capital)."""
    lookup: dict[str, tuple[str, bool]] = {}
    for canonical, (variants, capitals) in STATES.items():
        for name in (canonical, *variants):
            lookup[name.casefold()] = (canonical, False)
        for name in capitals:
            lookup[name.casefold()] = (canonical, True)
    written = [n for c, (v, caps) in STATES.items() for n in (c, *v, *caps)]
    # Case-sensitive: "Georgia" and "GEORGIA" are the State, "turkey" is not.
    cased = _cases(written)
    pattern = re.compile(rf"{first_chars(cased)}(?<![\w.-])(?:{trie_regex(cased)})(?!\w)")
    return pattern, lookup


@lru_cache(maxsize=1)
def _demonym_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    lookup = {adj: canonical for canonical, adjs in DEMONYMS.items() for adj in adjs}
    adj = trie_regex(set(lookup))
    pattern = re.compile(
        rf"{first_chars(lookup)}\b(?P<chain>(?:{adj})(?:(?:-|\s*,\s*|\s+and\s+)(?:{adj}))*)"
        rf"\s+(?:(?:{_NOUN_LEAD})\s+){{0,2}}(?:{STATE_NOUNS})\b"
    )
    return pattern, lookup


def _is_acronym(name: str) -> bool:
    return len(name.replace(".", "")) <= 4 and sum(map(str.isupper, name)) >= 2


_NEXT_WORD = re.compile(r" ([A-Z][\w'-]*)")


def _names_place(text: str, match: re.Match[str], capital: bool) -> bool:
    """Whether a matched name is used as the place: capitalised, not a person or a compound."""
    word = match.group(0)
    if _is_acronym(word) and word != word.upper():
        return False  # "Us", "Usa": only UK, US, USA, U.S. as written
    if not capital:
        return True
    if word in SEATS or word.title() in SEATS:
        return False
    before = text[max(0, match.start() - 15) : match.start()]
    if _PERSON_LEAD.search(before):
        return False
    after = text[match.end() : match.end() + 30]
    nxt = _NEXT_WORD.match(after)
    # "Sofia Petrova", "Paris Agreement": a capital followed by a capitalised word is a name.
    return not (nxt and nxt[1] not in _TITLE_WORDS and not word.isupper())


#: Automaton tags: which pattern a name found in a text may start a match of.
_NAME, _NOT_PLACE, _DEMONYM = 1, 2, 4


@lru_cache(maxsize=1)
def _automaton() -> ahocorasick.Automaton:
    """Every string the three patterns begin with (names, NOT_PLACES, adjectives), each
    tagged with its patterns: one C pass over a text finds every position where one of them
    can match, so the regexes run at a few dozen positions instead of scanning the text."""
    tags: dict[str, int] = {}
    names = [n for c, (v, caps) in STATES.items() for n in (c, *v, *caps)]
    for word, tag in (
        *((w, _NAME) for w in _cases(names)),
        *((w, _NOT_PLACE) for w in _cases(NOT_PLACES)),
        *((w, _DEMONYM) for adjs in DEMONYMS.values() for w in adjs),
    ):
        tags[word] = tags.get(word, 0) | tag
    automaton = ahocorasick.Automaton()
    for word, tag in tags.items():
        automaton.add_word(word, (len(word), tag))
    automaton.make_automaton()
    return automaton


def _starts(text: str) -> dict[int, list[int]]:
    """tag -> sorted start positions of the automaton's strings in text."""
    starts: dict[int, list[int]] = {_NAME: [], _NOT_PLACE: [], _DEMONYM: []}
    for end, (length, tag) in _automaton().iter(text):
        if tag in starts:
            starts[tag].append(end - length + 1)
        else:  # a string that begins two patterns' matches
            for bit in (_NAME, _NOT_PLACE, _DEMONYM):
                if tag & bit:
                    starts[bit].append(end - length + 1)
    for found in starts.values():
        found.sort()
    return starts


def _finditer(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` where a match can only begin at one of `starts`: the same
    matches (left to right, none overlapping), trying the pattern only there."""
    end = 0
    for start in starts:
        if start < end:
            continue
        match = pattern.match(text, start)
        if match:
            yield match
            end = match.end()


def find_countries(*texts: str, demonyms: bool = True) -> list[str]:
    """Canonical names of the participating States a release names, in order of first mention.

    A State counts when its name or a variant appears; its capital, when used as a place (not a
    seat of OSCE bodies, a person's name, or part of a name like "Paris Agreement"); and, with
    `demonyms`, when an adjective qualifies its institutions ("Armenian President").
    """
    pattern, lookup = _lookup()
    adj_pattern, adj_lookup = _demonym_pattern()
    found: dict[str, int] = {}
    offset = 0
    for text in texts:
        text = text or ""
        starts = _starts(text)
        names = [m.span() for m in _finditer(_NOT_PLACES_RE, text, starts[_NOT_PLACE])]
        for match in _finditer(pattern, text, starts[_NAME]):
            if names and any(a <= match.start() < b for a, b in names):
                continue  # "Minsk Group", "Paris Agreement"
            canonical, capital = lookup[match.group(0).casefold()]
            if _names_place(text, match, capital):
                found.setdefault(canonical, offset + match.start())
        if demonyms:
            for match in _finditer(adj_pattern, text, starts[_DEMONYM]):
                if _GROUP_LEAD.search(text[max(0, match.start() - 12) : match.start()]):
                    continue
                for adj in re.findall(r"[A-Z][a-z]+(?: Macedonian)?", match["chain"]):
                    if adj in adj_lookup:
                        found.setdefault(adj_lookup[adj], offset + match.start())
        offset += len(text) + 1
    return sorted(found, key=found.__getitem__)


#: Towns that are not capitals but head many datelines, and the State they are in.
TOWNS = {
    "Osh": "Kyrgyzstan",
    "Jalal-Abad": "Kyrgyzstan",
    "Khujand": "Tajikistan",
    "Almaty": "Kazakhstan",
    "Banja Luka": "Bosnia and Herzegovina",
    "Mostar": "Bosnia and Herzegovina",
    "Tuzla": "Bosnia and Herzegovina",
    "Kharkiv": "Ukraine",
    "Kharkov": "Ukraine",
    "Odesa": "Ukraine",
    "Odessa": "Ukraine",
    "Mariupol": "Ukraine",
    "Kramatorsk": "Ukraine",
    "Donetsk": "Ukraine",
    "Luhansk": "Ukraine",
    "Stanytsia Luhanska": "Ukraine",
    "Shkodra": "Albania",
    "Batumi": "Georgia",
    "Novi Pazar": "Serbia",
    "Gyumri": "Armenia",
    "Ganja": "Azerbaijan",
    "Samarkand": "Uzbekistan",
    "Turkmenbashi": "Turkmenistan",
}


def _display(name: str) -> str:
    name = " ".join(name.split()).strip(" ,")
    return name.title() if name.isupper() else name


def place_parts(place: str | None) -> tuple[list[str], list[str]]:
    """(cities, States) a dateline place names: `KHARKOV/STANYTSIA LUHANSKA, Ukraine` ->
    (["Kharkov", "Stanytsia Luhanska"], ["Ukraine"]). Cities in display form, for the place
    facet; States from a trailing State name, a capital (not a seat) or a known town."""
    if not place:
        return [], []
    _pattern, lookup = _lookup()
    cities: list[str] = []
    states: list[str] = []
    for part in re.split(r"\s*/\s*", place):
        head, _, tail = part.partition(",")
        tail_state = lookup.get(_display(tail).casefold()) if tail.strip() else None
        if tail.strip() and not (tail_state and not tail_state[1]):
            head = part  # `WASHINGTON, D.C.`: the comma belongs to the city's name
            tail_state = None
        city = _display(head)
        if not city:
            continue
        if city not in cities:
            cities.append(city)
        known = lookup.get(city.casefold())
        state = tail_state[0] if tail_state else None
        if state is None and known and (not known[1] or city not in SEATS):
            state = known[0]
        if state is None:
            state = TOWNS.get(city) or TOWNS.get(city.split(",")[0])
        if state and state not in states:
            states.append(state)
    return cities, states


def native_tables() -> dict:
    """The tables and pattern sources `osce_native.Gazetteer` is built from (one definition:
    everything Rust matches with is derived here, from the tables above)."""
    pattern, lookup = _lookup()
    adj_pattern, adj_lookup = _demonym_pattern()
    lead = first_chars(adj_lookup)
    assert adj_pattern.pattern.startswith(lead + r"\b")
    names = [n for c, (v, caps) in STATES.items() for n in (c, *v, *caps)]
    return {
        # Every written form the name pattern matches -> (canonical, is a capital).
        "names": {w: lookup[w.casefold()] for w in sorted(_cases(names))},
        "lookup": dict(lookup),
        "not_places": sorted(_cases(NOT_PLACES)),
        "seats": sorted(SEATS),
        "demonyms": dict(sorted(adj_lookup.items())),
        # The adjective pattern after its first-letter lookahead and `\b` (Rust checks those).
        "demonym_pattern": adj_pattern.pattern[len(lead) + 2 :],
        "group_lead": _GROUP_LEAD.pattern,
        "person_lead": _PERSON_LEAD.pattern,
        "next_word": _NEXT_WORD.pattern,
        "title_words": sorted(_TITLE_WORDS),
        "towns": dict(TOWNS),
    }
