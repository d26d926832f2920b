"""Mixed-script detection: Simplified characters in text declared Traditional, and the reverse.

Only characters that exist in one script count (see
:func:`termkit.opencc_data.script_only_chars`): 這 in Simplified text, 这 in Traditional
text. Characters shared by both scripts (台, 干, 里 …) are never reported, nor characters a
regional variant writes (Taiwan's 群, Hong Kong's 温: ``--expect hant`` says nothing of region). Positions are
1-based lines and columns counted in characters.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from termkit.convert.opencc_data import dictionary, script_only_chars
from termkit.errors import UsageError

EXPECT = ("hant", "hans")


@dataclass(frozen=True, slots=True)
class Finding:
    """One character of the wrong script."""

    line: int
    column: int
    char: str
    script: str  # the script the character belongs to: "Hans" or "Hant"
    suggestions: tuple[str, ...]  # OpenCC's candidates in the expected script

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready dict."""
        return {"line": self.line, "column": self.column, "char": self.char,
                "script": self.script, "suggestions": list(self.suggestions)}


def _check_expect(expect: str) -> str:
    value = expect.lower()
    if value not in EXPECT:
        raise UsageError(f"unknown script {expect!r}", hint="use --expect hant or --expect hans")
    return value


def detect_lines(lines: Iterable[str], expect: str) -> Iterator[Finding]:
    """Findings in a stream of lines (each may end with its newline), in text order."""
    want = _check_expect(expect)
    hans_only, hant_only = script_only_chars(regional=True)
    wrong = hans_only if want == "hant" else hant_only
    script = "Hans" if want == "hant" else "Hant"
    table = dictionary("STCharacters" if want == "hant" else "TSCharacters")
    for lineno, line in enumerate(lines, 1):
        if wrong.isdisjoint(line):
            continue
        for col, ch in enumerate(line, 1):
            if ch in wrong:
                yield Finding(lineno, col, ch, script, table.get(ch, ()))


def detect_chunks(chunks: Iterable[str], expect: str) -> Iterator[Finding]:
    """Findings in a text given as consecutive chunks cut anywhere (bounded memory).

    Same findings, lines and columns as :func:`detect_lines` over the same text.
    """
    want = _check_expect(expect)
    hans_only, hant_only = script_only_chars(regional=True)
    wrong = hans_only if want == "hant" else hant_only
    script = "Hans" if want == "hant" else "Hant"
    table = dictionary("STCharacters" if want == "hant" else "TSCharacters")
    line, column = 1, 0  # column: characters of the current line seen so far
    for chunk in chunks:
        if wrong.isdisjoint(chunk):
            breaks = chunk.count("\n")
            if breaks:
                line += breaks
                column = len(chunk) - chunk.rfind("\n") - 1
            else:
                column += len(chunk)
            continue
        for number, part in enumerate(chunk.split("\n")):
            if number:  # a newline ended the line before this part
                line += 1
                column = 0
            if not wrong.isdisjoint(part):
                for offset, ch in enumerate(part, column + 1):
                    if ch in wrong:
                        yield Finding(line, offset, ch, script, table.get(ch, ()))
            column += len(part)


def detect_text(text: str, expect: str) -> list[Finding]:
    """All findings in ``text`` (``expect`` is ``"hant"`` or ``"hans"``)."""
    return list(detect_lines(text.splitlines(), expect))
