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

from termkit import lang
from termkit.formats import mediawiki
from termkit.io import atomic_binary, read_bytes
from termkit.model import Concept, Glossary

# Concept prop: each form's verdict (safe in any text, or topic only) and the evidence.
EVIDENCE_PROP = "lock-evidence"

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


def build_regional(folder: str, *, assess: bool = True) -> Glossary:
    """Read every conversion group JSON in ``folder`` (sorted by name) into one glossary.

    A rule found in several groups is one concept with each group as a domain (its topics)
    and each group file as a source. With ``assess``, every concept gets the props
    ``lock-topic-only`` (the forms that lock only when a topic of the concept is switched
    on, as ``form@script``: the script of the text they are read in; left out when there is
    none) and ``lock-evidence`` (each form's verdict and reason),
    from :func:`termkit.convert.risk.assess`.
    """
    files = sorted(Path(folder).glob("*.json"))
    result = Glossary(header=dict(HEADER))
    seen: dict[str, Concept] = {}
    for f in files:
        # Sources name the group file only, so the output does not depend on where it lives.
        g = mediawiki.read_glossary(io.BytesIO(read_bytes(str(f))), f"cgroups/{f.name}")
        for c in g.concepts:
            c.domains = [f.stem]  # the topic: the group's file name (names inside may be untidy)
            first = seen.get(c.id)
            if first is None:
                seen[c.id] = c
                result.concepts.append(c)
                continue
            first.domains.extend(d for d in c.domains if d not in first.domains)
            first.sources.extend(s for s in c.sources if s not in first.sources)
        result.notices.extend(g.notices)
    if assess:
        for c in result.concepts:
            annotate(c)
    return result


# The direction each script's forms are judged in: to the main region of the other script.
_JUDGED = {"Hans": (("zh-Hant-TW", "s2twp"), ("zh-Hant-HK", "s2hkp")),
           "Hant": (("zh-Hans-CN", "tw2sp"),)}


def _same_in(text: str, script: str) -> bool:
    from termkit.convert.configs import opencc_converter

    return bool(opencc_converter("t2s" if script == "Hans" else "s2t").convert(text) == text)


def annotate(concept: Concept) -> None:
    """Set the concept's ``lock-topic-only`` and ``lock-evidence`` props (see build_regional)."""
    from termkit.convert.converter import TOPIC_ONLY_PROP, target_form
    from termkit.convert.risk import assess

    verdicts: dict[str, list[str]] = {}
    topical: list[str] = []
    for term in concept.terms:
        if not lang.is_chinese(term.lang) or not term.text:
            continue
        script = lang.script_of(term.lang)
        # A form reads as a source in every script it is written alike in (文件 is both).
        scripts = [sc for sc in _JUDGED if sc == script or script not in _JUDGED
                   or _same_in(term.text, sc)]
        for sc in scripts:
            for tag, config in _JUDGED[sc]:
                target = target_form(concept, tag)
                if target is None:
                    continue
                risk = assess(concept, term.text, target, config)
                level = "topic" if risk.topical else "any"
                verdicts.setdefault(term.text, []).append(f"{term.text} → {target}: {level}: {risk.reason}")
                if risk.topical and f"{term.text}@{sc}" not in topical:
                    topical.append(f"{term.text}@{sc}")
                break  # the first region with a form is the one judged
    if topical:
        concept.props[TOPIC_ONLY_PROP] = " ".join(topical)
    if verdicts:
        lines = [v for vs in verdicts.values() for v in dict.fromkeys(vs)]
        concept.props[EVIDENCE_PROP] = " | ".join(lines)


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
