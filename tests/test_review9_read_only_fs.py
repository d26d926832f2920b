"""An output on a read-only file system (a read-only mount, a CD, a container's image layer)
is not "write-protected".

`convert --in-place FILE` and `export -o EXISTING` there said "the file is write-protected
(no write permission); make it writable (chmod u+w)": chmod fails there too. The read-only
mount is simulated (os.access refuses writing, statvfs says ST_RDONLY), as mounting needs
privileges tests do not have everywhere.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.conftest import ROOT
from tests.inprocess import invoke

EXAMPLE = ROOT / "glossaries" / "example" / "glossary.txt"


@pytest.fixture()
def read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "mnt"
    folder.mkdir()
    real_access, real_statvfs = os.access, os.statvfs

    def access(path: object, mode: int, **kw: object) -> bool:
        if mode & os.W_OK and str(path).startswith(str(folder)):
            return False
        return real_access(path, mode, **kw)  # type: ignore[arg-type]

    def statvfs(path: object) -> object:
        found = real_statvfs(path)  # type: ignore[arg-type]
        if str(path).startswith(str(folder)):
            return SimpleNamespace(f_flag=found.f_flag | os.ST_RDONLY)
        return found

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(os, "statvfs", statvfs)
    return folder


@pytest.mark.parametrize("command", [
    ["convert", "-c", "t2s", "--in-place", "{f}"],
    ["export", str(EXAMPLE), "--to", "termkit", "-o", "{f}"],
])
def test_a_file_on_a_read_only_file_system(read_only: Path, command: list[str]) -> None:
    target = read_only / "a.txt"
    target.write_text("權力\n", encoding="utf-8")
    code, out, err = invoke(*[a.replace("{f}", str(target)) for a in command])
    assert (code, out) == (1, "")
    assert err == f"Error: {target}: cannot write: the file system is read-only\n"
    assert target.read_text(encoding="utf-8") == "權力\n"


def test_a_write_protected_file_elsewhere_is_still_named_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.txt"
    target.write_text("權力\n", encoding="utf-8")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, m, **kw: not (m & os.W_OK and str(p) == str(target))
                        and real_access(p, m, **kw))
    code, _, err = invoke("convert", "-c", "t2s", "--in-place", target)
    assert code == 1
    assert err.startswith(f"Error: {target}: the file is write-protected (no write permission)")
