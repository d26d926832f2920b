"""review20: a glossary term's reading is applied across word boundaries by `pinyin -g`.

`pinyin -g GLOSSARY`: "Glossary readings override pypinyin's". `convert` reads a glossary form
"as a word": a general word crossing the form's edge (`提供` in `提供應用`) keeps it from
locking there (README, "What the lock guarantees"). `pinyin -g` does not: with a glossary
holding 会计 (kuàijì, 'accounting'), `开会计划` (开会 'hold a meeting' + 计划 'plan', both
CC-CEDICT words) is annotated `kāi kuàijì huà` where plain `termkit pinyin` gives
`kāihuì jìhuà`; with 长度 (chángdù, 'length'), `成长度过` (成长 + 度过) becomes
`chéng chángdù guò` instead of `chéngzhǎng dùguò`. The README's own example annotates a
record page with a built glossary (`pinyin -g glossaries/example/glossary.txt -i …`), whose
terms sit inside running text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.inprocess import invoke

GLOSSARY = """# termkit glossary 1

[c0000000000a1]
kind: term
status: preferred
term zh-Hans: 会计
  status: preferred
  pinyin: kuàijì
term en: accounting
  status: preferred

[c0000000000a2]
kind: term
status: preferred
term zh-Hans: 长度
  status: preferred
  pinyin: chángdù
term en: length
  status: preferred
"""

TEXTS = ["开会计划", "我们开会计划明天的工作", "成长度过"]


def annotate(tmp_path: Path, text: str, *glossary: str) -> str:
    if glossary:
        path = tmp_path / "terms.glossary.txt"
        path.write_text(GLOSSARY, encoding="utf-8")
        code, out, err = invoke("pinyin", "-g", path, text)
    else:
        code, out, err = invoke("pinyin", text)
    assert (code, err) == (0, "")
    return out


def test_the_terms_themselves_take_the_glossary_reading(tmp_path: Path) -> None:
    """What holds: where the form is a word, its reading is the glossary's."""
    assert annotate(tmp_path, "会计和长度", "g") == "会计和长度(kuàijì hé chángdù)\n"


@pytest.mark.parametrize("text", TEXTS)
def test_without_glossary_the_words_are_read_right(tmp_path: Path, text: str) -> None:
    """The oracle: plain pinyin reads 开会|计划 and 成长|度过."""
    out = annotate(tmp_path, text)
    assert "kāihuì jìhuà" in out or "chéngzhǎng dùguò" in out


@pytest.mark.parametrize("text", TEXTS)
def test_a_glossary_form_inside_other_words_does_not_change_them(tmp_path: Path,
                                                                  text: str) -> None:
    assert annotate(tmp_path, text, "g") == annotate(tmp_path, text)
