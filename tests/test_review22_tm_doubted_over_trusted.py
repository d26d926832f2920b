"""review22 (fixed): a doubted match in context hides a trusted exact match of the same source.

06e47e2 claimed: "an exact match the memory doubts (fuzzy or to review in its own file, a
flagged alignment) counts in the best fuzzy band, not 100/101: pretranslate already fills it
as fuzzy ... Leverage.doubt replaces fill.doubt so both ask one question". A memory built
from a project's PO files holds the same source twice: finished in one file (``Save
changes`` -> ``儲存變更``), marked ``#, fuzzy`` in another whose neighbours match the job's
(``保存更改``). The best match is chosen by score alone, so the doubted one wins at 101 and
``tm analyze`` now quotes the segment in 95-99 although the memory has a trusted 100% match
for it; ``tm pretranslate`` fills the doubted translation, marked fuzzy, instead of the
finished one. Before 06e47e2 analyze said 101 (the fill was already the fuzzy one). A user
quoting a job from a memory of several releases of one project hits this for every string
that was once fuzzy.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.inprocess import invoke

HEADER = 'msgid ""\nmsgstr ""\n"Language: zh_TW\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
DONE = HEADER + 'msgid "Open file"\nmsgstr "開啟檔案"\n\nmsgid "Save changes"\nmsgstr "儲存變更"\n'
DRAFT = (HEADER + 'msgid "Close window"\nmsgstr "關閉視窗"\n\n'
         '#, fuzzy\nmsgid "Save changes"\nmsgstr "保存更改"\n\nmsgid "Quit"\nmsgstr "離開"\n')
JOB = (HEADER + 'msgid "Close window"\nmsgstr ""\n\nmsgid "Save changes"\nmsgstr ""\n\n'
       'msgid "Quit"\nmsgstr ""\n')


def bands(tmp_path: Path, *memory: str) -> dict[str, int]:
    for name, text in (("done.po", DONE), ("draft.po", DRAFT), ("job.po", JOB)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    code, _out, err = invoke("tm", "import", "--db", "tm.sqlite", *memory, cwd=tmp_path)
    assert code == 0, err
    code, out, err = invoke("tm", "analyze", "--db", "tm.sqlite", "job.po", "--json", cwd=tmp_path)
    assert code == 0, err
    counts = json.loads(out)["files"][0]["bands"]
    return {band: c["segments"] for band, c in counts.items() if c["segments"]}


def test_a_doubted_match_alone_is_quoted_fuzzy(tmp_path: Path) -> None:
    """What holds: the commit's own case, the fuzzy translation the only one in the memory."""
    assert bands(tmp_path, "draft.po") == {"101": 2, "95-99": 1}


def test_a_trusted_exact_match_is_quoted_exact(tmp_path: Path) -> None:
    assert bands(tmp_path, "done.po", "draft.po") == {"101": 2, "100": 1}


def test_pretranslate_fills_the_trusted_translation(tmp_path: Path) -> None:
    bands(tmp_path, "done.po", "draft.po")
    code, _out, err = invoke("tm", "pretranslate", "--db", "tm.sqlite", "job.po", "-o", "out.po",
                             cwd=tmp_path)
    assert code == 0, err
    out = (tmp_path / "out.po").read_text(encoding="utf-8")
    assert 'msgid "Save changes"\nmsgstr "儲存變更"' in out
