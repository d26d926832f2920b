"""Rendering findings: readable text, JSON (stable schema) and JUnit XML for CI systems.

Text, for a translator going through the files unit by unit: each unit with findings once,
in report order (file, then unit), as ``FILE:LINE: [unit ID]``, its source and target excerpts
with every finding's span marked «like this» (a long text shows a window around each mark),
then its findings one a line, ``CHECK (SEVERITY): message``; a finding outside any unit (a
syntax error) is one line, ``FILE:LINE:COL: CHECK (SEVERITY): message``. The report ends with
the count of each check that found something (in the order of
:data:`~termkit.check.findings.CHECKS`, with what it finds) and a summary line.

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


def excerpt_spans(text: str, spans: Sequence[tuple[int, int]], width: int = _WINDOW) -> str:
    """:func:`excerpt` with several spans marked: overlapping spans are one mark, each mark
    gets its window of context, and windows that meet are one (``…`` where text is left out).

    With one span it is :func:`excerpt` of that span; with none, the start of the text.
    """
    marks: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):
        if marks and start < marks[-1][1]:
            marks[-1] = (marks[-1][0], max(marks[-1][1], end))
        else:
            marks.append((start, end))
    if len(marks) < 2:
        return excerpt(text, marks[0] if marks else None, width)
    windows: list[tuple[int, int, list[tuple[int, int]]]] = []
    for start, end in marks:
        left, right = max(0, start - width), min(len(text), end + width)
        if windows and left <= windows[-1][1]:
            windows[-1][2].append((start, end))
            windows[-1] = (windows[-1][0], max(windows[-1][1], right), windows[-1][2])
        else:
            windows.append((left, right, [(start, end)]))
    out = ["…" if windows[0][0] > 0 else ""]
    for i, (left, right, inside) in enumerate(windows):
        if i:
            out.append("…")
        pos = left
        for start, end in inside:
            out += [_flat(text[pos:start]), "«", _flat(text[start:end]), "»"]
            pos = end
        out.append(_flat(text[pos:right]))
    out.append("…" if windows[-1][1] < len(text) else "")
    return "".join(out)


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


def _unit_key(f: Finding) -> tuple[object, ...]:
    """What the findings of one unit's segment share (its texts included: each plural form
    of a PO entry is a text of its own)."""
    return (f.path, f.index, f.line, f.column, f.unit, f.source_lang, f.target_lang,
            f.source, f.target)


def render_text(summary: Summary) -> str:
    """The readable report: each unit once, its findings under it (see the module docstring)."""
    lines: list[str] = []
    units: dict[tuple[object, ...], list[Finding]] = {}
    for f in summary.findings:
        units.setdefault(_unit_key(f), []).append(f)
    for group in units.values():
        first = group[0]
        if not (first.source or first.target or first.unit is not None):
            lines.extend(f"{_where(f)} {f.check} ({f.severity.value}): {f.message}" for f in group)
            continue
        if lines and lines[-1]:
            lines.append("")  # after syntax errors
        lines.append(_where(first))
        source_spans = [f.source_span for f in group if f.source_span is not None]
        target_spans = [f.target_span for f in group if f.target_span is not None]
        lines.append(f"  source [{first.source_lang}]: {excerpt_spans(first.source, source_spans)}")
        lines.append(f"  target [{first.target_lang}]: {excerpt_spans(first.target, target_spans)}")
        lines.extend(f"  {f.check} ({f.severity.value}): {f.message}" for f in group)
        lines.append("")
    by_check, by_sev = counts(summary.findings)
    if summary.findings and lines[-1] != "":
        lines.append("")
    for check, info in CHECKS.items():
        if by_check[check]:
            lines.append(f"{check} ({info.severity.value}): {by_check[check]} — {info.description}")
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
