"""OmegaT glossaries and terms that hold a line break (a title printed on two lines, as build
keeps it).

OmegaT's tab-separated glossary has no escaping: OmegaT reads it a line at a time and splits
each line at tabs, taking every field as written (``GlossaryReaderTSV``; its CSV reader
reads a line at a time too), so no spelling of a line break inside a term reaches OmegaT as
one. termkit writes the term with a space for the break — what OmegaT can match, since it
matches a glossary term by its words, not the spaces between them — and keeps the exact form
in the comment column (``source lines: …``/``target lines: …``, escaped as glossary.txt
escapes values), where its own reader restores it. The export dropped the break: read back,
the title was a one-line form that matches none of the two-line texts it was taken from.

The oracle is OmegaT itself: its own glossary reader class, run from OmegaT.jar through the
Groovy that OmegaT's Debian package depends on.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest

from termkit.formats import json_glossary, omegat
from termkit.model import Concept, Glossary, Kind, Status, Term
from tests.conftest import IN_CI, require_tool
from tests.inprocess import invoke

# A dev2 record's title (as in tests/test_review21_table_line_break_variant.py), English made up
# to match, both printed on two lines.
ZH = "女遊與女性自傳式書寫中的家國語藝\n──以《逆旅》、《漫遊者》、《海神家族》為分析對象"
EN = "Women's Travel and Self-Writing:\nthe Rhetoric of Nation in Three Novels"
OMEGAT_JAR = Path("/usr/share/omegat/OmegaT.jar")
GROOVY_JAR = Path("/usr/share/java/groovy-all.jar")


def glossary() -> Glossary:
    return Glossary([
        Concept("c1", kind=Kind.TITLE, terms=[Term(EN, "en", status=Status.PREFERRED),
                                              Term(ZH, "zh-Hant-TW", status=Status.PREFERRED)],
                notes=["printed on two lines"]),
        Concept("c2", terms=[Term("realism", "en"), Term("現實主義", "zh-Hant-TW")]),
    ])


def exported(**options: object) -> bytes:
    out = io.BytesIO()
    omegat.write_glossary(glossary(), out, **options)  # type: ignore[arg-type]
    return out.getvalue()


def terms(g: Glossary) -> dict[str, str]:
    return {t.lang: t.text for c in g.concepts for t in c.terms if c.id == "c1"}


@pytest.mark.parametrize("reverse", [False, True])
def test_termkit_reads_back_the_break(reverse: bool) -> None:
    back = omegat.read_glossary(io.BytesIO(exported(reverse=reverse)), "g.utf8")
    assert terms(back) == {"en": EN, "zh-Hant-TW": ZH}
    # the other concept and the note are as before
    assert [c.notes for c in back.concepts if c.id == "c1"] == [["printed on two lines"]]
    assert {t.text for c in back.concepts for t in c.terms if c.id == "c2"} == {"realism",
                                                                              "現實主義"}


def test_an_edited_term_wins_over_the_kept_form() -> None:
    """A term changed in the file (by a translator, or by OmegaT) is read as it stands: the
    kept form belongs to the term that was written."""
    lines = exported().decode("utf-8").split("\n")
    (i,) = [n for n, line in enumerate(lines) if line.startswith("Women's Travel")]
    lines[i] = lines[i].replace("Women's Travel", "Women's Journeys", 1)  # the term field only
    text = "\n".join(lines)
    back = omegat.read_glossary(io.BytesIO(text.encode()), "g.utf8")
    assert terms(back)["en"] == EN.replace("\n", " ").replace("Travel", "Journeys")
    assert terms(back)["zh-Hant-TW"] == ZH


def test_through_the_cli(tmp_path: Path) -> None:
    source = tmp_path / "g.json"
    with source.open("wb") as fh:
        json_glossary.write_glossary(glossary(), fh)
    tsv = tmp_path / "g.utf8"
    code, _, err = invoke("export", source, "-o", tsv, "--to", "omegat")
    assert code == 0, err
    back = tmp_path / "back.json"
    code, _, err = invoke("import", tsv, "-o", back)
    assert code == 0, err
    with back.open("rb") as fh:
        assert terms(json_glossary.read_glossary(fh, str(back))) == {"en": EN, "zh-Hant-TW": ZH}


def omegat_entries(path: Path) -> list[tuple[str, str, str]]:
    """(source, target, comment) of each entry, as OmegaT's own glossary reader reads them."""
    require_tool("omegat")
    java = shutil.which("java")
    if not (java and OMEGAT_JAR.exists() and GROOVY_JAR.exists()):
        if IN_CI:
            pytest.fail("OmegaT's jar, its Groovy or java is missing under CI")
        pytest.skip("OmegaT's jar or its Groovy is not where Debian's package puts them")
    script = ("import org.omegat.gui.glossary.GlossaryReaderTSV\n"
              "for (e in GlossaryReaderTSV.read(new File(args[0]), false)) {\n"
              "  [e.getSrcText(), e.getLocText(), e.getCommentText()].each {\n"
              "    print(it.bytes.encodeHex().toString() + '\\t') }\n"
              "  println() }\n")
    done = subprocess.run([java, "-cp", f"{OMEGAT_JAR}:{GROOVY_JAR}", "groovy.ui.GroovyMain",
                           "-e", script, str(path)],
                          capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    rows = []
    for line in done.stdout.splitlines():
        fields = [bytes.fromhex(f).decode("utf-8") for f in line.rstrip("\t").split("\t")]
        rows.append((fields[0], fields[1], fields[2] if len(fields) > 2 else ""))
    return rows


def test_omegat_reads_one_entry_per_concept(tmp_path: Path) -> None:
    path = tmp_path / "glossary.utf8"
    path.write_bytes(exported())
    rows = omegat_entries(path)
    # One entry a concept, the two-line title as one entry whose words are the title's.
    assert [(s, t) for s, t, _ in rows] == [
        (EN.replace("\n", " "), ZH.replace("\n", " ")), ("realism", "現實主義")]
    assert all("\n" not in field for row in rows for field in row)
