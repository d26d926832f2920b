"""review23 (fixed): breaks of today's page reading (7df997d parallel titles, 39ff0b6 Minguo dates).

Parallel titles: a catalogue prints ``Title = Parallel title`` (ISBD: space, sign, space), so
the sign says where the English title starts; the split still asked the English half to open
with a capital (``e-Learning``, ``iPad`` do not) and refused a title holding a second equals
sign of its own (``「一＝多」``, ``Y=aX+b``), so the whole line stayed the Chinese title.

Minguo dates: ``民國109年1月`` is read alone on its line and in NCL's ``卷期`` field, but not
inside a volume line, where Taiwanese journals print it most (``第27卷第1期(民國109年1月)``,
the Western ``第27卷第1期(2020年1月)`` is read).
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records
from termkit.records.fields import parse_volume
from tests.test_review22_ncl_volume_field import NCL_ROW


def _titles(title: str) -> tuple[str | None, str | None]:
    rec, = parse_records(NCL_ROW.replace("走過C型肝炎鄉=", title).encode("utf-8"), "ncl.txt")
    return rec.title_zh, rec.title_en


@pytest.mark.parametrize(("zh", "en"), [
    ("e化學習環境之建置研究", "e-Learning Environments in Taiwanese Schools"),
    ("iPad融入國小數學教學之研究", "iPad in Primary Mathematics Teaching"),
])
def test_a_parallel_title_opening_in_lower_case(zh: str, en: str) -> None:
    assert _titles(f"{zh} = {en}") == (zh, en)


@pytest.mark.parametrize(("zh", "en"), [
    ("「一＝多」之哲學研究", "The Philosophy of One Equals Many"),
    ("以 Y=aX+b 迴歸模型預測房價之研究", "Predicting House Prices with Y=aX+b"),
])
def test_a_parallel_title_holding_an_equals_sign(zh: str, en: str) -> None:
    assert _titles(f"{zh} = {en}") == (zh, en)


@pytest.mark.parametrize("title", ["E = mc2 的研究", "質能方程式 E = mc2 之教學"])
def test_what_holds_an_equals_sign_inside_a_title(title: str) -> None:
    assert _titles(title) == (title, None)


@pytest.mark.parametrize(("line", "date"), [
    ("第27卷第1期(民國109年1月)", "2020-01"),
    ("27卷1期 民國109年1月 頁1-20", "2020-01"),
    ("第27卷第1期 (民109.01)", "2020-01"),
    ("第27卷第1期 民109.01", "2020-01"),
    # letter-spaced, as Taiwanese title pages and theses print the era name
    ("第27卷第1期 中 華 民 國 109 年 1 月", "2020-01"),
    ("第27卷第1期（民 國 109 年 1 月）", "2020-01"),
])
def test_a_minguo_date_in_a_volume_line(line: str, date: str) -> None:
    vol = parse_volume(line)
    assert vol is not None and (vol.volume, vol.issue, vol.date) == ("27", "1", date)


@pytest.mark.parametrize("line", ["民109.01", "2020.01", "27卷1期 民國200年"])
def test_what_holds_no_volume_line(line: str) -> None:
    # a date alone is a date line, not a volume line; there is no Minguo year 200 yet
    assert parse_volume(line) is None


@pytest.mark.parametrize("line", ["第27卷第1期(2020年1月)", "27卷1期 2020年1月 頁1-20"])
def test_what_holds_a_western_date_in_a_volume_line(line: str) -> None:
    vol = parse_volume(line)
    assert vol is not None and (vol.volume, vol.issue, vol.date) == ("27", "1", "2020-01")


@pytest.mark.parametrize(("line", "date"), [
    ("中 華 民 國 104 年 1 月", "2015-01"), ("中\u3000華\u3000民\u3000國\u3000104\u3000年", "2015"),
    ("民 國 109 年 3 月", "2020-03"), ("中華民國104年1月", "2015-01"),
])
def test_a_letter_spaced_minguo_date(line: str, date: str) -> None:
    # review23 left these: a thesis's title page spaces out 中 華 民 國 (full or half width)
    from termkit.records.fields import parse_date

    assert parse_date(line) == date
