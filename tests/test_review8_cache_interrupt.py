"""A cache write interrupted (Ctrl-C while a large cache is serialized or written) leaves no
temporary file in ~/.cache/termkit: only write failures (OSError) removed it, and nothing
ever removes a cache folder's stray temporary files later."""

from __future__ import annotations

from pathlib import Path

import pytest

from termkit import lexicon


def test_an_interrupted_cache_write_leaves_nothing(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(data: object) -> bytes:
        raise KeyboardInterrupt

    monkeypatch.setattr(lexicon.marshal, "dumps", interrupted)
    target = tmp_path / "cache" / "cedict-v1-x.marshal"
    with pytest.raises(KeyboardInterrupt):
        lexicon.write_cache(target, {"a": 1}, "cedict-v*.marshal")
    assert list(target.parent.iterdir()) == []


def test_a_cache_write_still_writes(tmp_path: Path) -> None:
    target = tmp_path / "cache" / "cedict-v1-x.marshal"
    lexicon.write_cache(target, {"a": 1}, "cedict-v*.marshal")
    assert [p.name for p in target.parent.iterdir()] == [target.name]
    import marshal

    assert marshal.loads(target.read_bytes()) == {"a": 1}
