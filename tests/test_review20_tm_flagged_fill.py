"""review20: `tm pretranslate` fills from an alignment the memory itself flagged as doubtful.

`tm import --format records` aligns a record's abstract sentences and flags the pairs it doubts
(`flagged` in `tm import`'s summary and in `tm stats`; `tm search` prints "(flagged)"). On the
real page `tests/data/records/real/learn/003.txt` (a Taiwanese repository page whose English
"abstract" is the site's footer) the pair `Enhanced by NTU Library IR team.` — `臺灣的進出口貿易,
則高達99%為海上運輸,…` is flagged (alignment score 0.05). Pre-translating a catalog holding
that English line fills it with the Chinese sentence as a 100% match, translated, not fuzzy,
and `tm analyze` counts it as a 100% match. A PO entry the memory holds as fuzzy is, by
contrast, filled as fuzzy ("fuzzy in the memory").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DATA
from tests.inprocess import invoke

PAGE = DATA / "records" / "real" / "learn" / "003.txt"
LINE = "Enhanced by NTU Library IR team."
JOB = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
       f'"Language: zh_TW\\n"\n\nmsgid "{LINE}"\nmsgstr ""\n')


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "tm.sqlite"
    code, _, err = invoke("tm", "import", "--db", path, "--format", "records", "-q", PAGE)
    assert code == 0, err
    return path


def test_the_memory_flags_the_pair(db: Path) -> None:
    """What holds (and the oracle): search finds the pair and marks it flagged."""
    code, out, err = invoke("tm", "search", "--db", db, LINE, "--json")
    assert code == 0, err
    (hit,) = [h for h in json.loads(out) if h["text"] == LINE]
    assert hit["score"] == 100 and hit["unit"]["flagged"] is True


def test_a_flagged_pair_is_not_a_translated_fill(db: Path, tmp_path: Path) -> None:
    job = tmp_path / "job.zh_TW.po"
    job.write_text(JOB, encoding="utf-8")
    out = tmp_path / "out.zh_TW.po"
    code, _, err = invoke("tm", "pretranslate", "--db", db, job, "-o", out)
    assert code == 0, err
    entry = out.read_text(encoding="utf-8").split(f'msgid "{LINE}"')[0].rsplit("\n\n", 1)[-1]
    filled = "臺灣的進出口貿易" in out.read_text(encoding="utf-8")
    assert not filled or "fuzzy" in entry
