"""Reading what ``termkit check`` checks: translation files and line-aligned text pairs.

Translation files (PO, TMX, XLIFF, TSV/CSV) go through the format registry
(:func:`termkit.formats.detect`). A pair of plain-text files is read here: line *n* of the
source file and line *n* of the target file form unit *n* (blank lines in both are skipped;
the files must have the same number of lines).

Errors do not stop the run: each file is read on its own and an unreadable or malformed file
becomes a :class:`~termkit.errors.TermkitError` in the returned list, after the units that
were read before the error (those are real and still checked).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from termkit import formats
from termkit.check import findings as F
from termkit.check.findings import Finding
from termkit.errors import InputError, TermkitError, UnknownFormatError
from termkit.formats.po_syntax import PoSyntaxError
from termkit.io import check_readable, open_input, read_bytes
from termkit.model import Notice, Source, Unit, Variant


@dataclass(slots=True)
class Inputs:
    """Units read from the inputs (as ``(path, position, unit)``), the errors met, and the
    syntax errors of files that could still be read (as findings)."""

    units: list[tuple[str, int, Unit]] = field(default_factory=list)
    errors: list[TermkitError] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    syntax: list[Finding] = field(default_factory=list)
    # What reading a file calls for saying (a PO Language header its file name contradicts).
    notices: list[Notice] = field(default_factory=list)


def syntax_finding(path: str, error: PoSyntaxError) -> Finding:
    """A PO syntax error as a finding (``syntax``, or ``plurals`` for a count of forms)."""
    check = F.PLURALS if error.kind == "plurals" else F.SYNTAX
    return Finding(
        check=check,
        severity=F.CHECKS[check].severity,
        path=path,
        line=error.line,
        unit=None,
        source_lang=None,
        target_lang=None,
        source="",
        target="",
        message=error.message,
        column=error.column,
        index=-1,
    )


def _decode(data: bytes, path: str) -> str:
    from termkit.textio import decode_text

    return decode_text(data, path)[0]


def pair_units(
    source_path: str, target_path: str, *, source_lang: str | None, target_lang: str | None
) -> Iterator[Unit]:
    """Units of a line-aligned pair of text files; languages guessed from the text if not given."""
    from termkit.check.matching import has_han

    src_lines = _decode(read_bytes(source_path), source_path).split("\n")
    tgt_lines = _decode(read_bytes(target_path), target_path).split("\n")
    # A final newline is not an extra line.
    for lines in (src_lines, tgt_lines):
        if lines and lines[-1] == "":
            lines.pop()
    if len(src_lines) != len(tgt_lines):
        shorter = min(len(src_lines), len(tgt_lines))
        raise InputError(
            f"{len(tgt_lines)} lines but the source {source_path} has {len(src_lines)}",
            path=target_path,
            line=shorter + 1,
            hint="line-aligned files need the same number of lines",
        )
    src_tag = source_lang or ("zh" if any(has_han(s) for s in src_lines) else "en")
    tgt_tag = target_lang or ("zh" if any(has_han(t) for t in tgt_lines) else "en")
    for n, (s, t) in enumerate(zip(src_lines, tgt_lines, strict=True), 1):
        if not s.strip() and not t.strip():
            continue
        yield Unit(
            id=str(n),
            variants=[Variant(src_tag, s), Variant(tgt_tag, t)],
            source_lang=src_tag,
            location=Source(target_path, n),
        )


def _has_units(fmt: formats.Format) -> bool:
    try:
        return fmt.can_read_units
    except ImportError:  # a format module that cannot load is not worth naming
        return False


def _file_units(path: str, fmt: str | None, syntax: list[PoSyntaxError],
                source_lang: str | None = None,
                notices: list[Notice] | None = None) -> Iterator[Unit]:
    check_readable(path)
    try:
        detected = formats.detect(path, fmt)
    except UnknownFormatError as exc:
        # The registry's hint names --format, which is the report format in `termkit check`.
        known = ", ".join(f.name for f in formats.formats() if _has_units(f))
        raise UnknownFormatError(
            exc.message,
            path=path,
            hint=f"pass --input-format (one of: {known}), or --pair SOURCE TARGET for plain text",
        ) from None
    if not detected.can_read_units:
        raise InputError(f"format {detected.name!r} has no translation units", path=path)
    if detected.name == "po":
        # PO syntax errors are findings; the entries that are whole are still checked. A
        # catalog names its msgid's language only in X-Source-Language: without it, the
        # msgids are in --source-lang (when given), not taken as English.
        import io

        from termkit.formats.po import iter_units

        yield from iter_units(io.BytesIO(read_bytes(path)), path, syntax=syntax,
                              source_lang=source_lang, notices=notices)
        return
    if path == "-":
        import io

        yield from detected.iter_units(io.BytesIO(read_bytes("-")), "-")
        return
    with open_input(path) as fh:
        yield from detected.iter_units(fh, path)


def read_inputs(
    paths: Sequence[str],
    *,
    pairs: Sequence[tuple[str, str]] = (),
    format: str | None = None,
    source_lang: str | None = None,
    target_lang: str | None = None,
) -> Inputs:
    """Read every file (and text pair); a bad file adds an error and the others still count."""
    result = Inputs()
    syntax: dict[str, list[PoSyntaxError]] = {p: [] for p in paths}
    jobs: list[tuple[str, Iterator[Unit]]] = [
        (p, _file_units(p, format, syntax[p], source_lang, result.notices)) for p in paths]
    jobs += [
        (t, pair_units(s, t, source_lang=source_lang, target_lang=target_lang)) for s, t in pairs
    ]
    for path, units in jobs:
        result.files.append(path)
        position = 0
        try:
            for unit in units:
                result.units.append((path, position, unit))
                position += 1
        except TermkitError as exc:
            result.errors.append(exc.at(path))
        except OSError as exc:  # a read failing half-way (device gone, permission changed)
            result.errors.append(InputError(f"cannot read: {exc.strerror or exc}", path=path))
        result.syntax += [syntax_finding(path, e) for e in syntax.get(path, [])]
    return result
