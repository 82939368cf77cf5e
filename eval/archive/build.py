"""Write the archive collection's text dumps from the hand-written records (reproducible).

`python -m eval.archive.build` rewrites eval/archive/releases/*.txt: the osce.org page chrome
(chrome.txt, copied verbatim from a seed), then type, title, the `- Label:` block and the body.
"""

from __future__ import annotations

import sys
from pathlib import Path

from eval.archive.records import RELEASES, Record

ARCHIVE_DIR = Path(__file__).resolve().parent
OUT_DIR = ARCHIVE_DIR / "releases"
CHROME = ARCHIVE_DIR / "chrome.txt"


def render(record: Record, chrome: str) -> str:
    """One release as an osce.org text dump, in the shape the seeds have."""
    lines = [chrome.rstrip("\n"), record.type, record.title, "- Date:"]
    if record.date:
        lines.append(f"- {record.date}")
    lines.append("- Place:")
    if record.place:
        lines.append(f"- {record.place}")
    lines.append("- Source:")
    if record.source:
        lines.append(f"- {record.source}")
    lines.append("- Fields of work:")
    lines.extend(f"- {field}" for field in record.fields)
    paragraphs = [" ".join(p.split()) for p in record.body.strip().split("\n\n") if p.strip()]
    lines.extend(paragraphs)
    return "\n".join(lines)


def main() -> int:
    """Regenerate every file; refuse duplicate stems so judgments stay unambiguous."""
    stems = [r.stem for r in RELEASES]
    duplicates = sorted({s for s in stems if stems.count(s) > 1})
    if duplicates:
        print(f"duplicate stems: {duplicates}", file=sys.stderr)
        return 1
    chrome = CHROME.read_text(encoding="utf-8")
    OUT_DIR.mkdir(exist_ok=True)
    for old in OUT_DIR.glob("*.txt"):
        old.unlink()
    for record in RELEASES:
        (OUT_DIR / f"{record.stem}.txt").write_text(render(record, chrome), encoding="utf-8")
    print(f"{len(RELEASES)} releases written to {OUT_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
