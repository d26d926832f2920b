"""review28: real thesis sources in thuthesis and njuthesis (``tests/data/records/
latex-templates``), read as their own fields say.

Oracle: the source's own structure: the keyword field's text split at the separator its
template's comment asks for (thuthesis: "关键词用英文逗号分隔"; njuthesis: Chinese keywords
"用中文全角分号隔开", English ones "用英文半角逗号隔开"), with ``\\&`` printing '&'.
"""

from __future__ import annotations

import re

import pytest

from termkit.records import detect_format, read_records
from tests.conftest import DATA

FOLDER = DATA / "records" / "latex-templates"


def _field(text: str, pattern: str) -> str:
    m = re.search(pattern, text)
    assert m is not None, pattern
    return m.group(1).replace("\\&", "&")


@pytest.mark.parametrize(("name", "zh", "en", "sep_zh"), [
    ("thuthesis-postdoc-abstract.cut.tex", r"keywords = \{([^}]*)\}", r"keywords\* = \{([^}]*)\}",
     ","),
    ("thuthesis-chao-abstract.cut.tex", r"keywords = \{([^}]*)\}", r"keywords\* = \{([^}]*)\}",
     ","),
    ("njuthesis-2018-sample.cut.tex", r"\\keywords\{([^}]*)\}", r"\\englishkeywords\{([^}]*)\}",
     "；"),
])
def test_a_real_thesis_sources_keywords_are_its_fields(name: str, zh: str, en: str,
                                                       sep_zh: str) -> None:
    path = FOLDER / name
    text = path.read_text(encoding="utf-8")
    assert detect_format(str(path), text) == "latex"
    (record,) = read_records(str(path))
    assert record.keywords_zh == [k.strip() for k in _field(text, zh).split(sep_zh)]
    assert record.keywords_en == [k.strip() for k in _field(text, en).split(",")]


def test_the_njuthesis_sources_title_and_author_pair() -> None:
    path = FOLDER / "njuthesis-2018-sample.cut.tex"
    text = path.read_text(encoding="utf-8")
    (record,) = read_records(str(path))
    assert record.title_zh == _field(text, r"\\title\{([^}]*)\}")
    assert record.title_en == _field(text, r"\\englishtitle\{([^}]*)\}")
    assert [(p.zh, p.en) for p in record.authors] == [
        (_field(text, r"\\author\{([^}]*)\}"), _field(text, r"\\englishauthor\{([^}]*)\}"))]
