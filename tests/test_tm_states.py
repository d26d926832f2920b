"""The workflow states of XLIFF targets as the memory reads them (termkit.tm.states)."""

from __future__ import annotations

import io

from termkit.formats.xliff import PROP_STATE, iter_units, read_glossary
from termkit.tm.states import to_review, without_drafts

NS12 = "urn:oasis:names:tc:xliff:document:1.2"
NS20 = "urn:oasis:names:tc:xliff:document:2.0"


def xliff12(state: str) -> bytes:
    return f"""<xliff version="1.2" xmlns="{NS12}"><file original="a" source-language="en"
target-language="zh-CN" datatype="plaintext"><body>
<trans-unit id="1"><source>Open file</source><target state="{state}">Open file</target>
</trans-unit></body></file></xliff>""".encode()


def test_a_20_unit_is_as_far_as_its_least_advanced_segment() -> None:
    data = f"""<xliff version="2.0" xmlns="{NS20}" srcLang="en" trgLang="zh-CN"><file id="f">
<unit id="u"><segment state="final"><source>A.</source><target>甲。</target></segment>
<segment state="initial"><source>B.</source><target>乙。</target></segment>
<segment><source>C.</source></segment></unit>
<unit id="v"><segment><source>D.</source><target>丁。</target></segment></unit>
</file></xliff>""".encode()
    first, second = iter_units(io.BytesIO(data), "a.xlf")
    assert first.props[PROP_STATE] == "initial" and to_review(first.props) == "initial in the memory"
    # XLIFF 2.0: a segment's state has the default value initial.
    assert second.props[PROP_STATE] == "initial"


def test_a_needs_translation_target_is_dropped_a_review_one_kept() -> None:
    (dropped,) = without_drafts(iter_units(io.BytesIO(xliff12("needs-translation")), "a.xlf"))
    assert [v.lang for v in dropped.variants] == ["en"]
    (kept,) = without_drafts(iter_units(io.BytesIO(xliff12("needs-l10n")), "a.xlf"))
    assert [v.text for v in kept.variants] == ["Open file", "Open file"]
    assert to_review(kept.props) == "needs-l10n in the memory"
    (done,) = without_drafts(iter_units(io.BytesIO(xliff12("signed-off")), "a.xlf"))
    assert len(done.variants) == 2 and to_review(done.props) is None


def test_a_glossary_read_from_xliff_does_not_keep_the_state() -> None:
    (concept,) = read_glossary(io.BytesIO(xliff12("translated")), "a.xlf").concepts
    assert PROP_STATE not in concept.props
