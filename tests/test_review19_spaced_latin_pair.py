"""review19: two one-word Latin names ending a single-spaced 關鍵詞 field are joined as one.

977dead keeps a Latin run at the end of a single-spaced Chinese keyword field whole when, so
kept, the field has as many items as the English field and split it would not (``智慧家庭
深度學習 Raspberry Pi`` beside three English items). The count is the only evidence, and two
products named side by side meet it as well whenever the English list renders them as one
item (``問卷分析 統計軟體 Excel SPSS`` beside ``questionnaire analysis; statistical software;
spreadsheet``): since 977dead ``Excel SPSS`` is one Chinese keyword; four at 977dead^.
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records


@pytest.mark.xfail(strict=True, reason="review19: 977dead keeps the run whole on the item "
                   "counts alone, which cannot tell a two-word name (Raspberry Pi) from two "
                   "names side by side (Excel SPSS, Unity Vuforia)")
@pytest.mark.parametrize(("zh", "run", "english"), [
    ("問卷分析 統計軟體", ["Excel", "SPSS"], "questionnaire analysis; statistical software; spreadsheet"),
    ("擴增實境 行動學習", ["Unity", "Vuforia"], "augmented reality; mobile learning; game engine"),
])
def test_two_names_ending_a_spaced_field_stay_two(zh: str, run: list[str], english: str) -> None:
    page = (f"題名：行動擴增實境導覽系統之建置\n作者：黃建國；吳淑芬\n"
            f"關鍵詞：{zh} {' '.join(run)}\n"
            f"Keywords: {english}\n")
    (rec,) = parse_records(page.encode("utf-8"), "page.txt")
    assert rec.keywords_zh == [*zh.split(), *run]
