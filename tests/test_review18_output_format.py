"""The output format of ``import`` and ``export`` comes from ``--to`` or the *name* of -o,
never from whatever file happens to be at that path.

Since the registry knows a TSV, CSV or JSON glossary under any name by its content (ba8a872),
``output_format`` asked ``formats.detect`` about the *output* path too, and detect reads the
file that is there before it is replaced: ``import g.tsv -o terms.txt`` wrote TSV when an older
``terms.txt`` was a TSV table and the termkit text format when there was none (the help says
"from the extension of -o, else the termkit text format"), and ``export -o out.txt`` without
--to was a usage error or a silent CSV export depending on what the path held before.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT
from tests.inprocess import invoke

GLOSSARY = ROOT / "glossaries" / "example" / "glossary.txt"


def test_import_default_format_ignores_the_old_content_of_the_output(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.txt"
    code, _, err = invoke("import", GLOSSARY, "-o", fresh, cwd=tmp_path)
    assert code == 0, err
    old = tmp_path / "terms.txt"
    old.write_text("en\tzh-Hant\nsoftware\t軟體\n", encoding="utf-8")  # an older TSV export
    code, _, err = invoke("import", GLOSSARY, "-o", old, cwd=tmp_path)
    assert code == 0, err
    assert old.read_bytes() == fresh.read_bytes()
    assert old.read_text(encoding="utf-8").startswith("# termkit glossary")


def test_export_without_to_does_not_take_the_format_of_an_old_file(tmp_path: Path) -> None:
    code, _, err = invoke("export", GLOSSARY, "-o", tmp_path / "absent.txt", cwd=tmp_path)
    assert code == 2 and "give --to" in err
    old = tmp_path / "out.txt"
    before = "en,zh-Hant\nsoftware,軟體\n"
    old.write_text(before, encoding="utf-8")  # any file whose first line names two languages
    code, _, err = invoke("export", GLOSSARY, "-o", old, cwd=tmp_path)
    assert code == 2 and "give --to" in err, err
    assert old.read_text(encoding="utf-8") == before  # left as it was
