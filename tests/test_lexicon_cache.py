"""Disk caches: written atomically, and a new stamp keeps the newest few others."""

from __future__ import annotations

import marshal
import os
from pathlib import Path

from termkit.lexicon import KEEP_OTHER_CACHES, file_stamp, write_cache


def test_new_cache_keeps_the_newest_others(tmp_path: Path) -> None:
    old = []
    for i in range(KEEP_OTHER_CACHES + 2):
        p = tmp_path / f"cedict-v1-stamp{i}.marshal"
        p.write_bytes(marshal.dumps(i))
        os.utime(p, (1000 + i, 1000 + i))
        old.append(p)
    unrelated = tmp_path / "pypinyin-v1-x.marshal"
    unrelated.write_bytes(b"x")
    target = tmp_path / "cedict-v1-new.marshal"
    write_cache(target, {"a": 1}, "cedict-v*.marshal")
    assert marshal.loads(target.read_bytes()) == {"a": 1}
    kept = sorted(p.name for p in old if p.exists())
    assert kept == sorted(p.name for p in old[-KEEP_OTHER_CACHES:])
    assert unrelated.exists()
    assert not list(tmp_path.glob(".*.tmp"))


def test_cache_names_follow_content_not_time(tmp_path: Path) -> None:
    """Two environments with the same release share a cache; another release gets its own."""
    data = bytes(range(256)) * 2000  # larger than the two sampled ends together
    a, b = tmp_path / "a.u8", tmp_path / "b.u8"
    a.write_bytes(data)
    b.write_bytes(data)
    os.utime(b, ns=(1, 1))  # installed at another time: same content
    assert file_stamp(a) == file_stamp(b)
    b.write_bytes(data[:-1] + b"\x00")  # another release: last byte differs
    assert file_stamp(a) != file_stamp(b)
    b.write_bytes(data + b"x")  # or only the size
    assert file_stamp(a) != file_stamp(b)
