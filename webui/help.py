"""`GET /help`: the search box's syntax with examples, each a link that runs it."""

from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("help", __name__)

#: (what to type, what it does, an example to run). The grammar lives in webui.querylang.
SYNTAX: list[tuple[str, str, str]] = [
    (
        "words",
        "Releases with all of one or two words, and most of three or more.",
        "ceasefire Donbas",
    ),
    (
        '"exact phrase"',
        "The words in this order (plural or singular alike; no synonyms, no typo tolerance).",
        '"media freedom"',
    ),
    ('-word, -"phrase"', "Leave out releases mentioning the word or phrase.", "election -Georgia"),
    (
        "a OR b",
        "Either word (or group) is enough; OR is written in capitals.",
        "ceasefire OR truce",
    ),
    ("( )", "Group words, to combine OR with other words.", "(ceasefire OR truce) Ukraine"),
    ("prefix*", "Words starting with the prefix (two letters or more).", "negot*"),
    ("title:word", 'The word (or "phrase") in the title.', "title:elections"),
    ("body:word", 'The word (or "phrase") in the text.', 'body:"human rights"'),
    (
        "source:",
        "Releases from this office or mission: the same as the Source filter.",
        'source:"Mission to Serbia"',
    ),
    (
        "country:",
        "Releases about this participating State: the Country filter.",
        "country:Ukraine ceasefire",
    ),
    ("place:", "Releases issued in this place: the Place filter.", "place:Vienna"),
    ("type:", "Press release, news, statement...: the Type filter.", 'type:"Press release"'),
    ("field:", "A field of work: the Field of work filter.", 'field:"Gender equality"'),
    (
        "2017",
        "A year: releases from that year when the rest finds some then (else that year first).",
        "ceasefire 2017",
    ),
    ("2015-2017, 2015..2017", "A range of years.", "elections 2015-2017"),
    (
        "since 2020, before 2010, in 2019",
        "From a year on, before a year, within a year.",
        "media freedom since 2020",
    ),
]

NOTES = [
    'Quote a value with spaces after a prefix: source:"OSCE Mission to Skopje".',
    "Anything the box cannot read as syntax (an unmatched quote or bracket, an unknown prefix "
    "such as foo:, a lone - or *) is searched as plain words: a search never fails on syntax.",
    "A word no release contains is corrected to one that some release does contain; the page "
    "says so and offers the search as typed.",
    "When no release has all the words, the page shows the best search with one left out and "
    "says which.",
    "Names of participating States, offices and places (Ukraine, ODIHR, Skopje) favour releases "
    "about them without hiding others.",
]


@bp.get("/help")
def page():
    return render_template("help.html", syntax=SYNTAX, notes=NOTES)
