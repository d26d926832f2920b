"""Rendering findings: readable text, JSON (stable schema) and JUnit XML for CI systems.

Text: one section per check (in the order of :data:`~termkit.check.findings.CHECKS`), each
finding as ``FILE:LINE: [unit ID] message`` followed by the source and target excerpts with
the term marked «like this», then a summary line.

JSON (``"schema": "termkit-check/1"``; keys never change meaning within a schema version)::

    {"schema": "termkit-check/1",
     "files": [PATH, ...],
     "summary": {"files": N, "units": N, "findings": N, "input_errors": N, "baselined": N,
                 "by_check": {CHECK_ID: N, ...every check...},
                 "by_severity": {"error": N, "warning": N}},
     "findings": [{"check", "severity", "file", "line", "column", "unit", "source_lang",
                   "target_lang",
                   "message", "term", "found", "expected": [...], "concept",
                   "source", "target", "source_span": [START, END] | null,
                   "target_span": [START, END] | null}, ...],
     "errors": [{"file", "line", "column", "message"}, ...]}

Spans are character offsets (Python ``str`` indices, end exclusive) into ``source``/``target``.

JUnit: ``<testsuites>`` with one ``<testsuite>`` per input file; each finding is a
``<testcase>`` (``classname`` = file, ``name`` = check and unit) with a ``<failure>`` when its
severity is at or above the fail-on level, and passes (message in ``<system-out>``) below it;
a file without findings has one passing ``clean`` test case; an unreadable file has one
``<error>`` test case. ``tests``/``failures``/``errors`` attributes count these.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from termkit.check.findings import CHECKS, Finding, Severity
from termkit.errors import TermkitError

SCHEMA = "termkit-check/1"
_WINDOW = 24  # characters of context kept on each side of a marked term


@dataclass(slots=True)
class Summary:
    """What the report says about the run as a whole."""

    files: list[str]
    units: int
    findings: list[Finding]
    errors: list[TermkitError]
    baselined: int = 0  # findings hidden by --baseline
    notes: tuple[str, ...] = ()  # lines for the end of the report (settings that matter)


def _flat(text: str) -> str:
    return text.replace("\r", " ").replace("\n", "⏎").replace("\t", " ")


def excerpt(text: str, span: tuple[int, int] | None, width: int = _WINDOW) -> str:
    """``text`` cut around ``span`` with the span marked «…»; one line, ellipses where cut.

    Only the part shown is flattened: a unit of a million characters with thousands of
    findings costs each finding its window, not the whole text.
    """
    if span is None:
        return _flat(text) if len(text) <= 2 * width else _flat(text[: 2 * width]) + "…"
    start, end = span
    left = max(0, start - width)
    right = min(len(text), end + width)
    return (
        ("…" if left > 0 else "")
        + _flat(text[left:start])
        + "«"
        + _flat(text[start:end])
        + "»"
        + _flat(text[end:right])
        + ("…" if right < len(text) else "")
    )


def unit_label(unit: str | None, width: int = 40) -> str:
    """A unit id fit for one line: control characters (PO's msgctxt separator) shown as ``|``,
    long ids (PO ids are whole messages) cut with an ellipsis (only the part shown is read)."""
    if not unit:
        return ""
    text = unit.strip()
    cut = len(text) > width
    flat = "".join("|" if ord(c) < 32 else c for c in (text[: width - 1] if cut else text))
    return flat + "…" if cut else flat


def _where(f: Finding) -> str:
    loc = f.path if f.line is None else f"{f.path}:{f.line}"
    if f.line is not None and f.column is not None:
        loc += f":{f.column}"
    label = unit_label(f.unit)
    unit = f" [unit {label}]" if label else ""
    return f"{loc}:{unit}"


def counts(findings: Sequence[Finding]) -> tuple[dict[str, int], dict[str, int]]:
    """Findings per check (every check listed) and per severity."""
    by_check = dict.fromkeys(CHECKS, 0)
    by_sev = {s.value: 0 for s in (Severity.ERROR, Severity.WARNING)}
    for f in findings:
        by_check[f.check] = by_check.get(f.check, 0) + 1
        by_sev[f.severity.value] += 1
    return by_check, by_sev


def render_text(summary: Summary) -> str:
    """The readable report."""
    lines: list[str] = []
    groups: dict[str, list[Finding]] = {}
    for f in summary.findings:
        groups.setdefault(f.check, []).append(f)
    for check, info in CHECKS.items():
        group = groups.get(check)
        if not group:
            continue
        lines.append(f"{check} ({info.severity.value}): {len(group)} — {info.description}")
        for f in group:
            lines.append(f"  {_where(f)} {f.message}")
            if f.source or f.target or f.unit is not None:
                lines.append(f"    source [{f.source_lang}]: {excerpt(f.source, f.source_span)}")
                lines.append(f"    target [{f.target_lang}]: {excerpt(f.target, f.target_span)}")
        lines.append("")
    _by_check, by_sev = counts(summary.findings)
    n = len(summary.findings)
    tail = (
        f"{n} finding{'s' if n != 1 else ''} ({by_sev['error']} error(s), "
        f"{by_sev['warning']} warning(s)) in {len(summary.files)} file(s), {summary.units} unit(s)"
    )
    if summary.errors:
        tail += f"; {len(summary.errors)} file(s) could not be read"
    if summary.baselined:
        tail += f"; {summary.baselined} finding(s) hidden by the baseline"
    lines.extend(summary.notes)
    lines.append(tail)
    return "\n".join(lines) + "\n"


def finding_dict(f: Finding) -> dict[str, Any]:
    """One finding in the JSON schema."""
    return {
        "check": f.check,
        "severity": f.severity.value,
        "file": f.path,
        "line": f.line,
        "column": f.column,
        "unit": f.unit,
        "source_lang": f.source_lang,
        "target_lang": f.target_lang,
        "message": f.message,
        "term": f.term,
        "found": f.found,
        "expected": list(f.expected),
        "concept": f.concept,
        "source": f.source,
        "target": f.target,
        "source_span": list(f.source_span) if f.source_span else None,
        "target_span": list(f.target_span) if f.target_span else None,
    }


def error_dict(e: TermkitError) -> dict[str, Any]:
    """One input error in the JSON schema."""
    msg = e.message + (f"; {e.hint}" if e.hint else "")
    return {"file": e.path, "line": e.line, "column": e.column, "message": msg}


def as_json(summary: Summary) -> dict[str, Any]:
    """The whole report as JSON-ready data."""
    by_check, by_sev = counts(summary.findings)
    return {
        "schema": SCHEMA,
        "files": list(summary.files),
        "summary": {
            "files": len(summary.files),
            "units": summary.units,
            "findings": len(summary.findings),
            "input_errors": len(summary.errors),
            "baselined": summary.baselined,
            "by_check": by_check,
            "by_severity": by_sev,
        },
        "findings": [finding_dict(f) for f in summary.findings],
        "errors": [error_dict(e) for e in summary.errors],
    }


def render_json(summary: Summary) -> str:
    """The JSON report (UTF-8 text, keys in schema order, one trailing newline)."""
    return "".join(json_chunks(summary))


def json_chunks(summary: Summary) -> Iterator[str]:
    """The text of :func:`render_json` piece by piece, for writing it out as it is made: each
    finding repeats its unit's source and target, so a long unit with thousands of findings
    makes a report hundreds of times the size of the input, never held whole."""
    import json

    yield from json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(as_json(summary))
    yield "\n"


# Characters XML 1.0 cannot carry (C0 controls other than tab/newline/CR, surrogates, FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    """``text`` with characters XML cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def render_junit(summary: Summary, fail_on: Severity | None = Severity.ERROR) -> bytes:
    """The JUnit XML report (UTF-8 bytes); ``fail_on`` None makes every finding pass."""
    from lxml import etree

    root = etree.Element("testsuites", name="termkit check")
    totals = [0, 0, 0]  # tests, failures, errors
    errors_by_file: dict[str, list[TermkitError]] = {}
    for e in summary.errors:
        errors_by_file.setdefault(e.path or "-", []).append(e)
    paths = list(
        dict.fromkeys([*summary.files, *(f.path for f in summary.findings), *errors_by_file])
    )
    for path in paths:
        suite = etree.SubElement(root, "testsuite", name=_xml(path))
        tests = failures = errors = 0
        for f in (f for f in summary.findings if f.path == path):
            tests += 1
            label = unit_label(f.unit)
            unit = f" [unit {label}]" if label else ""
            line = f":{f.line}" if f.line is not None else ""
            case = etree.SubElement(
                suite, "testcase", classname=_xml(path), name=_xml(f"{f.check}{line}{unit}")
            )
            body = _xml(
                f"{f.message}\nsource: {excerpt(f.source, f.source_span)}\n"
                f"target: {excerpt(f.target, f.target_span)}"
            )
            if fail_on is not None and f.severity.rank >= fail_on.rank:
                failures += 1
                fail = etree.SubElement(case, "failure", message=_xml(f.message), type=f.check)
                fail.text = body
            else:
                etree.SubElement(case, "system-out").text = body
        for e in errors_by_file.get(path, []):
            tests += 1
            errors += 1
            case = etree.SubElement(suite, "testcase", classname=_xml(path), name="read")
            err = etree.SubElement(case, "error", message=_xml(str(e)), type=type(e).__name__)
            err.text = _xml(str(e))
        if tests == 0:
            tests = 1
            etree.SubElement(suite, "testcase", classname=_xml(path), name="clean")
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", str(errors))
        suite.set("skipped", "0")
        totals[0] += tests
        totals[1] += failures
        totals[2] += errors
    root.set("tests", str(totals[0]))
    root.set("failures", str(totals[1]))
    root.set("errors", str(totals[2]))
    data: bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)
    return data
