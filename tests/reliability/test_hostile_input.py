"""Whatever a client sends, the web side answers without a 5xx and never hands Elasticsearch syntax.

Property-based (hypothesis) over raw query strings, including Lucene syntax, regex bombs, deep
nesting, NUL bytes, invalid UTF-8 and huge values; then schemathesis from /api/openapi.json.
"""

from __future__ import annotations

import json
import string
from urllib.parse import quote, quote_from_bytes

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.specs.openapi import checks

from tests.reliability.summary import record
from webui import query, querylang
from webui.params import MAX_QUERY_CHARS, parse_search

LUCENE = [
    'title:foo AND body:"bar"',
    "*:*",
    "*",
    "?",
    "a OR b NOT c",
    "+must -not",
    "foo~",
    "foo~10",
    '"a b"~100000',
    "/.*/",
    "/(a+)+$/",
    "/[a-z]{1,100000}/",
    "/((((((((((a*)*)*)*)*)*)*)*)*)*)/",
    "a*b*c*d*e*f*g*h*",
    "*a*a*a*a*a*a*a*a*a*a*",
    "{!lucene}x",
    "[* TO *]",
    "date:[2020-01-01 TO *]",
    "_exists_:title",
    "_id:1 OR _index:*",
    "\\",
    '"',
    "'",
    "((((((((((((((((((((a))))))))))))))))))))",
    "(" * 120 + "a" + ")" * 120,
    "[" * 100,
    '&&||!(){}[]^"~*?:\\/',
    "title:(a OR (b AND (c OR (d AND (e OR f)))))",
    "a^1000000 b^-1",
    "\x00",
    "a\x00b",
    "%00",
    "\u202e\u200b\ufeff",
    "😀" * 60,
    "' OR 1=1 --",
    "${jndi:ldap://example.invalid/a}",
    "{{7*7}}",
    "../../etc/passwd",
    "script: doc['x'].value",
    " ".join(["and"] * 120),
    " ".join(f"w{i}" for i in range(60)),
    "a" * MAX_QUERY_CHARS,
    "a" * (MAX_QUERY_CHARS + 1),
    "x" * 100_000,
]
PARAMS = ["q", "page", "size", "sort", "from", "to", "fields_of_work", "source", "place"]
PARAMS += ["country", "type", "year", "unknown", "q[]", "__proto__"]
PATHS = ["/api/search", "/", "/api/suggest", "/api/search.csv", "/api/search.atom"]

#: Examples per property: drawn with a fixed seed (tests/conftest.py), enough to reach every
#: grammar rule and parameter several times; HYPOTHESIS_PROFILE=explore draws fresh ones.
GRAMMAR_EXAMPLES, PARAM_EXAMPLES, OPENAPI_EXAMPLES = 120, 120, 15
counts = {"tried": 0, "errors_5xx": 0}
grammar_counts = {"tried": 0, "errors_5xx": 0}


@pytest.fixture(scope="module")
def fuzz_client(es_url: str, seeded_alias: str):
    from webui import create_app

    app = create_app(
        {"TESTING": True, "ES_URL": es_url, "OSCE_ALIAS": seeded_alias, "OSCE_RATE_LIMIT": "off"}
    )
    APPS.append(app)
    yield app.test_client()
    record("fuzz_params", **counts)
    if grammar_counts["tried"]:
        record("fuzz_grammar", **grammar_counts)


#: The fuzzed apps: every Elasticsearch 400 they met (our own query rejected) is listed here.
APPS: list = []


def _rejected() -> list[str]:
    return [r for app in APPS for r in app.extensions["osce_es_rejected"]]


def _value() -> st.SearchStrategy[bytes]:
    """Raw bytes for one parameter value: hostile text, any text, or any bytes (bad UTF-8)."""
    return st.one_of(
        st.sampled_from(LUCENE).map(lambda s: s.encode("utf-8")),
        st.text(max_size=300).map(lambda s: s.encode("utf-8", "surrogatepass")),
        st.binary(max_size=300),
        st.integers().map(lambda i: str(i).encode()),
        st.sampled_from(["2020-02-30", "0000-01-01", "9999-12-31", "-1", "1e9", "NaN"]).map(
            str.encode
        ),
    )


def _check(client, path: str, raw_query: str) -> None:
    resp = client.get(f"{path}?{raw_query}")
    counts["tried"] += 1
    if resp.status_code >= 500:
        counts["errors_5xx"] += 1
    assert resp.status_code < 500, (path, raw_query[:300], resp.get_data(as_text=True)[:300])
    if resp.status_code == 400 and path.startswith("/api/"):
        assert resp.get_json()["error"], raw_query[:200]


#: Words the seed releases hold (so some grammar queries find something), the archive's names
#: with non-ASCII letters, and words the language treats specially when bare.
WORDS = ["security", "elections", "OSCE", "Baku", "co-operation", "Türkiye", "Київ", "Łódź"]
WORDS += ["ODIHR", "media", "a", "x1", "from", "since", "in", "AND", "NOT", "&&", "||"]


def query_grammar() -> st.SearchStrategy[str]:
    """Query strings drawn from the query language's grammar (webui.querylang, DESIGN.md §4):
    words and `word*` prefixes, "phrases", `-x` and `NOT x`, `OR`, (groups) nested past
    MAX_DEPTH, every FIELD: prefix (and unknown ones) before a value, a phrase or a group, and
    every year form (YEAR, YEAR-YEAR, YEAR..YEAR, since/before/after/in YEAR, out of range too),
    with any unicode word and stray syntax mixed in; the grammar's names come from the parser's
    own tables, so a field or date word added there is fuzzed too."""
    fields = sorted(querylang.FIELD_NAMES) + ["foo", "date", "_id", "*"]
    lo, hi = querylang.YEAR_MIN, querylang.YEAR_MAX
    year = st.integers(lo - 5, hi + 5).map(str)
    dash = st.sampled_from(["-", "..", "–", " - ", " .. "])
    years = st.one_of(
        year,
        st.tuples(year, dash, year).map("".join),
        st.tuples(st.sampled_from(sorted(querylang._DATE_WORDS)), year).map(" ".join),
    )
    word = st.one_of(
        st.sampled_from(WORDS),
        st.text(min_size=1, max_size=12),
        st.sampled_from(WORDS).map(lambda w: w[:3] + "*"),
    )
    phrase = st.lists(word, min_size=0, max_size=4).map(lambda ws: '"' + " ".join(ws) + '"')
    stray = st.sampled_from(['"', "(", ")", "-", "OR", "NOT", ":", "*", "“", "„", "\\", "~2"])
    leaf = st.one_of(word, phrase, years, stray)

    def extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        seq = st.lists(inner, min_size=1, max_size=4)
        group = seq.map(lambda ts: "(" + " ".join(ts) + ")")
        return st.one_of(
            st.tuples(st.sampled_from(["-", "NOT "]), inner).map("".join),
            st.tuples(st.sampled_from(fields), st.one_of(inner, group)).map(":".join),
            seq.map(" ".join),
            seq.map(" OR ".join),
            seq.map(" AND ".join),
            group,
        )

    return st.recursive(leaf, extend, max_leaves=16).map(lambda q: q[:MAX_QUERY_CHARS])


#: Parameters a search page's own links add: with these alone every grammar query is a 200.
PLAIN_EXTRAS = ["", "&years=all", "&correct=off", "&literal=1", "&source=ODIHR", "&sort=newest"]
PLAIN_EXTRAS += ["&country=T%C3%BCrkiye", "&page=2", "&size=5", "&from=2001-01-01"]


@settings(
    max_examples=GRAMMAR_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    path=st.sampled_from(PATHS),
    q=query_grammar(),
    plain=st.sampled_from(PLAIN_EXTRAS),
    extra=st.lists(st.tuples(st.sampled_from(PARAMS[1:]), _value()), max_size=2),
)
def test_grammar_queries_are_answered(fuzz_client, path: str, q: str, plain: str, extra) -> None:
    """A query from the grammar: with the page's own parameters it is a 200 (the language never
    refuses what was typed, DESIGN.md §4); with hostile ones added, no 5xx. Either way
    Elasticsearch never rejects what the app built (a rejection is a 500 in a TESTING app)."""
    raw = "q=" + quote(q, safe="") + plain
    if not extra:
        resp = fuzz_client.get(f"{path}?{raw}")
        grammar_counts["tried"] += 1
        grammar_counts["errors_5xx"] += resp.status_code >= 500
        assert resp.status_code == 200, (path, raw, resp.get_data(as_text=True)[:300])
        return
    raw += "".join(f"&{quote(k)}={quote_from_bytes(v, safe='')}" for k, v in extra)
    _check(fuzz_client, path, raw)


@settings(
    max_examples=PARAM_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    path=st.sampled_from(PATHS),
    pairs=st.lists(st.tuples(st.sampled_from(PARAMS), _value()), max_size=6),
)
def test_no_5xx_for_any_query_string(fuzz_client, path: str, pairs) -> None:
    raw = "&".join(f"{quote(k)}={quote_from_bytes(v, safe='')}" for k, v in pairs)
    _check(fuzz_client, path, raw)


@pytest.mark.parametrize("text", LUCENE)
def test_each_hostile_query_everywhere(fuzz_client, text: str) -> None:
    for path in [*PATHS, "/release/0123456789abcdef0123"]:
        _check(fuzz_client, path, "q=" + quote(text, safe=""))
        _check(fuzz_client, path, "q=" + quote(text, safe="") + "&place=" + quote(text, safe=""))


def test_long_query_is_refused_with_a_clear_message(fuzz_client) -> None:
    resp = fuzz_client.get("/api/search", query_string={"q": "a" * (MAX_QUERY_CHARS + 1)})
    assert resp.status_code == 400
    assert (
        "too long" in resp.get_json()["error"] and str(MAX_QUERY_CHARS) in resp.get_json()["error"]
    )
    page = fuzz_client.get("/", query_string={"q": "a" * 5000})
    assert page.status_code == 400 and "too long" in page.get_data(as_text=True)


def _keys(node: object) -> set[str]:
    if isinstance(node, dict):
        return set(node) | {k for v in node.values() for k in _keys(v)}
    if isinstance(node, list):
        return {k for v in node for k in _keys(v)}
    return set()


SYNTAX_QUERIES = {"query_string", "regexp", "wildcard", "script", "script_score"}


@settings(max_examples=300, deadline=None)
@given(q=st.one_of(st.sampled_from(LUCENE), st.text(alphabet=string.printable, max_size=256)))
def test_user_text_is_never_query_syntax(q: str) -> None:
    """The builders put the user's words only into analysed match queries, never a parser."""
    from werkzeug.datastructures import MultiDict

    try:
        params = parse_search(MultiDict({"q": q}))
    except ValueError:
        return
    bodies = [query.build_search(params), query.build_suggest(params.q[:100] or "a")]
    for body in bodies:
        assert not _keys(body) & SYNTAX_QUERIES, json.dumps(body)[:500]


# -- schemathesis: every operation the OpenAPI document describes --------------------------------
CONFORMANCE = [
    checks.response_schema_conformance,
    checks.content_type_conformance,
    checks.status_code_conformance,
]
openapi_counts = {"tried": 0, "errors_5xx": 0}


@pytest.fixture(scope="module")
def api_schema(es_url: str, seeded_alias: str):
    """The served OpenAPI document, loaded by schemathesis against the app in-process (WSGI)."""
    from webui import create_app

    app = create_app(
        {"TESTING": True, "ES_URL": es_url, "OSCE_ALIAS": seeded_alias, "OSCE_RATE_LIMIT": "off"}
    )
    APPS.append(app)
    yield schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    if openapi_counts["tried"]:
        record("fuzz_openapi", **openapi_counts)
    requests = counts["tried"] + openapi_counts["tried"]
    record("es_rejected", rejected=len(_rejected()), requests=requests)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_openapi_operations_never_5xx(api_schema, mode: GenerationMode) -> None:
    """Schemathesis cases for every operation, valid and invalid: none may get a 5xx."""
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/api/search", "/api/suggest"}
    for operation in operations:

        @settings(
            max_examples=OPENAPI_EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy(generation_mode=mode))
        def run(case) -> None:
            resp = case.call()
            openapi_counts["tried"] += 1
            if resp.status_code >= 500:
                openapi_counts["errors_5xx"] += 1
            assert resp.status_code < 500, (case.path, case.query, resp.text[:300])
            # The answer, whatever its status, must be what the document says it is.
            case.validate_response(resp, checks=CONFORMANCE)

        run()


def test_openapi_describes_every_api_route(es_url: str, seeded_alias: str) -> None:
    from webui import create_app
    from webui.openapi import flask_rule

    app = create_app({"TESTING": True, "ES_URL": es_url, "OSCE_ALIAS": seeded_alias})
    served = app.test_client().get("/api/openapi.json").get_json()
    described = {flask_rule(p) for p in served["paths"]}
    routes = {r.rule for r in app.url_map.iter_rules() if r.rule.startswith("/api/")}
    assert routes - described == set(), "undocumented /api/ routes"
    assert served["openapi"].startswith("3.")


def test_no_query_was_rejected_by_elasticsearch(fuzz_client, api_schema) -> None:
    """Runs after the fuzzers: the apps saw no Elasticsearch 400 (each would be our bug)."""
    assert _rejected() == []
