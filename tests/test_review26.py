"""review26: breaks found in the readers of real files from other tools (readersfresh) and in
keyword pairing and keyword-line tidying (real10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.inprocess import invoke

_CATALOG = ('msgid ""\nmsgstr ""\n"Language: {header}\\n"\n"Content-Type: text/plain; '
            'charset=UTF-8\\n"\n\nmsgid "File"\nmsgstr "檔案"\n')


@pytest.mark.parametrize(("name", "header", "said"), [
    # one tag names what the other leaves open: the same locale, narrower or wider
    ("zh_Hant.po", "zh_TW", False),
    ("zh_Hans.po", "zh_CN", False),
    ("zh.po", "zh_CN", False),
    ("zh_TW.po", "zh_Hant", False),
    ("zh-Hant-TW.po", "zh_TW", False),
    # a script or a region each names differently: a contradiction
    ("zh_Hant.po", "zh_CN", True),
    ("zh_HK.po", "zh_TW", True),
    ("zh-Hant-TW.po", "zh_HK", True),
    ("zh_TW.po", "en", True),
])
def test_a_name_and_header_that_only_differ_in_detail_do_not_contradict(
        tmp_path: Path, name: str, header: str, said: bool) -> None:
    """Weblate names Traditional Chinese catalogs zh_Hant.po; a header written by Poedit or by
    hand says zh_TW. That is the same language said more narrowly, not a catalog copied from a
    sibling: before, every such catalog warned on import, tm import and check."""
    path = tmp_path / name
    path.write_text(_CATALOG.format(header=header), encoding="utf-8")
    code, _, err = invoke("check", path, "--checks", "wrong-script")
    assert code in (0, 1)
    assert ("but the file name says" in err) is said, err
