"""A PO header whose Plural-Forms has no valid ``nplurals`` (a whole number from 1) is an
error at the header's line, as ``msgfmt --check-header`` finds it.

``nplurals=-1``, ``nplurals=x`` or a Plural-Forms without nplurals were read as if no
header said anything: `import`, `tm import`, `check` (0 findings) and `tm pretranslate`
(which writes the header back) all passed it, exit 0; ``nplurals=0`` was reported on every
plural entry instead, as "beyond" a count that cannot exist. A valid count still checks each
entry's forms against it.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from termkit.formats.po_syntax import scan
from tests.inprocess import invoke

PO = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: zh_TW\\n"\n'
      '"Plural-Forms: {forms}\\n"\n\nmsgid "file"\nmsgid_plural "files"\nmsgstr[0] "檔案"\n\n'
      'msgid "software"\nmsgstr "軟體"\n')
BAD = ["nplurals=-1; plural=0;", "nplurals=x; plural=0;", "nplurals=0; plural=0;",
       "plural=0;", "nplurals=; plural=0;"]


@pytest.mark.parametrize("forms", BAD)
def test_the_scanner_names_the_plural_forms_line(forms: str) -> None:
    errors = scan(PO.format(forms=forms)).errors
    assert [(e.line, e.kind) for e in errors] == [(5, "plurals")]
    assert "nplurals" in errors[0].message


@pytest.mark.parametrize("forms", BAD)
def test_msgfmt_refuses_them_too(tmp_path: Path, forms: str) -> None:
    src = tmp_path / "pl.po"
    src.write_text(PO.format(forms=forms), encoding="utf-8")
    done = subprocess.run(["msgfmt", "--check-header", "-o", "/dev/null", str(src)],
                          capture_output=True, text=True)
    assert done.returncode != 0


@pytest.mark.parametrize("forms", BAD[:2])
@pytest.mark.parametrize("command", [["import", "{po}", "-o", "g.glossary.txt"],
                                     ["tm", "import", "--db", "tm.sqlite", "{po}"]])
def test_import_refuses_it(tmp_path: Path, forms: str, command: list[str]) -> None:
    src = tmp_path / "pl.po"
    src.write_text(PO.format(forms=forms), encoding="utf-8")
    code, _, err = invoke(*[a.replace("{po}", str(src)) for a in command], cwd=tmp_path)
    assert code == 1
    assert err.startswith(f"Error: {src}:5: ") and "nplurals" in err, err
    assert not (tmp_path / "g.glossary.txt").exists()


def test_check_reports_it(tmp_path: Path) -> None:
    src = tmp_path / "pl.po"
    src.write_text(PO.format(forms="nplurals=x; plural=0;"), encoding="utf-8")
    code, out, _ = invoke("check", src, cwd=tmp_path)
    assert code == 1
    assert f"{src}:5: plurals (error): " in out


@pytest.mark.parametrize(("forms", "errors"), [("nplurals=1; plural=0;", 0),
                                                ("nplurals=2; plural=n != 1;", 1)])
def test_a_valid_count_still_checks_the_entries(forms: str, errors: int) -> None:
    found = scan(PO.format(forms=forms)).errors
    assert [e.line for e in found] == [9] * errors
