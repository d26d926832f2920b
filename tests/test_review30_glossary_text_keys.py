"""review30: the glossary text format loses nothing a hand edit puts in it.

Its promise is that "a typo never loses data silently" (unknown keys are errors), but:
- a term attribute indented with a tab or one space (an editor's indentation, not the
  writer's two spaces) was read as the *concept's* key: `\\tstatus: preferred` under a term
  made the concept preferred and left the term a candidate;
- a key that holds one value, given twice in a concept or a term (two `status:` lines, two
  `note:` lines under a term, two `prop evidence:` lines), kept the last and dropped the
  other.

Oracle: the committed example glossary, written by termkit; re-indented by hand it must read
to the same glossary, and a key doubled in it must be refused at the second line.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from termkit.errors import FormatError
from termkit.formats.termkit_text import dumps, read_glossary
from tests.conftest import ROOT
from tests.inprocess import invoke

EXAMPLE = ROOT / "glossaries" / "example" / "glossary.txt"


def _read(text: str) -> object:
    return read_glossary(io.BytesIO(text.encode("utf-8")), "g.glossary.txt")


@pytest.mark.parametrize("indent", ["\t", " ", "   ", " \t"], ids=["tab", "one-space", "three", "mixed"])
def test_any_indentation_is_a_term_attribute(indent: str) -> None:
    text = EXAMPLE.read_text("utf-8")
    assert text.count("\n  ") > 10
    reindented = re.sub(r"(?m)^  ", indent, text)
    assert dumps(_read(reindented)) == dumps(_read(text))  # type: ignore[arg-type]


def test_a_tab_indented_status_is_the_terms(tmp_path: Path) -> None:
    (tmp_path / "g.glossary.txt").write_text(
        "# termkit glossary 1\n\n[c1]\nkind: term\nterm zh-Hant: 軟體\n\tstatus: preferred\n"
        "term en: software\n\tstatus: preferred\n", "utf-8")
    code, out, err = invoke("export", "g.glossary.txt", "--to", "json", "-o", "-", cwd=tmp_path)
    assert code == 0, err
    (concept,) = json.loads(out)["concepts"]
    assert {t["text"]: t["status"] for t in concept["terms"]} == {"軟體": "preferred",
                                                                   "software": "preferred"}


def _doubled(text: str, after: str, line: str) -> tuple[str, int]:
    """``text`` with ``line`` inserted after the first line equal to ``after``; the new line's
    number."""
    lines = text.split("\n")
    at = lines.index(after) + 1
    return "\n".join([*lines[:at], line, *lines[at:]]), at + 1


@pytest.mark.parametrize(("after", "line", "key"), [
    ("status: preferred", "status: candidate", "status"),
    ("kind: keyword", "kind: term", "kind"),
    ("  origin: record", "  origin: title", "origin"),
    ("  status: preferred", "  status: deprecated", "status"),
    ("prop evidence: dictionary", "prop evidence: position", "prop evidence"),
    ("  origin: record", "  note: checked\n  note: by a reviewer", "note"),
])
def test_a_single_valued_key_given_twice_is_refused(after: str, line: str, key: str) -> None:
    text = EXAMPLE.read_text("utf-8")
    doubled, lineno = _doubled(text, after, line)
    if "\n" in line:
        lineno += 1  # the second of the two inserted lines
    with pytest.raises(FormatError) as info:
        _read(doubled)
    assert info.value.line == lineno
    assert f"{key!r} is given twice" in info.value.message


def test_repeatable_keys_still_repeat() -> None:
    text = EXAMPLE.read_text("utf-8")
    assert re.search(r"(?m)^domain: .*\ndomain: ", text)  # the example repeats domain
    doubled, _ = _doubled(text, "kind: keyword", "note: one\nnote: two")
    glossary = _read(doubled)
    assert "note: one\nnote: two" in dumps(glossary)  # type: ignore[arg-type]


def test_the_cli_names_the_line(tmp_path: Path) -> None:
    doubled, lineno = _doubled(EXAMPLE.read_text("utf-8"), "status: preferred", "status: candidate")
    (tmp_path / "glossary.txt").write_text(doubled, "utf-8")
    code, out, err = invoke("lookup", "-g", "glossary.txt", "realism", cwd=tmp_path)
    assert code == 2 and out == ""
    assert err.startswith(f"Error: glossary.txt:{lineno}: 'status' is given twice"), err
