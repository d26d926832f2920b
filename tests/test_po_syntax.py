"""PO syntax errors before polib: every error with its line, msgfmt as the oracle.

``msgfmt --check-header`` (gettext) reads the same files; it must find a fatal error exactly
where the scanner does, on hand-made broken files and on single corruptions of the real
catalogs (which are all valid). Known, documented differences are listed next to each case.
"""

from __future__ import annotations

import io
import random
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from termkit.cli import cli
from termkit.errors import FormatError
from termkit.formats import po
from termkit.formats.po_syntax import blank_broken, scan

from .conftest import DATA, require_tool

SAMPLES = sorted((DATA / "check" / "po").glob("*.po"))
HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
)  # 5 lines: the entries below start on line 6

# (name, entries after the header, (line, column) the scanner reports, fragment of its
# message, line msgfmt reports or None when msgfmt accepts the file).
CASES = [
    ("garbage", 'msgid "a"\nmsgstr garbage\n', (7, 8), "unexpected text 'garbage'", 7),
    ("unterminated", 'msgid "a"\nmsgstr "x\n\nmsgid "b"\nmsgstr "y"\n', (7, 8), "unterminated", 8),
    # msgfmt names the line after an unterminated string (it notices at the next line).
    ("unterminated-eof", 'msgid "a"\nmsgstr "x', (7, 8), "unterminated", 7),
    ("backslash-at-end", 'msgid "a"\nmsgstr "x\\"\n', (7, 8), "unterminated", 8),
    ("bad-escape", 'msgid "a"\nmsgstr "bad \\q"\n', (7, 14), "invalid escape sequence \\q", 7),
    ("unicode-escape", 'msgid "a"\nmsgstr "\\u00e9"\n', (7, 10), "invalid escape", 7),
    ("eot-escape", 'msgid "a"\nmsgstr "\\x04"\n', (7, 12), "EOT", 7),
    # msgfmt accepts NUL and cuts the string there in the .mo; termkit refuses it.
    ("nul-escape", 'msgid "a"\nmsgstr "x\\0y"\n', (7, 11), "NUL character", None),
    ("nul-byte", 'msgid "a"\nmsgstr "x\x00y"\n', (7, 10), "NUL byte", None),
    ("plural-without-msgid_plural", 'msgid "a"\nmsgstr[0] "x"\n', (6, None), "without msgid_plural", 6),
    ("plain-msgstr-for-plural", 'msgid "a"\nmsgid_plural "as"\nmsgstr "x"\n', (8, 1), "msgstr[0]", 8),
    ("beyond-nplurals", 'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[1] "y"\nmsgstr[2] "z"\n', (8, None), "nplurals=2", 8),
    ("fewer-than-nplurals", 'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\n', (8, None), "1 plural form", 8),
    ("index-not-from-0", 'msgid "a"\nmsgid_plural "as"\nmsgstr[1] "x"\nmsgstr[0] "y"\n', (8, 1), "first plural form", 8),
    ("msgstr-before-msgid", 'msgstr "x"\nmsgid "a"\nmsgstr "y"\n', (6, 1), "msgstr where a msgid", 6),
    ("msgid-without-msgstr", 'msgid "a"\n\nmsgid "b"\nmsgstr "y"\n', (6, None), "msgid without msgstr", 6),
    ("two-msgctxt", 'msgctxt "c"\nmsgctxt "d"\nmsgid "a"\nmsgstr "y"\n', (7, 1), "second msgctxt", 7),
    ("two-msgstr", 'msgid "a"\nmsgstr "x"\nmsgstr "y"\n', (8, 1), "msgstr where a msgid", 8),
    ("duplicate", 'msgid "a"\nmsgstr "x"\n\nmsgid "a"\nmsgstr "y"\n', (9, None), "duplicate", 9),
    ("unknown-keyword", 'msgid "a"\nmsgtsr "x"\n', (7, 1), "unknown keyword 'msgtsr'", 7),
    ("text-after-string", 'msgid "a"\nmsgstr "壞"掉"\n', (7, 11), "needs a backslash", 7),
    ("obsolete-unterminated", '#~ msgid "a"\n#~ msgstr "x\n', (7, 11), "unterminated", 8),
    ("previous-unterminated", '#| msgid "old\nmsgid "a"\nmsgstr "x"\n', (6, 10), "unterminated", 7),
    # msgfmt: "missing 'msgstr' section" at the msgid, then "syntax error" at the msgstr
    ("comment-inside", 'msgid "a"\n#, fuzzy\nmsgstr "x"\n', (6, None), "comment on line 7", 6),
    ("comment-after-msgctxt", 'msgctxt "c"\n# c\nmsgid "a"\nmsgstr "x"\n', (8, 1), "comment on line 7", 8),
    ("comment-before-string", 'msgid "a"\nmsgstr ""\n# c\n"x"\n', (9, 1), "comment on line 8", 9),
    ("inconsistent-obsolete", 'msgid "a"\n#~ msgstr "x"\n', (7, 1), "inconsistent use of #~", 7),
    ("obsolete-duplicate", 'msgid "a"\nmsgstr "x"\n#~ msgid "a"\n#~ msgstr "y"\n', (8, None), "duplicate", 8),
]


def as_msgfmt_lines(text: str) -> list[int]:
    """The scanner's error lines as msgfmt numbers them: it notices an unterminated string at
    the start of the next line (on the same line when the file ends there without a newline)."""
    lines = text.split("\n")
    return [
        e.line + 1
        if "unterminated" in e.message and e.line < len(lines)
        else e.line
        for e in scan(text).errors
    ]


def agree(ours: list[int], theirs: list[int]) -> None:
    """msgfmt's first error is one of ours, and each of ours is one of msgfmt's. msgfmt may
    report more: after an error its parser resynchronises and sometimes reports the same
    entry again (``missing 'msgstr' section`` for the msgid above a broken line)."""
    assert theirs and theirs[0] in ours, (ours, theirs)
    assert set(ours) <= set(theirs), (ours, theirs)


def msgfmt_errors(path: Path) -> list[int]:
    """Lines of msgfmt's fatal errors (the second line of two-line messages dropped)."""
    tool = require_tool("msgfmt")
    out = subprocess.run(
        [tool, "--check-header", "-o", "/dev/null", str(path)],
        capture_output=True, text=True, check=False,
    )
    lines = []
    for row in out.stderr.splitlines():
        m = re.match(re.escape(str(path)) + r":(\d+):(?:\d+:)? (.*)", row)
        if m is None or m.group(2).startswith("warning:"):
            continue
        # Two-line messages: keep the line of the message, not of the header or first copy.
        if m.group(2).startswith(("nplurals =", "...this is", "...but header")):
            continue
        lines.append(int(m.group(1)))
    assert (out.returncode != 0) == bool(lines), out.stderr
    return lines


@pytest.mark.parametrize(("name", "body", "where", "fragment", "msgfmt_line"), CASES, ids=[c[0] for c in CASES])
def test_broken_file_against_msgfmt(
    tmp_path: Path, name: str, body: str, where: tuple[int, int | None], fragment: str,
    msgfmt_line: int | None,
) -> None:
    text = HEADER + body
    path = tmp_path / f"{name}.po"
    path.write_bytes(text.encode("utf-8"))
    errors = scan(text).errors
    assert errors, "the scanner found nothing"
    first = next(e for e in errors if (e.line, e.column) == where)
    assert fragment in first.message
    found = msgfmt_errors(path)
    if msgfmt_line is None:
        assert found == []
    else:
        assert found[0] == msgfmt_line
        agree(as_msgfmt_lines(text), found)
    # The reader refuses it with the same location, before polib sees the text.
    with pytest.raises(FormatError) as info:
        list(po.iter_units(io.BytesIO(text.encode("utf-8")), "x.po"))
    assert (info.value.line, info.value.column) == (errors[0].line, errors[0].column)


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_real_catalogs_are_clean_for_both(path: Path) -> None:
    assert scan(path.read_text("utf-8")).errors == []
    assert msgfmt_errors(path) == []


def _corruptions(text: str, seed: int) -> list[tuple[str, str]]:
    """Single corruptions of a valid catalog: one per kind, at a random string line."""
    rng = random.Random(seed)
    lines = text.split("\n")
    strings = [i for i, line in enumerate(lines) if line.startswith(("msgstr ", '"')) and line.endswith('"') and i > 5]
    out = []
    for kind in ("drop-close", "unquote", "escape", "keyword", "drop-msgstr"):
        i = rng.choice(strings)
        new = list(lines)
        if kind == "drop-close":
            new[i] = new[i][:-1]
        elif kind == "unquote":
            new[i] = new[i].replace('"', "", 1) if new[i].startswith("msgstr") else "garbage " + new[i]
        elif kind == "escape":
            new[i] = new[i][:-1] + '\\q"'
        elif kind == "keyword":
            new[i] = "msgstrr" + new[i][6:] if new[i].startswith("msgstr ") else new[i]
        else:
            j = next((k for k in range(i, 0, -1) if new[k].startswith("msgstr")), None)
            if j is None:
                continue
            end = j + 1
            while end < len(new) and new[end].startswith('"'):
                end += 1
            del new[j:end]
        out.append((kind, "\n".join(new)))
    return out


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_single_corruptions_of_real_catalogs_agree_with_msgfmt(path: Path, tmp_path: Path) -> None:
    text = path.read_text("utf-8")
    tried = 0
    for kind, broken in _corruptions(text, seed=len(text)):
        if broken == text:
            continue
        tried += 1
        target = tmp_path / f"{kind}.po"
        target.write_text(broken, "utf-8")
        ours = as_msgfmt_lines(broken)
        theirs = msgfmt_errors(target)
        assert ours, kind
        agree(ours, theirs)
    assert tried >= 4


def test_broken_entries_are_blanked_and_the_rest_read() -> None:
    text = HEADER + 'msgid "a"\nmsgstr garbage\n\n# kept\nmsgid "b"\nmsgstr "好"\n\nmsgid "c"\nmsgstr "x\n'
    result = scan(text)
    assert [e.line for e in result.errors] == [7, 14]
    blanked = blank_broken(text, result.broken)
    assert blanked.count("\n") == text.count("\n")
    assert scan(blanked).errors == []
    syntax: list = []
    units = list(po.iter_units(io.BytesIO(text.encode()), "x.po", syntax=syntax))
    assert [(u.id, u.location.line if u.location else None) for u in units] == [("b", 9)]
    assert units[0].notes == ["kept"]
    assert [e.line for e in syntax] == [7, 14]


def test_cli_commands_fail_cleanly_with_the_location(tmp_path: Path) -> None:
    bad = tmp_path / "bad.zh_TW.po"
    bad.write_text(HEADER + 'msgid "a"\nmsgstr garbage\n', "utf-8")
    for args in (["import", str(bad), "-o", str(tmp_path / "g.txt")],
                 ["export", str(bad), "--to", "tmx", "-o", str(tmp_path / "g.tmx")],
                 ["convert", "-c", "s2tw", str(bad), "-o", str(tmp_path / "out.po")]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 1, (args, result.output)
        assert result.stderr.startswith(f"Error: {bad}:7:8: PO syntax error: unexpected text 'garbage'"), result.stderr
        assert "Traceback" not in result.output


@pytest.mark.parametrize(("body", "msgid", "msgstr"), [
    ('msgid "a"\nmsgstr "b" "c"\n', "a", "bc"),
    ('msgid "a"\nmsgstr ""\n"b" "c"\n', "a", "bc"),
    ('msgid "ab\\\ncd"\nmsgstr "x"\n', "abcd", "x"),
])
def test_what_gettext_joins_is_read_joined(tmp_path: Path, body: str, msgid: str,
                                           msgstr: str) -> None:
    """Two strings on one line and a string continued after a backslash: gettext joins them
    (msgfmt then msgunfmt, the oracle, gives the joined text); so does the reader."""
    path = tmp_path / "joined.po"
    path.write_text(HEADER + body, "utf-8")
    mo = tmp_path / "joined.mo"
    subprocess.run([require_tool("msgfmt"), "-o", str(mo), str(path)], check=True)
    back = subprocess.run([require_tool("msgunfmt"), str(mo)], capture_output=True, text=True,
                          check=True).stdout
    assert f'msgstr "{msgstr.encode("unicode_escape").decode()}"' in back
    units = list(po.iter_units(io.BytesIO(path.read_bytes()), str(path)))
    assert [(u.variants[0].text, u.variants[1].text) for u in units] == [(msgid, msgstr)]
    assert units[0].location is not None and units[0].location.line == 6
