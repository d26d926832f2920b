"""review19: a glossary table made by hand under a ``.txt`` name is built as an article page.

fd3692a knows a TSV/CSV table under a name that tells no format only by the header row termkit
writes (the languages, then ``pinyin domain status note id``), so that a page whose English
title opens ``AR, VR, and …`` is no longer refused as a CSV table. A table made by hand or in a
spreadsheet (``en<TAB>zh-Hant``, the header the CSV/TSV format documents), or a termkit export
whose empty columns were deleted, is not known either: ``build`` and ``extract`` read it as
page text, exit 0 and make keywords of its header and rows (``en``, ``zh-Hant``; a concept
pairing two of its cells). At fd3692a^ it was refused as "a TSV table, not article records".
A header whose every cell names a column (a language, a fixed or optional column, variants)
tells a table as well, and no title is made only of column names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.inprocess import invoke

TABLES = [
    "en\tzh-Hant\nlibrary\t圖書館\nreading promotion\t閱讀推廣\n",
    "en\tzh-Hant\tzh-Hans\tpinyin\tnote\nlibrary\t圖書館\t图书馆\ttúshūguǎn\t\n",
    "en,zh-Hant\nlibrary,圖書館\nreading promotion,閱讀推廣\n",
]


@pytest.mark.parametrize("table", TABLES)
def test_a_hand_made_table_under_a_txt_name_is_no_page(table: str, tmp_path: Path) -> None:
    path = tmp_path / "terms.txt"
    path.write_text(table, encoding="utf-8")
    code, _out, err = invoke("build", path, "-o", tmp_path / "out", cwd=tmp_path)
    assert code == 1
    assert "table, not article records" in err
