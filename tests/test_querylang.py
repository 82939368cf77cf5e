"""The query language and its builders, pure (no node): every operator, combinations, and
broken input that must degrade to words, never raise."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from webui import querybuild
from webui.querylang import And, DateSpan, Not, Or, Phrase, Word, parse


def clauses(q: str) -> tuple:
    return parse(q).clauses


def test_words_combine_with_and() -> None:
    assert clauses("election observation") == (Word("election"), Word("observation"))
    assert parse("election observation").plain_words == ["election", "observation"]


def test_phrase() -> None:
    assert clauses('"media freedom" safety') == (Phrase("media freedom"), Word("safety"))
    assert clauses("“media freedom”") == (Phrase("media freedom"),)  # typographic quotes
    assert clauses('"freedom"') == (Word("freedom"),)  # one quoted word is a word


def test_exclusion_of_words_and_phrases() -> None:
    assert clauses("election -Georgia") == (Word("election"), Not(Word("Georgia")))
    assert clauses('talks -"Minsk Group"') == (Word("talks"), Not(Phrase("Minsk Group")))
    assert clauses("talks NOT Georgia") == (Word("talks"), Not(Word("Georgia")))
    assert clauses("talks -(Minsk OR Vienna)") == (
        Word("talks"),
        Not(Or((Word("Minsk"), Word("Vienna")))),
    )


def test_or_and_parentheses() -> None:
    assert clauses("ceasefire OR truce") == (Or((Word("ceasefire"), Word("truce"))),)
    assert clauses("a OR b OR c") == (Or((Word("a"), Word("b"), Word("c"))),)
    assert clauses("(ceasefire OR truce) Donbas") == (
        Or((Word("ceasefire"), Word("truce"))),
        Word("Donbas"),
    )
    assert clauses('(media freedom) OR "safety of journalists"') == (
        Or((And((Word("media"), Word("freedom"))), Phrase("safety of journalists"))),
    )
    assert clauses("a || b && c") == (Or((Word("a"), Word("b"))), Word("c"))


def test_prefix() -> None:
    assert clauses("negot* talks") == (Word("negot", prefix=True), Word("talks"))
    assert parse("negot*").plain_words == []


def test_text_fields() -> None:
    assert clauses("title:elections") == (Word("elections", field="title"),)
    assert clauses('body:"media freedom"') == (Phrase("media freedom", field="body"),)
    assert clauses("TITLE:x") == (Word("x", field="title"),)
    assert clauses('title:(ceasefire OR "cease fire")') == (
        Or((Word("ceasefire", field="title"), Phrase("cease fire", field="title"))),
    )
    assert clauses("-title:report") == (Not(Word("report", field="title")),)


def test_facet_fields_become_filters() -> None:
    p = parse('country:Ukraine ceasefire source:"Mission to Serbia"')
    assert p.clauses == (Word("ceasefire"),)
    assert p.filters == {"country": ["Ukraine"], "source": ["Mission to Serbia"]}
    p = parse("field:Elections type:'press' place:Vienna")
    assert p.filters["fields_of_work"] == ["Elections"] and p.filters["place"] == ["Vienna"]
    assert parse("source:(ODIHR OR HCNM)").filters == {"source": ["ODIHR", "HCNM"]}
    assert parse("source:ODIHR source:odihr").filters == {"source": ["ODIHR", "odihr"]}


@pytest.mark.parametrize(
    ("q", "text", "lo", "hi"),
    [
        ("ceasefire 2017", "2017", "2017-01-01", "2017-12-31"),
        ("ceasefire 2015-2017", "2015-2017", "2015-01-01", "2017-12-31"),
        ("ceasefire 2015..2017", "2015-2017", "2015-01-01", "2017-12-31"),
        ("ceasefire 2017–2015", "2015-2017", "2015-01-01", "2017-12-31"),
        ("ceasefire since 2020", "since 2020", "2020-01-01", None),
        ("ceasefire after 2020", "after 2020", "2021-01-01", None),
        ("ceasefire before 2010", "before 2010", None, "2009-12-31"),
        ("elections in 2019", "in 2019", "2019-01-01", "2019-12-31"),
        ("2019", "2019", "2019-01-01", "2019-12-31"),
    ],
)
def test_years(q: str, text: str, lo: str | None, hi: str | None) -> None:
    p = parse(q)
    assert p.dates == DateSpan(text, lo, hi)
    assert all(str(lo or hi)[:4] not in w for w in p.plain_words)


@pytest.mark.parametrize(
    "q", ["1325 resolution", "2050 agenda", '"2017"', "2017 OR 2018", "(a 2017)"]
)
def test_numbers_that_are_not_years_stay_words(q: str) -> None:
    assert parse(q).dates is None


def test_text_round_trips() -> None:
    for q in [
        'election -Georgia "media freedom" (a OR b) title:x negot* source:"OSCE Mission" 2017',
        "since 2020 talks",
        'body:"a b" -"c d" country:Ukraine',
    ]:
        p = parse(q)
        assert parse(p.text()) == parse(p.text()) and parse(p.text()).text() == p.text()
        assert parse(p.text()).clauses == p.clauses and parse(p.text()).filters == p.filters
    assert parse('talks source:"OSCE Mission"').text(filters=False) == "talks"


#: Broken or hostile input: each must parse (no exception) into something searchable.
BROKEN = [
    "",
    " ",
    '"',
    '""',
    '"""',
    '"unbalanced quote',
    'media "freedom',
    "(",
    ")",
    "((a",
    "a))",
    ")(",
    "()",
    "-",
    "- -",
    "--a",
    "-(",
    "OR",
    "OR OR",
    "a OR",
    "OR a",
    "a OR OR b",
    "NOT",
    "NOT NOT a",
    "AND",
    "*",
    "**",
    "a*b*c*",
    "*a",
    "title:",
    "title: x",
    "source:",
    'source:""',
    "foo:bar",
    "http://example.org/a?b=c",
    ":::",
    "title:title:x",
    "-title:",
    "a^10 b~2 c?",
    "/(a+)+$/",
    "[* TO *]",
    "{!lucene}x",
    "((((((((((((((((((((a))))))))))))))))))))",
    "(" * 120 + "a" + ")" * 120,
    "a OR (b OR (c OR (d OR (e OR (f OR (g OR (h OR (i OR j))))))))",
    "\x00\x01",
    "\u202e\u200b\ufeff",
    "😀 😀",
    "' OR 1=1 --",
    "${jndi:ldap://x}",
    " ".join(["OR"] * 100),
    " ".join(f"w{i}" for i in range(200)),
    "9999 0000 1989 2040",
    "since",
    "before before 2010",
    "2015-",
    "-2017",
]


@pytest.mark.parametrize("q", BROKEN)
def test_broken_input_degrades_to_words(q: str) -> None:
    p = parse(q)
    text = p.text()
    assert parse(text).text() == text  # stable
    plan = querybuild.Plan(p)
    body = querybuild.relevance(plan)
    json.dumps(body)  # a plain JSON body
    json.dumps(querybuild.highlight_query(p))
    assert len(p.clauses) <= 64
    assert "query_string" not in json.dumps(body)


def test_broken_examples_read_as_words() -> None:
    assert clauses('"unbalanced quote') == (Word("unbalanced"), Word("quote"))
    assert clauses("((a") == (Word("a"),)
    assert clauses("foo:bar") == (Word("foo"), Word("bar"))
    assert clauses("a OR") == (Word("a"),)
    assert clauses("OR") == (Word("OR"),)
    assert clauses("a OR OR b") == (Or((Word("a"), Word("b"))),)
    assert clauses("-") == () and clauses("*") == ()
    assert clauses("title: x") == (Word("title"), Word("x"))
    assert clauses("a^10 b~2") == (Word("a"), Word("10"), Word("b"), Word("2"))


def _walk(node: object):
    if isinstance(node, dict):
        yield node
        for v in node.values():
            yield from _walk(v)
    elif isinstance(node, list):
        for v in node:
            yield from _walk(v)


def test_builders_use_no_query_string_and_only_known_fields() -> None:
    body = querybuild.relevance(
        querybuild.Plan(parse('a "b c" -d (e OR f*) title:g body:"h i" 2017'))
    )
    text = json.dumps(body)
    for banned in ("query_string", "simple_query_string", "regexp", "script"):
        assert banned not in text
    fields = {"title", "body", "title.exact", "body.exact", "fields_of_work.text", "date"}
    fields |= set(querybuild.ENTITY_FIELDS)
    for node in _walk(body):
        for kind in ("match_phrase", "prefix", "range", "terms"):
            if kind in node:
                assert set(node[kind]) <= fields, node


def test_phrase_is_a_phrase_without_synonyms_or_fuzziness() -> None:
    # What must match is the phrase (stemmed, no synonyms, no typo tolerance); its words only
    # score, as plain words would.
    required = querybuild.clause(Phrase("media freedom"))["bool"]["must"]
    text = json.dumps(required)
    assert '"match_phrase"' in text and "fuzz" not in text and "osce_index" in text


def test_exclusion_goes_to_must_not() -> None:
    body = querybuild.relevance(querybuild.Plan(parse("election -Georgia")))
    inner = body["function_score"]["query"]["bool"]
    assert "Georgia" in json.dumps(inner["must_not"]) and "Georgia" not in json.dumps(inner["must"])


def test_dates_filter_or_boost() -> None:
    p = parse("ceasefire 2017")
    boosted = json.dumps(querybuild.build_query(p, date_filter=False))
    assert "2017-01-01" in boosted and '"filter": [{"range"' not in boosted
    restricted = querybuild.build_query(p, date_filter=True)
    span = {"gte": "2017-01-01", "lte": "2017-12-31"}
    assert restricted["bool"]["filter"] == [{"range": {"date": span}}]
    # The year itself is no word that must match.
    assert "2017" not in json.dumps(querybuild.relevance(querybuild.Plan(p, date_filter=True)))


def test_entities_boost_metadata_values() -> None:
    values = querybuild.entity_values(parse("ceasefire Mission to Skopje"))
    assert "mission to skopje" in values and "ceasefire" in values


def test_relaxations_leave_one_clause_out() -> None:
    options = querybuild.relaxations(parse("ceasefire Reykjavik -Georgia"))
    assert [d for d, _ in options] == ["ceasefire", "Reykjavik"]
    assert all(Not(Word("Georgia")) in p.clauses for _, p in options)
    assert querybuild.relaxations(parse("ceasefire")) == []


def test_map_words_corrects_inside_every_clause() -> None:
    p = parse('electon "humna rights" -Georgia title:ceasfire')
    fixes = {"electon": "election", "humna": "human", "ceasfire": "ceasefire"}
    assert p.map_words(lambda w: fixes.get(w, w)).text() == (
        'election "human rights" -Georgia title:ceasefire'
    )


#: The grammar's own pieces, to fuzz combinations rather than only random text.
PIECES = st.sampled_from(
    ["a", "media", "freedom", '"', "(", ")", "-", "OR", "NOT", "AND", "*", "title:", "body:",
     "source:", "country:", "field:", "x:", "2017", "2015-2017", "since", "before", "in", ":",
     '"media freedom"', "négot*", "||", "&&", "\\", "Ł", "😀"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(PIECES, st.sampled_from(["", " "])), max_size=14))
def test_grammar_fuzz_never_raises_and_is_stable(parts) -> None:
    q = "".join(p + sep for p, sep in parts)
    p = parse(q)
    text = p.text()
    assert parse(text).text() == text
    json.dumps(querybuild.relevance(querybuild.Plan(p)))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_any_text_parses(q: str) -> None:
    p = parse(q)
    assert parse(p.text()).text() == p.text()


def test_corrections_undo_few_typos() -> None:
    assert querybuild.edits("humna", "human") == 1 and querybuild.edits("truce", "trust") == 2
    assert querybuild.edits("negotations", "negotiations") == 1
    assert querybuild.edits("", "abc") == 3 and querybuild.edits("abc", "abc") == 0
    resp = {
        "suggest": {"spell0": [
            {"text": "truce", "options": [{"text": "trust", "score": 0.6, "freq": 9}]},
            {"text": "humna", "options": [{"text": "human", "score": 0.8, "freq": 3}]},
            {"text": "rights", "options": [{"text": "right", "score": 0.8, "freq": 3}]},
            {"text": "truse", "options": []},
        ]},
    }  # fmt: skip
    parsed = parse("truce humna rights truse")
    checks = querybuild.known_checks(resp, parsed)
    # Only words offered a correction are checked, each once, for one release holding it.
    assert [word for word, _ in checks] == ["truce", "humna", "rights"]
    assert all(body["terminate_after"] == 1 and body["size"] == 0 for _, body in checks)
    answers = [
        {"hits": {"total": {"value": 0}}},
        {"hits": {"total": {"value": 0}}},
        {"hits": {"total": {"value": 1}}},
    ]
    unknown = querybuild.unknown_words(checks, answers)
    assert unknown == {"truce", "humna"}
    # A failed check counts as known: no correction rather than a wrong one.
    failed = querybuild.unknown_words(checks, [{"error": "x"}, *answers[1:]])
    assert failed == {"humna"}
    # `truce` -> `trust` undoes two typos in a five-letter word: refused.
    assert querybuild.corrections(resp, unknown) == {"humna": "human"}
