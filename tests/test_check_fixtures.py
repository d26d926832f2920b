"""Seeded fixtures in PO, TMX, XLIFF and TSV: exactly the seeded findings; clean twins: none.

The expected findings are written down from how the fixtures were seeded (see
tests/data/check/README.md), not produced by the checker.
"""

from __future__ import annotations

import pytest

from termkit.check import check_files
from termkit.check.findings import FAMILIES
from termkit.glossary import load_glossary

from .conftest import DATA

# These fixtures seed the terminology, script/region and unit checks (the format and
# typography checks have their own fixtures in test_check_format.py / test_check_typography.py).
TERMINOLOGY = [c for fam in ("terms", "variants", "unit") for c in FAMILIES[fam]]

HERE = DATA / "check"
GLOSSARY = HERE / "fixture.glossary.txt"

# (line, check, the source term for missing-term else the text found in the target, expected)
SEEDED: dict[str, list[tuple[int, str, str | None, tuple[str, ...]]]] = {
    "seeded.zh_TW.po": [  # English -> zh-Hant-TW; one entry every 3 lines from line 10
        (10, "missing-term", "realism", ("現實主義",)),
        (13, "missing-term", "balance of power", ("權力平衡",)),
        (13, "forbidden-term", "均勢", ("權力平衡",)),
        (19, "inconsistent", "對外政策", ("外交政策",)),
        (25, "wrong-script", "权力平衡", ("權力平衡",)),
        (28, "wrong-region", "軟件", ("軟體",)),
        (31, "untranslated", None, ()),
        (34, "empty-target", None, ()),
    ],
    "seeded.tmx": [  # t1-t5 zh-TW -> English, t6-t9 English -> zh-TW
        (6, "missing-term", "權力平衡", ("balance of power",)),
        (10, "missing-term", "權力平衡", ("balance of power",)),
        (10, "forbidden-term", "power balance", ("balance of power",)),
        (22, "inconsistent", "diplomatic policy", ("foreign policy",)),
        (26, "wrong-script", "权力平衡", ("權力平衡",)),
        (30, "wrong-region", "軟件", ("軟體",)),
        (34, "untranslated", None, ()),
        (38, "empty-target", None, ()),
    ],
    "seeded.xlf": [  # English -> zh-CN
        (5, "missing-term", "realism", ("现实主义",)),
        (9, "missing-term", "balance of power", ("权力平衡",)),
        (9, "forbidden-term", "均势", ("权力平衡",)),
        (17, "inconsistent", "对外政策", ("外交政策",)),
        (25, "wrong-script", "權力平衡", ("权力平衡",)),
        (29, "wrong-region", "软体", ("软件",)),
        (33, "untranslated", None, ()),
        (37, "empty-target", None, ()),
    ],
    "seeded.tsv": [  # English -> zh-Hant-HK; row n is line n
        (2, "missing-term", "realism", ("現實主義",)),
        (3, "missing-term", "balance of power", ("權力平衡",)),
        (3, "forbidden-term", "均勢", ("權力平衡",)),
        (5, "inconsistent", "對外政策", ("外交政策",)),
        (7, "wrong-script", "权力平衡", ("權力平衡",)),
        (8, "wrong-region", "軟體", ("軟件",)),
        (9, "untranslated", None, ()),
        (10, "empty-target", None, ()),
    ],
}


def _summary(findings):  # type: ignore[no-untyped-def]
    return sorted(
        (f.line, f.check, f.term if f.check == "missing-term" else f.found, f.expected)
        for f in findings
    )


@pytest.fixture(scope="module")
def glossary():  # type: ignore[no-untyped-def]
    return load_glossary(str(GLOSSARY))


@pytest.mark.parametrize("name", sorted(SEEDED))
def test_seeded_file_gives_exactly_the_seeded_findings(glossary, name: str) -> None:  # type: ignore[no-untyped-def]
    result = check_files([str(HERE / name)], glossary, checks=TERMINOLOGY)
    assert result.errors == []
    assert _summary(result.findings) == sorted(
        (line, check, text, expected) for line, check, text, expected in SEEDED[name]
    )
    # Every check is seeded in every format.
    assert {f.check for f in result.findings} == set(TERMINOLOGY)
    assert all(f.path == str(HERE / name) for f in result.findings)


@pytest.mark.parametrize("name", sorted(SEEDED))
def test_clean_twin_gives_no_findings(glossary, name: str) -> None:  # type: ignore[no-untyped-def]
    twin = HERE / name.replace("seeded", "clean")
    result = check_files([str(twin)], glossary, checks=TERMINOLOGY)
    assert result.errors == []
    assert result.findings == []
    assert result.units == 9


def test_all_seeded_files_together_keep_inconsistency_per_target_language(glossary) -> None:  # type: ignore[no-untyped-def]
    # One file set: the zh-TW PO and the zh-TW half of the TMX share a target language, but
    # the TMX's English -> zh-TW units never render "foreign policy", so nothing new appears.
    paths = [str(HERE / n) for n in sorted(SEEDED)]
    together = check_files(paths, glossary, checks=TERMINOLOGY)
    apart = [f for n in sorted(SEEDED) for f in check_files([str(HERE / n)], glossary, checks=TERMINOLOGY).findings]
    assert sorted(together.findings, key=lambda f: f.sort_key()) == sorted(
        apart, key=lambda f: f.sort_key()
    )


def test_source_and_target_excerpts_carry_spans(glossary) -> None:  # type: ignore[no-untyped-def]
    result = check_files([str(HERE / "seeded.zh_TW.po")], glossary)
    missing = next(f for f in result.findings if f.check == "missing-term")
    assert missing.source_span is not None
    assert missing.source[slice(*missing.source_span)] == "Realism"
    script = next(f for f in result.findings if f.check == "wrong-script")
    assert script.target_span is not None
    assert script.target[slice(*script.target_span)] == "权力平衡"
    assert script.target_lang == "zh-Hant-TW"


def test_only_and_skip_checks(glossary) -> None:  # type: ignore[no-untyped-def]
    only = check_files([str(HERE / "seeded.tmx")], glossary, checks=["wrong-script"])
    assert [f.check for f in only.findings] == ["wrong-script"]
    rest = [c for c in TERMINOLOGY if c != "missing-term"]
    skipped = check_files([str(HERE / "seeded.tmx")], glossary, checks=rest)
    assert "missing-term" not in {f.check for f in skipped.findings}
    assert len(skipped.findings) == len(SEEDED["seeded.tmx"]) - 2


def test_text_pair_is_checked_line_by_line(glossary) -> None:  # type: ignore[no-untyped-def]
    result = check_files(
        [],
        glossary,
        pairs=[(str(HERE / "pair.en.txt"), str(HERE / "pair.zh_TW.txt"))],
        target_lang="zh-TW",
    )
    assert result.errors == []
    assert _summary(result.findings) == [
        (1, "missing-term", "realism", ("現實主義",)),
        (5, "wrong-script", "权力平衡", ("權力平衡",)),
        (6, "untranslated", None, ()),
        (7, "empty-target", None, ()),
    ]
    assert all(f.path == str(HERE / "pair.zh_TW.txt") for f in result.findings)


# --------------------------------------------------------------------------- the fixtures are real files

SCHEMAS = DATA / "formats" / "schemas"  # copies of the official schemas (see that README)


@pytest.mark.parametrize("name", ["seeded.tmx", "clean.tmx"])
def test_tmx_fixtures_are_valid_tmx14(name: str) -> None:
    from lxml import etree

    dtd = etree.DTD(str(SCHEMAS / "tmx" / "tmx14.dtd"))
    assert dtd.validate(etree.parse(str(HERE / name))), dtd.error_log


@pytest.mark.parametrize("name", ["seeded.xlf", "clean.xlf"])
def test_xliff_fixtures_are_valid_xliff12(name: str) -> None:
    from lxml import etree

    class LocalXmlXsd(etree.Resolver):
        def resolve(self, url, pubid, context):  # type: ignore[no-untyped-def]
            if url and url.endswith("xml.xsd"):
                return self.resolve_filename(str(SCHEMAS / "tmx" / "xml.xsd"), context)
            return None

    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(LocalXmlXsd())
    schema = etree.XMLSchema(
        etree.parse(str(SCHEMAS / "xliff" / "xliff-core-1.2-strict.xsd"), parser)
    )
    assert schema.validate(etree.parse(str(HERE / name))), schema.error_log


@pytest.mark.parametrize("name", ["seeded.zh_TW.po", "clean.zh_TW.po"])
def test_po_fixtures_pass_msgfmt(name: str) -> None:
    import subprocess

    from .conftest import require_tool

    msgfmt = require_tool("msgfmt")
    done = subprocess.run([msgfmt, "-c", "-o", "/dev/null", str(HERE / name)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_csv_gives_the_same_findings_as_tsv(glossary, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import csv

    rows = [line.split("\t") for line in (HERE / "seeded.tsv").read_text("utf-8").splitlines()]
    path = tmp_path / "seeded.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    result = check_files([str(path)], glossary, checks=TERMINOLOGY)
    assert result.errors == []
    assert _summary(result.findings) == sorted(SEEDED["seeded.tsv"])
