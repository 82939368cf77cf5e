"""The synthetic corpus: deterministic, varied, and parsed back to what was generated."""

from __future__ import annotations

from collections import Counter

from core import schema
from devtools import synth
from indexer.extract import parse_bytes, parse_file


def test_same_seed_same_files_other_seed_other_files(tmp_path) -> None:
    a = synth.write_corpus(tmp_path / "a", 30, seed=7)
    b = synth.write_corpus(tmp_path / "b", 30, seed=7)
    c = synth.write_corpus(tmp_path / "c", 30, seed=8)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    assert [p.name for p in a] == [p.name for p in b] != [p.name for p in c]


def test_release_depends_only_on_seed_and_number() -> None:
    assert synth.make_release(3, 41).text == synth.make_release(3, 41).text
    assert synth.make_release(3, 41).text != synth.make_release(3, 42).text


def test_generated_releases_parse_back_to_their_truth() -> None:
    for i in range(300):
        made = synth.make_release(0, i)
        release = parse_bytes(made.text.encode(), made.name)
        assert release.valid, (made.name, release.error)
        got = (release.type, release.title, release.date, release.place, release.source)
        assert got == (made.type, made.title, made.date, made.place, made.source), made.name
        assert (release.sources, release.closed_sources) == (made.sources, made.closed_sources)
        assert release.fields_of_work == made.fields_of_work
        assert release.body == made.body, "navigation or a dateline leaked into the body"


def test_html_pages_parse_to_the_same_release_as_their_dump() -> None:
    for i in range(200):
        made = synth.make_release(1, i)
        text = parse_bytes(made.text.encode(), made.name)
        page = parse_bytes(synth.render_html(made, 1).encode(), made.slug + ".html")
        assert page.valid, (made.name, page.error)
        assert schema.doc_id(page) == schema.doc_id(text), made.name
        want = (made.type, made.date, made.place, made.sources, made.fields_of_work)
        got = (page.type, page.date, page.place, page.sources, page.fields_of_work)
        assert got == want, made.name


def test_archive_shapes_are_all_drawn() -> None:
    made = [synth.make_release(0, i) for i in range(600)]
    assert {m.type for m in made} == set(synth.TYPES)
    assert sum(len(m.sources) > 1 for m in made) > 60 and any(m.closed_sources for m in made)
    assert any(m.date is None for m in made) and any(m.place is None for m in made)
    shapes = {m.dateline.split(",")[0].count("/") for m in made if m.dateline}
    assert shapes == {0, 1} and any(" – " in m.dateline.split(",")[0] for m in made)
    assert any(m.dateline.endswith("- ") and "–" not in m.dateline for m in made)
    assert any(not m.dateline for m in made) and any(m.labels == "new" for m in made)
    assert any(line.startswith("- ") for m in made for line in m.body)


def test_corpus_is_varied() -> None:
    made = [synth.make_release(0, i) for i in range(1000)]
    parsed = [parse_bytes(m.text.encode(), m.name) for m in made]
    states = Counter(c for r in parsed for c in r.countries)
    years = {m.date[:4] for m in made if m.date}
    lengths = [len(m.text) for m in made]
    assert len(states) >= 45, "few participating States are mentioned"
    assert min(years) == "1995" and max(years) == "2026" and len(years) == 32
    assert len({m.place for m in made}) >= 40 and len({m.source for m in made}) >= 15
    assert len({f for m in made for f in m.fields_of_work}) == len(synth.FIELDS_OF_WORK)
    assert max(lengths) > 3 * min(lengths)
    assert len({m.title for m in made}) > 900


def test_cli_writes_count_files(tmp_path, capsys) -> None:
    assert synth.main(["--count", "12", "--seed", "5", str(tmp_path / "out")]) == 0
    files = sorted((tmp_path / "out").rglob("*.txt"))
    assert len(files) == 12
    assert all(parse_file(f).valid for f in files)
    assert "wrote 12 releases" in capsys.readouterr().err
