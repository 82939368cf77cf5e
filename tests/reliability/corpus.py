"""Synthetic press releases for fault tests: deterministic, distinct, parseable like the seeds."""

from __future__ import annotations

import random
from pathlib import Path

from core.release import Release

PLACES = ["VIENNA", "BAKU", "YEREVAN", "TBILISI", "KYIV", "CHISINAU", "WARSAW", "SKOPJE"]
SOURCES = ["Secretariat", "Minsk Group", "ODIHR", "Mission to Moldova", "HCNM", "RFoM"]
FIELDS = ["Elections", "Human rights", "Media freedom and development", "Rule of law", "Policing"]
WORDS = [
    "security",
    "co-operation",
    "dialogue",
    "ceasefire",
    "mission",
    "monitoring",
    "elections",
    "observers",
    "border",
    "training",
    "police",
    "reform",
    "media",
    "freedom",
    "minority",
    "rights",
    "tolerance",
    "trafficking",
    "cyber",
    "youth",
    "gender",
    "economy",
    "environment",
    "water",
    "energy",
    "confidence",
    "building",
    "ministerial",
    "council",
    "chair",
    "delegation",
    "conference",
    "report",
    "recommendations",
    "parliament",
    "court",
    "justice",
    "governance",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def release(i: int, tag: str = "synth") -> Release:
    """Release number i: its title carries tag and i, so every one gets its own id."""
    rnd = random.Random(f"{tag}-{i}")
    place = rnd.choice(PLACES)
    year, month, day = rnd.randint(2000, 2024), rnd.randint(1, 12), rnd.randint(1, 28)
    paragraphs = [
        " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(40, 90))).capitalize() + "."
        for _ in range(rnd.randint(2, 4))
    ]
    return Release(
        path=f"{tag}/{i:06d}.txt",
        type="Press release",
        title=f"{tag} release {i}: {' '.join(rnd.choice(WORDS) for _ in range(5))}",
        date=f"{year:04d}-{month:02d}-{day:02d}",
        place=place,
        source=rnd.choice(SOURCES),
        fields_of_work=[rnd.choice(FIELDS)],
        body=paragraphs,
    )


def as_text_dump(rel: Release) -> str:
    """The release in the seeds' text-dump layout, so `python -m indexer` parses it."""
    year, month, day = rel.date.split("-")
    dateline = f"{rel.place}, {int(day)} {MONTHS[int(month) - 1]} {year} – "
    lines = [
        "Press release",
        rel.title,
        "- Date:",
        "- Place:",
        f"- {rel.place}",
        "- Source:",
        f"- {rel.source}",
        "- Fields of work:",
        *[f"- {f}" for f in rel.fields_of_work],
        dateline + rel.body[0],
        *rel.body[1:],
    ]
    return "\n".join(lines) + "\n"


def write_files(directory: Path, start: int, count: int, tag: str = "synth") -> list[Release]:
    """Write releases start..start+count-1 as text files; returns them."""
    directory.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(start, start + count):
        rel = release(i, tag)
        (directory / f"{tag}-{i:06d}.txt").write_text(as_text_dump(rel), encoding="utf-8")
        out.append(rel)
    return out
