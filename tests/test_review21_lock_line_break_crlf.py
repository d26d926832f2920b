"""review21: a glossary form holding a line break does not lock in a file with CRLF line ends.

3021fda: "a glossary form holding a line break (a two-line title, as build keeps it) locks where
it stands whole with that break, so convert -g writes the glossary's form". The break in the
glossary is a line feed; a text saved on Windows (Notepad, Word's plain text export, most
clients' files) breaks its lines with CR LF, which `convert` keeps as it reads them. There the
form is never found: `convert -c s2twp -g` writes plain OpenCC's 分析物件 inside the title where
the same text with LF line ends gets the glossary's 分析對象 — the title build kept, from a
real dev2 record (the one tests/test_convert_line_break.py uses).
"""

from __future__ import annotations

from pathlib import Path

from termkit.formats.termkit_text import dumps
from termkit.model import Concept, Glossary, Term
from tests.inprocess import invoke

TITLE_HANT = "女遊與女性自傳式書寫中的家國語藝\n──以《逆旅》、《漫遊者》、《海神家族》為分析對象"
TITLE_HANS = "女游与女性自传式书写中的家国语艺\n──以《逆旅》、《漫游者》、《海神家族》为分析对象"


def convert(tmp_path: Path, newline: str) -> str:
    glossary = tmp_path / "title.glossary.txt"
    glossary.write_text(dumps(Glossary([Concept("c1", kind="title", terms=[
        Term(TITLE_HANT, "zh-Hant", origin="record"),
        Term(TITLE_HANS, "zh-Hans", origin="opencc:t2s")])])), encoding="utf-8")
    text = tmp_path / "text.txt"
    text.write_bytes(f"題名：{TITLE_HANS}。\n".replace("\n", newline).encode("utf-8"))
    out = tmp_path / "out.txt"
    code, _, err = invoke("convert", "-c", "s2twp", "-g", glossary, text, "-o", out)
    assert (code, err) == (0, "")
    return out.read_bytes().decode("utf-8")


def test_with_line_feeds_the_title_locks(tmp_path: Path) -> None:
    """What holds: 3021fda's own case, through the command."""
    assert convert(tmp_path, "\n") == f"題名：{TITLE_HANT}。\n"


def test_with_crlf_the_title_locks_too(tmp_path: Path) -> None:
    assert convert(tmp_path, "\r\n") == f"題名：{TITLE_HANT}。\n".replace("\n", "\r\n")
