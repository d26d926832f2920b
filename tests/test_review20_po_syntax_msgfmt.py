"""review20: `check`'s PO syntax scan against `msgfmt -c`, the tool it says it follows.

README: "a PO file is scanned as `msgfmt -c` would before polib reads it (unterminated strings,
text without quotes, bad escapes, …, keywords out of order, duplicates); every error is a
`syntax` finding with line and column". Each case below is one entry after a valid header; the
oracle is whether `msgfmt -c` (GNU gettext) rejects the file. termkit agrees on most; it
disagrees on four:

* `msgstr "b" "c"` — two strings on one line; gettext concatenates them (`msgunfmt` gives
  `"bc"`), termkit cannot read the file: `Error: …: PO syntax error: unescaped double quote
  found` (polib's message), exit 2;
* a string continued with a backslash at the end of the line — gettext joins the lines,
  termkit reports "unterminated string";
* a `#` comment between `msgid` and `msgstr` — msgfmt: "missing 'msgstr' section" (pofilter
  refuses it too), termkit finds nothing and `import` turns the comment into a note;
* an obsolete `#~ msgid "a"` beside an active `msgid "a"` — msgfmt: "duplicate message
  definition", termkit finds nothing.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import require_tool
from tests.inprocess import invoke

HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
          '"Language: zh_CN\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n\n')

AGREE = {
    "bad-escape": 'msgid "a"\nmsgstr "\\q"\n',
    "no-msgstr": 'msgid "a"\n',
    "two-msgctxt": 'msgctxt "x"\nmsgctxt "y"\nmsgid "a"\nmsgstr "b"\n',
    "plural-without-index": 'msgid "a"\nmsgid_plural "as"\nmsgstr "b"\n',
    "index-without-plural": 'msgid "a"\nmsgstr[0] "b"\n',
    "unterminated": 'msgid "a\nmsgstr "b"\n',
    "duplicate": 'msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n',
    "octal-and-hex": 'msgid "\\x41"\nmsgstr "\\101"\n',
    "garbage": 'msgid "a" garbage\nmsgstr "b"\n',
    "two-msgstr": 'msgid "a"\nmsgstr "b"\nmsgstr "c"\n',
    "previous-msgid": '#| msgid "old"\nmsgid "a"\nmsgstr "b"\n',
    "blank-line-inside": 'msgid "a"\n\nmsgstr "b"\n',
}
DISAGREE = {
    "two-strings-one-line": 'msgid "a"\nmsgstr "b" "c"\n',
    "backslash-newline": 'msgid "ab\\\n"\nmsgstr "b"\n',
    "comment-inside-entry": 'msgid "a"\n# comment in the middle\nmsgstr "b"\n',
    "obsolete-duplicate": 'msgid "a"\nmsgstr "b"\n#~ msgid "a"\n#~ msgstr "c"\n',
}


def verdicts(tmp_path: Path, body: str) -> tuple[bool, bool]:
    """(msgfmt -c rejects the file, termkit reports it: a syntax finding or an input error)."""
    po = tmp_path / "case.zh_CN.po"
    po.write_text(HEADER + body, encoding="utf-8")
    done = subprocess.run([require_tool("msgfmt"), "-c", "-o", "/dev/null", str(po)],
                          capture_output=True, text=True, check=False)
    code, out, err = invoke("check", "--checks", "syntax", "--json", po)
    if code == 2:
        return done.returncode != 0, True
    assert code in (0, 1), err
    return done.returncode != 0, bool(json.loads(out)["findings"])


@pytest.mark.parametrize("name", sorted(AGREE))
def test_termkit_agrees_with_msgfmt(tmp_path: Path, name: str) -> None:
    rejected, reported = verdicts(tmp_path, AGREE[name])
    assert reported == rejected


@pytest.mark.parametrize("name", sorted(DISAGREE))
def test_termkit_agrees_with_msgfmt_on_edge_cases(tmp_path: Path, name: str) -> None:
    rejected, reported = verdicts(tmp_path, DISAGREE[name])
    assert reported == rejected
