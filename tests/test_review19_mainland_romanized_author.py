"""review19: a romanized author under the English title of a mainland page without blank lines.

759246f reads a line of romanized names under the title as the authors (``LIU Mo``). In the
mainland layout the Chinese author comes between the two titles, and that line is not reached.
"""

from __future__ import annotations

import pytest

from termkit.records import parse_records


@pytest.mark.xfail(strict=True, reason="review19: 759246f makes a romanized author line stand "
                   "apart only right under a line read as a title; in the mainland layout "
                   "(Chinese title, Chinese author, English title, romanized author) the Chinese "
                   "author line comes first, the English title is not taken for a title after "
                   "it, and the English title and the romanized author are read as the English "
                   "keywords, the real English list lost (so at 759246f^ too)")
def test_the_romanized_author_under_the_english_title_of_a_mainland_page() -> None:
    page = ("中型城市公共圖書館之閱讀推廣服務\n趙敏\n"
            "Reading Promotion Services of Public Libraries in a Mid-Sized City\nZHAO Min\n"
            "全民阅读\n公共图书馆\n读者服务\nreading promotion\npublic library\nreader service\n"
            "2019, Vol. 12 ›› Issue (3)\n")
    rec, = parse_records(page.encode("utf-8"), "page.txt")
    assert rec.title_en == "Reading Promotion Services of Public Libraries in a Mid-Sized City"
    assert rec.keywords_en == ["reading promotion", "public library", "reader service"]
