"""MediaWiki conversion rules -> Glossary (read only).

Two inputs: conversion-group JSON as scraped from Chinese Wikipedia's ``Module:CGroup/*``
(``{"name", "description", "rules": [{"original": English or null, "conv": "zh-tw:…;zh-cn:…;"}]}``,
extension ``.cgroup.json``) and raw rule text, one or more ``-{zh-hans:…;zh-hant:…}-`` per
line (extension ``.rules.txt``).

Each bidirectional rule becomes one concept with a term per variant (``zh-tw`` ->
``zh-Hant-TW``, ``zh-hans`` -> ``zh-Hans``, ``zh`` -> ``zh``) and the English original when
the rule gives one. A rule with no original is usually a guard (東協助/东协助 stops 東協
matching inside 東協助); it is kept as a concept like any other, with a note. One-way rules
(``信道=>zh-tw:頻道``) become one concept per source text: the source as a deprecated ``zh``
term, the targets per variant, and the concept prop ``mediawiki-direction: one-way`` so the
converter applies them to their exact variants only (as MediaWiki does).
"""

from __future__ import annotations

import re
from typing import Any, BinaryIO

from termkit import jsonsafe
from termkit.errors import EncodingError, FormatError
from termkit.model import Concept, Glossary, Kind, Notice, Source, Status, Term, concept_id

VARIANTS: dict[str, str] = {
    "zh": "zh",
    "zh-hans": "zh-Hans",
    "zh-hant": "zh-Hant",
    "zh-cn": "zh-Hans-CN",
    "zh-sg": "zh-Hans-SG",
    "zh-my": "zh-Hans-MY",
    "zh-tw": "zh-Hant-TW",
    "zh-hk": "zh-Hant-HK",
    "zh-mo": "zh-Hant-MO",
}

ONE_WAY_PROP = "mediawiki-direction"  # same value as termkit.convert.ONE_WAY_PROP

_RULE_RE = re.compile(r"-\{(.*?)\}-", re.S)
_FLAGS_RE = re.compile(r"^\s*([A-Za-z\-;\s]{1,8})\|")
_WIKILINK_RE = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]]*)\]\]")
_ARROW_RE = re.compile(r"\s*(?:=>|⇒)\s*")


def _clean_original(original: str | None) -> str | None:
    if not original:
        return None
    text = _WIKILINK_RE.sub(r"\1", original)
    text = re.sub(r"\s+", " ", text).strip()
    return text or None


def parse_rule(conv: str) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]], list[str]]:
    """Split one rule into ``(variant, text)`` pairs, ``(source, variant, text)`` one-way parts,
    and parts that could not be understood."""
    both: list[tuple[str, str]] = []
    one_way: list[tuple[str, str, str]] = []
    bad: list[str] = []
    for raw in conv.split(";"):
        part = raw.strip()
        if not part:
            continue
        source: str | None = None
        arrow = _ARROW_RE.search(part)
        if arrow:
            source = part[: arrow.start()].strip()
            part = part[arrow.end():].strip()
        code, sep, text = part.partition(":")
        code = code.strip().lower()
        text = text.strip()
        if not sep or code not in VARIANTS or not text or source == "":
            bad.append(raw.strip())
            continue
        if source is None:
            both.append((code, text))
        else:
            one_way.append((source, code, text))
    return both, one_way, bad


def rule_concepts(
    conv: str, original: str | None, source: Source, group: str | None = None
) -> tuple[list[Concept], list[Notice]]:
    """The concepts one MediaWiki rule stands for (see the module docstring)."""
    both, one_way, bad = parse_rule(conv)
    notices = [
        Notice(f"ignored rule part {b!r}", source.path, source.line) for b in bad
    ]
    english = _clean_original(original)
    domains = [group] if group else []
    concepts: list[Concept] = []

    def _english(terms: list[Term]) -> None:
        if english:
            terms.append(Term(english, "en", origin="mediawiki"))

    if both:
        terms = [Term(text, VARIANTS[code], origin="mediawiki") for code, text in both]
        _english(terms)
        notes = [] if english else ["no English original (often a guard rule)"]
        concepts.append(
            Concept(
                id=concept_id(Kind.TERM, f"mediawiki\x1f{english or ''}\x1f{conv.strip()}"),
                kind=Kind.TERM,
                terms=terms,
                domains=list(domains),
                sources=[source],
                notes=notes,
            )
        )
    by_source: dict[str, list[tuple[str, str]]] = {}
    for src, code, text in one_way:
        by_source.setdefault(src, []).append((code, text))
    for src, targets in by_source.items():
        terms = [Term(src, "zh", status=Status.DEPRECATED, origin="mediawiki")]
        terms.extend(Term(text, VARIANTS[code], origin="mediawiki") for code, text in targets)
        _english(terms)
        concepts.append(
            Concept(
                id=concept_id(Kind.TERM, f"mediawiki\x1f{english or ''}\x1f{src}\x1f{conv.strip()}"),
                kind=Kind.TERM,
                terms=terms,
                domains=list(domains),
                sources=[source],
                props={ONE_WAY_PROP: "one-way"},
            )
        )
    if not both and not one_way and not bad:
        notices.append(Notice("empty rule", source.path, source.line))
    return concepts, notices


def _decode(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise EncodingError("not valid UTF-8", path=path, line=line, column=col) from None


def _add(glossary: Glossary, seen: set[str], concepts: list[Concept]) -> None:
    # Wikipedia groups repeat some rules verbatim; keep the first occurrence.
    for c in concepts:
        if c.id not in seen:
            seen.add(c.id)
            glossary.concepts.append(c)


def _read_groups(data: Any, path: str) -> Glossary:
    groups = data if isinstance(data, list) else [data]
    glossary = Glossary()
    seen: set[str] = set()
    names: list[str] = []
    for group in groups:
        if not isinstance(group, dict) or not isinstance(group.get("rules"), list):
            raise FormatError("expected a conversion group object with a 'rules' list", path=path)
        name = str(group.get("name") or "")
        names.append(name)
        for rule in group["rules"]:
            if not isinstance(rule, dict) or not isinstance(rule.get("conv"), str):
                raise FormatError(f"rule without a 'conv' string in group {name!r}", path=path)
            original = rule.get("original")
            concepts, notices = rule_concepts(
                rule["conv"],
                original if isinstance(original, str) else None,
                Source(path, record=name or None),
                name or None,
            )
            _add(glossary, seen, concepts)
            glossary.notices.extend(notices)
    glossary.header = {
        "source": f"MediaWiki conversion group(s) {', '.join(names)} ({path})",
        "license": "CC BY-SA 4.0, Chinese Wikipedia contributors",
    }
    return glossary


def _read_rules_text(text: str, path: str) -> Glossary:
    glossary = Glossary()
    seen: set[str] = set()
    for lineno, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        bodies = _RULE_RE.findall(line)
        if not bodies:
            if "-{" in line:
                raise FormatError("unterminated -{ rule (rules must end on their line)",
                                  path=path, line=lineno, column=line.index("-{") + 1)
            bodies = [stripped]
        for body in bodies:
            flags = _FLAGS_RE.match(body)
            if flags:
                if "R" in flags.group(1):  # -{R|…}- is raw text, not a rule
                    continue
                body = body[flags.end():]
            concepts, notices = rule_concepts(body, None, Source(path, lineno))
            if not concepts:
                raise FormatError(f"not a conversion rule: {body.strip()!r}", path=path, line=lineno)
            _add(glossary, seen, concepts)
            glossary.notices.extend(notices)
    glossary.header = {"source": f"MediaWiki conversion rules ({path})"}
    return glossary


def read_glossary(stream: BinaryIO, path: str) -> Glossary:
    """Read conversion-group JSON or ``-{…}-`` rule text into a Glossary."""
    text = _decode(stream.read(), path)
    if not text.strip():
        raise FormatError("empty file", path=path)
    if text.lstrip().startswith(("{", "[")):
        return _read_groups(jsonsafe.loads(text, path), path)
    return _read_rules_text(text, path)
