"""A record file that is one enormous line (a 50 MB paste, a minified export) reads in
memory proportional to its size.

Counting characters with ``len(pattern.findall(text))`` kept every Han character as a string
object of its own (about 80 bytes each, against 2 in the text): `termkit extract` of a 50 MB
single line peaked at 1.5 GB and took twice as long.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from termkit.records import read_records
from termkit.records.script import count, han_share, is_prose


def test_count_is_the_number_of_matches() -> None:
    import re

    for pattern, text in [(r"[a-z]", "ab1c"), (r"\d+", "1 22 333 x"), (r"x", ""), (r"[中文]", "中文中")]:
        assert count(re.compile(pattern), text) == len(re.findall(pattern, text))


def test_a_long_single_line_page_reads_in_memory_near_its_size(tmp_path: Path) -> None:
    # 240,000 characters on one line, Han with an English word every so often (the share
    # of Han characters and the prose test both count over the whole line).
    text = "權力平衡與現實主義的越南外交政策研究 power，" * 10_000
    page = tmp_path / "one-line.txt"
    page.write_text(text, encoding="utf-8")
    read = list(read_records(str(page)))  # the readers' tables, loaded before measuring
    assert len(read) == 1
    tracemalloc.start()
    try:
        records = list(read_records(str(page)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(records) == 1
    # The UTF-8 bytes, the text (2 bytes a character) and a few copies of it; a list of
    # the Han characters alone was 20 times the file.
    assert peak < 8 * page.stat().st_size, peak
    assert han_share(text) == 18 / (18 + 5)  # 18 Han characters to each 5-letter word
    assert is_prose(text)
