"""check: a one-way rule's source is deprecated only in the variants the rule writes.

The bundled regional glossary keeps MediaWiki one-way rules (``型別 ⇒ zh-cn 类型``) as a
concept with the prop ``mediawiki-direction: one-way``, the source as a deprecated bare
``zh`` term and the rule's outputs as regional terms. A Taiwan translator's 型別 is the
Taiwan word (plain OpenCC s2twp writes it too): ``forbidden-term`` must not flag it in a
zh-TW target, and must still flag it in a target of a variant the rule writes.
"""

from __future__ import annotations

from pathlib import Path

from termkit import lang
from termkit.check import check_files
from termkit.glossary import load_glossary
from termkit.model import Status
from tests.conftest import ROOT

REGIONAL = ROOT / "glossaries" / "cross-strait.glossary.txt"


def _one_way_sources(limit: int = 12) -> list[tuple[str, str]]:
    """(source form, en) of one-way concepts whose outputs are all Simplified variants."""
    from termkit.check.matching import fold_zh

    concepts = load_glossary(str(REGIONAL)).concepts
    # A text that is also an accepted form of some concept is never forbidden: left out.
    accepted = {fold_zh(t.text) for c in concepts for t in c.terms
                if lang.is_chinese(t.lang) and t.status is not Status.DEPRECATED}
    out: list[tuple[str, str]] = []
    for c in concepts:
        if c.props.get("mediawiki-direction") != "one-way":
            continue
        bare = [t.text for t in c.terms if t.lang == "zh" and t.status is Status.DEPRECATED]
        outputs = [t for t in c.terms if lang.is_chinese(t.lang) and t.lang != "zh"]
        en = [t.text for t in c.terms if t.lang == "en"]
        if (len(bare) == 1 and en and outputs and '"' not in bare[0] + en[0]
                and fold_zh(bare[0]) not in accepted and en[0] not in {e for _, e in out}
                and all(lang.script_of(t.lang) == "Hans" for t in outputs)):
            out.append((bare[0], en[0]))
    return out[:limit]


def _po(path: Path, pairs: list[tuple[str, str]]) -> str:
    path.write_text("".join(f'#: u{i}\nmsgid "{en}"\nmsgstr "{zh}"\n\n'
                            for i, (zh, en) in enumerate(pairs)), encoding="utf-8")
    return str(path)


def test_a_one_way_source_is_forbidden_only_where_the_rule_writes(tmp_path: Path) -> None:
    sources = _one_way_sources()
    assert len(sources) >= 5
    g = load_glossary(str(REGIONAL))
    tw = _po(tmp_path / "t.zh_TW.po", sources)
    cn = _po(tmp_path / "t.zh_CN.po", sources)
    result = check_files([tw, cn], g, checks=["forbidden-term"])
    flagged = {(f.path, f.found) for f in result.findings if f.check == "forbidden-term"}
    assert not {found for file, found in flagged if file == tw}
    assert {zh for zh, _ in sources} <= {found for file, found in flagged if file == cn}
