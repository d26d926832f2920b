"""The cross-strait regional glossary: built from MediaWiki conversion groups, regenerable.

``python -m termkit.convert.regional [CGROUPS_DIR] [-o glossaries/cross-strait.glossary.txt]`` reads
every ``*.json`` conversion group in the folder (default ``../shared/data/cgroups``, the
copy from zhconv-rs documented in its PROVENANCE.md), merges them in file-name order and
writes the canonical termkit glossary text format with the attribution in its header. The
output depends only on the files' contents and names, so a test can regenerate and compare.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from termkit.formats import mediawiki
from termkit.io import atomic_binary, read_bytes
from termkit.model import Glossary

DEFAULT_SOURCE = "../shared/data/cgroups"
DEFAULT_OUTPUT = "glossaries/cross-strait.glossary.txt"

HEADER = {
    "title": "Cross-strait regional glossary (zh-CN / zh-TW / zh-HK / zh-SG / zh-MY / zh-MO)",
    "source": (
        "Chinese Wikipedia conversion groups (Module:CGroup/*), as scraped by zhconv-rs "
        "(github.com/Gowee/zhconv-rs @ b13469d7c247c5ef87a83bcdf1d7d892f09e66da, data/cgroups)"
    ),
    "license": "CC BY-SA 4.0",
    "attribution": "Chinese Wikipedia contributors; rules converted to termkit format by termkit.convert.regional",
    "generator": "python -m termkit.convert.regional ../shared/data/cgroups -o glossaries/cross-strait.glossary.txt",
}


def build_regional(folder: str) -> Glossary:
    """Read every conversion group JSON in ``folder`` (sorted by name) into one glossary."""
    files = sorted(Path(folder).glob("*.json"))
    result = Glossary(header=dict(HEADER))
    seen: set[str] = set()
    for f in files:
        # Sources name the group file only, so the output does not depend on where it lives.
        g = mediawiki.read_glossary(io.BytesIO(read_bytes(str(f))), f"cgroups/{f.name}")
        for c in g.concepts:
            if c.id not in seen:
                seen.add(c.id)
                result.concepts.append(c)
        result.notices.extend(g.notices)
    return result


def render(glossary: Glossary) -> bytes:
    """The glossary in the canonical termkit text format."""
    from termkit import formats

    buf = io.BytesIO()
    formats.get("termkit").write_glossary(glossary, buf)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (``python -m termkit.convert.regional``)."""
    ap = argparse.ArgumentParser(prog="python -m termkit.convert.regional", description=__doc__)
    ap.add_argument("source", nargs="?", default=DEFAULT_SOURCE, help="folder of cgroup JSON files")
    ap.add_argument("-o", "--output", default=DEFAULT_OUTPUT, help="glossary file to write ('-' = stdout)")
    args = ap.parse_args(argv)
    glossary = build_regional(args.source)
    data = render(glossary)
    with atomic_binary(args.output) as fh:
        fh.write(data)
    print(f"{len(glossary.concepts)} concepts, {len(glossary.notices)} notices -> {args.output}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
