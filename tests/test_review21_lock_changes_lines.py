"""review21: `convert -g` changes the number of lines of a text when a concept's forms break
their lines differently.

3021fda locks a glossary form holding a line break "where it stands whole with that break".
When the concept's form in the other script is printed on one line (a title one record prints
on two lines, another on one; build keeps each as printed), the lock writes that one-line form
in place of the two lines: `convert -c s2t` joins two lines of the text into one, so a 4-line
file comes out with 3 lines. The other way round (a one-line form locked to a two-line one)
`convert -c t2s` adds a line; that one is older than 3021fda (the two-line target was already
written). Plain OpenCC never changes the lines of a text, and `check`'s own `newlines` rule
("line breaks differ in number") rejects a translation unit converted so; a line-aligned file
pair (`check --pair`) no longer lines up.
"""

from __future__ import annotations

from termkit.convert import Converter
from termkit.model import Concept, Glossary, Kind, Status, Term

ONE_LINE_HANT = "女遊與女性自傳式書寫中的家國語藝──以《逆旅》、《漫遊者》、《海神家族》為分析對象"
TWO_LINES_HANS = "女游与女性自传式书写中的家国语艺\n──以《逆旅》、《漫游者》、《海神家族》为分析对象"


def glossary() -> Glossary:
    return Glossary([Concept("c1", kind=Kind.TITLE, terms=[
        Term(ONE_LINE_HANT, "zh-Hant", origin="record", status=Status.PREFERRED),
        Term(TWO_LINES_HANS, "zh-Hans", origin="record", status=Status.PREFERRED)])])


def lines(config: str, form: str) -> tuple[int, int]:
    text = f"第一行\n{form}\n第三行\n"
    return text.count("\n"), Converter(config, glossary()).convert(text).count("\n")


def test_a_title_broken_alike_in_both_scripts_is_locked() -> None:
    """What holds: a two-line form whose target breaks at the same place locks (3021fda)."""
    two_hant = ONE_LINE_HANT.replace("──", "\n──", 1)
    g = Glossary([Concept("c1", kind=Kind.TITLE, terms=[
        Term(two_hant, "zh-Hant", origin="record", status=Status.PREFERRED),
        Term(TWO_LINES_HANS, "zh-Hans", origin="record", status=Status.PREFERRED)])])
    assert two_hant in Converter("s2t", g).convert(f"第一行\n{TWO_LINES_HANS}\n第三行\n")


def test_s2t_keeps_the_lines() -> None:
    before, after = lines("s2t", TWO_LINES_HANS)
    assert after == before


def test_t2s_keeps_the_lines() -> None:
    before, after = lines("t2s", ONE_LINE_HANT)
    assert after == before
