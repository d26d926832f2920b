"""PO keeps a concept's confidence and props and the origin of a Chinese term OpenCC made, as
translator comments in glossary.txt's spelling, read back from termkit's own catalogs only.

gettext has no place for them: a translator comment (``# ...``) is what translation tools
show beside the entry. msgfmt is the oracle for validity, translate-toolkit's reader for how
another tool sees the comments.
"""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest

from termkit.formats import po
from termkit.model import Concept, Glossary, Kind, Status, Term
from tests.conftest import require_tool


def _glossary() -> Glossary:
    return Glossary([
        Concept("c000000000001", kind=Kind.KEYWORD, status=Status.PREFERRED, confidence=0.7,
                terms=[Term("neural network", "en", origin="record"),
                       Term("神經網絡", "zh-Hant", origin="opencc:s2t"),
                       Term("神经网络", "zh-Hans", origin="record")],
                props={"evidence": "dictionary",
                       "odd value": "two\nlines, a tab\tand a trailing backslash \\",
                       "name: with a colon": "x", "trailing space": "y "}),
        Concept("c000000000002", terms=[Term("realism", "en", origin="record"),
                                        Term("現實主義", "zh-Hant", origin="record")]),
    ])


def _write(g: Glossary, locale: str = "zh_TW") -> bytes:
    out = io.BytesIO()
    po.write_glossary(g, out, locale=locale)
    return out.getvalue()


def test_the_fields_are_translator_comments() -> None:
    text = _write(_glossary()).decode("utf-8")
    first = text.split('msgid "neural network"')[0].rsplit("\n\n", 1)[1]
    assert first.splitlines() == [
        "# status: preferred",
        "# kind: keyword",
        "# confidence: 0.7",
        "# prop evidence: dictionary",
        '# prop: {"name: with a colon": "x"}',
        "# prop odd value: two\\nlines, a tab\\tand a trailing backslash \\\\|",
        "# prop trailing space: y |",
        "# origin: opencc:s2t",
        "# id: c000000000001",
    ]
    # A printed Chinese term has no origin line, and no confidence none is written.
    second = text.split('msgid "realism"')[0].rsplit("\n\n", 1)[1]
    assert second.splitlines() == ["# status: candidate", "# id: c000000000002"]
    assert _write(_glossary()) == text.encode("utf-8")  # deterministic


@pytest.mark.parametrize("locale", ["zh_TW", "zh_CN"])
def test_they_read_back(locale: str) -> None:
    back = po.read_glossary(io.BytesIO(_write(_glossary(), locale)), f"g.{locale}.po")
    first = next(c for c in back.concepts if c.id == "c000000000001")
    assert first.confidence == 0.7
    assert first.props == _glossary().concepts[0].props
    assert first.notes == []
    zh = next(t for t in first.terms if t.lang.startswith("zh"))
    en = next(t for t in first.terms if t.lang == "en")
    assert zh.origin == ("opencc:s2t" if locale == "zh_TW" else "import:po")
    assert en.origin == "import:po"


def test_a_foreign_catalog_keeps_such_lines_as_comments() -> None:
    text = ('msgid ""\nmsgstr ""\n"Language: zh_TW\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            "# confidence: 0.5\n# origin: the client's list\n# prop owner: Lee\n"
            'msgid "realism"\nmsgstr "現實主義"\n')
    back = po.read_glossary(io.BytesIO(text.encode("utf-8")), "client.po")
    concept = back.concepts[0]
    assert concept.confidence is None and concept.props == {}
    assert concept.notes == ["confidence: 0.5\norigin: the client's list\nprop owner: Lee"]
    assert {t.origin for t in concept.terms} == {"import:po"}


def test_msgfmt_accepts_the_catalog(tmp_path: Path) -> None:
    tool = require_tool("msgfmt")
    path = tmp_path / "g.zh_TW.po"
    path.write_bytes(_write(_glossary()))
    result = subprocess.run([tool, "--check-format", "--check-header", "-o", "/dev/null",
                             str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_translate_toolkit_reads_the_comments_as_translator_comments() -> None:
    from translate.storage import pypo

    store = pypo.pofile(io.BytesIO(_write(_glossary())))
    unit = next(u for u in store.units if u.source == "neural network")
    assert unit.target == "神經網絡"
    notes = unit.getnotes("translator").splitlines()
    assert "confidence: 0.7" in notes and "origin: opencc:s2t" in notes
    assert "prop evidence: dictionary" in notes
