"""review17: the terminal note of e6157c8 ('convert: preparing the word list of the glossary
lock …') with a cache folder convert cannot use.

* A cache folder that cannot be looked into (``XDG_CACHE_HOME`` naming another user's
  folder; here mode 000 with the permission-bypassing capabilities dropped, as any non-root
  user meets it) made convert fail on a terminal only: ``Error: …/lockwords-….marshal:
  Permission denied``, exit 1, where the same command with stderr not a terminal converted
  (the cache is only a speed-up: every other read of it ignores such errors).
* A cache folder that cannot be written (``XDG_CACHE_HOME`` naming a file, a read-only
  folder) made the note promise 'kept for later runs' on every run; it now says why every run
  prepares the list again.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import require_tool
from tests.terminal import run_on_a_terminal, termkit_argv, warm_dictionaries

REGIONAL = Path(__file__).parent.parent / "glossaries" / "cross-strait.glossary.txt"
NOTE = "convert: preparing the word list of the glossary lock"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")


def _glossary(tmp_path: Path, concepts: int = 300) -> Path:
    """The first concepts of the regional glossary: over words.SMALL forms, so the word list
    is computed and cached, but quicker than the whole glossary."""
    text = REGIONAL.read_text(encoding="utf-8")
    blocks = text.split("\n\n")
    path = tmp_path / "part.glossary.txt"
    path.write_text("\n\n".join(blocks[: concepts + 1]) + "\n", encoding="utf-8")
    return path


def _on_a_terminal(args: list[str], env: dict[str, str], prefix: list[str] | None = None,
                   terminal: bool = True) -> tuple[int, str, str]:
    return run_on_a_terminal(termkit_argv(*args, prefix=prefix), env, terminal=terminal)


def _without_root_powers() -> list[str]:
    """A command prefix under which root meets file permissions as other users do."""
    if os.geteuid() != 0:
        return []
    # (util-linux's setpriv drops CAP_DAC_OVERRIDE; skipped without it, except under CI)
    return [require_tool("setpriv"), "--bounding-set", "-dac_override,-dac_read_search"]


def test_a_cache_folder_that_cannot_be_looked_into_does_not_fail_convert(tmp_path: Path) -> None:
    prefix = _without_root_powers()
    glossary = _glossary(tmp_path)
    src = tmp_path / "in.txt"
    src.write_text("供应链管理\n", encoding="utf-8")
    (tmp_path / "cache" / "termkit").mkdir(parents=True)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    args = ["convert", "-c", "s2t", "-g", str(glossary), str(src)]
    (tmp_path / "cache" / "termkit").chmod(0)
    try:
        closed = _on_a_terminal(args, env, prefix)
    finally:
        (tmp_path / "cache" / "termkit").chmod(0o755)
    # With stderr not a terminal the same command converted (the cache is a speed-up only).
    assert closed[:2] == (0, "供應鏈管理\n"), closed
    assert "Permission denied" not in closed[2]
    assert NOTE in closed[2] and "kept for later runs" not in closed[2]


def test_the_note_does_not_promise_a_cache_it_cannot_write(tmp_path: Path) -> None:
    prefix = _without_root_powers()
    glossary = _glossary(tmp_path)
    src = tmp_path / "in.txt"
    src.write_text("供应链管理\n", encoding="utf-8")
    folder = tmp_path / "cache" / "termkit"
    warm_dictionaries(folder)  # readable: only the word list cannot be kept
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    args = ["convert", "-c", "s2t", "-g", str(glossary), str(src)]
    folder.chmod(0o555)
    try:
        first = _on_a_terminal(args, env, prefix)
        second = _on_a_terminal(args, env, prefix)
    finally:
        folder.chmod(0o755)
    assert first[:2] == second[:2] == (0, "供應鏈管理\n")
    # Nothing could be kept: the second run prepares the list again, and both say why
    # instead of promising otherwise.
    for run in (first, second):
        assert NOTE in run[2]
        assert "kept for later runs" not in run[2]
        assert f"the cache folder {folder} cannot be written" in run[2]
    assert not list(folder.glob("lockwords-*"))


def test_a_cache_folder_under_a_file_is_named_in_the_note(tmp_path: Path) -> None:
    blocker = tmp_path / "cache-is-a-file"
    blocker.write_text("not a folder\n", encoding="utf-8")
    src = tmp_path / "in.txt"
    src.write_text("供应链管理\n", encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(blocker)}
    args = ["convert", "-c", "s2t", "-g", str(_glossary(tmp_path)), str(src)]
    code, out, err = _on_a_terminal(args, env)
    assert (code, out) == (0, "供應鏈管理\n")
    assert f"the cache folder {blocker / 'termkit'} cannot be written" in err
    assert blocker.read_text(encoding="utf-8") == "not a folder\n"


def test_a_writable_cache_is_still_promised_and_used(tmp_path: Path) -> None:
    glossary = _glossary(tmp_path)
    src = tmp_path / "in.txt"
    src.write_text("供应链管理\n", encoding="utf-8")
    warm_dictionaries(tmp_path / "cache" / "termkit")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    args = ["convert", "-c", "s2t", "-g", str(glossary), str(src)]
    first = _on_a_terminal(args, env)
    second = _on_a_terminal(args, env)
    assert first[:2] == second[:2] == (0, "供應鏈管理\n")
    assert f"{NOTE} (once for these terms, kept for later runs)" in first[2]
    assert NOTE not in second[2]


def test_words_ready_answers_with_a_cache_folder_that_cannot_be_looked_into(tmp_path: Path) -> None:
    prefix = _without_root_powers()
    folder = tmp_path / "cache" / "termkit"
    folder.mkdir(parents=True)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    code = ("import sys\n"
            "from termkit.convert import Converter, load_lock_glossaries\n"
            "conv = Converter('s2t', load_lock_glossaries([sys.argv[1]]))\n"
            "print(conv.words_ready())\n")
    folder.chmod(0)
    try:
        done = subprocess.run([*prefix, sys.executable, "-c", code, str(_glossary(tmp_path))],
                              capture_output=True, text=True, timeout=300, check=False, env=env)
    finally:
        folder.chmod(0o755)
    # Not ready (nothing could be read): the answer a caller can act on, not a traceback.
    assert (done.returncode, done.stdout, done.stderr) == (0, "False\n", "")
