"""Shortcuts a build takes for speed (#11) must not change an answer.

* The readers' script tests (has_han, is_other_script, fold) answer an ASCII string without
  a search: no character they look for is ASCII. Checked against the search itself, on
  generated text mixing ASCII with the characters each one looks for.
* term_sort_key keeps the order group of each language tag it has seen: the key must be
  the one computed from the tag every time, for tags of any case and shape.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from termkit.glossary.keys import STATUS_RANK, term_sort_key
from termkit.model import Status, Term
from termkit.records import script

# The searches the shortcuts stand in front of, written out here (script.HAN is public).
_HAN = re.compile(f"[{script.HAN}]")
_OTHER = re.compile(
    r"[\u3040-\u30fa\u30fc-\u30ff\u31f0-\u31ff\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]"
)
_RADICALS = re.compile(r"[\u2e80-\u2fdf]")
# Traditional, Simplified, English, then the others (the documented term order).
_LANG_ORDER = {"zh-hant": 0, "zh-hans": 1, "en": 2}

# ASCII, Han (with a radical and an extension-B ideograph), kana, Hangul, full-width forms.
_TEXT = st.text(
    alphabet=st.sampled_from("aZ09 .,;:()-\t\u3007中文⾦𠀀あカ한ㄱ，：（\u00e9"), max_size=20
)


@given(_TEXT)
def test_script_tests_answer_as_their_searches(text: str) -> None:
    assert script.has_han(text) is (_HAN.search(text) is not None)
    assert script.is_other_script(text) is (_OTHER.search(text) is not None)
    folded = _RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    assert script.fold(text) == folded


def test_ascii_text_has_no_han_and_folds_to_itself() -> None:
    assert not script.has_han("Deep learning (DL); 2024")
    assert script.has_han("Deep learning 深度學習")
    assert script.fold("Vol. 10") == "Vol. 10"
    assert script.fold("⾦融") == "金融"


def _reference_key(t: Term) -> tuple[int, str, int, int, str]:
    base = t.lang.lower()
    group = next(
        (rank for prefix, rank in _LANG_ORDER.items()
         if base == prefix or base.startswith(prefix + "-")),
        3,
    )
    return (group, base, STATUS_RANK[t.status], -t.support, t.text)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["zh-Hant", "ZH-hant-TW", "zh-Hans", "zh-Hans-CN", "zh", "en",
                             "EN-us", "english", "zh-hantx", "fr", ""]),
            st.sampled_from(list(Status)),
            st.integers(min_value=1, max_value=5),
            st.text(max_size=3),
        ),
        max_size=8,
    )
)
def test_term_sort_key_is_the_key_of_the_tag(rows: list[tuple[str, Status, int, str]]) -> None:
    terms = [Term(text, lang, status, None, None, support, []) for lang, status, support, text in rows]
    for t in terms:  # asked twice: the second answer comes from the kept group
        assert term_sort_key(t) == _reference_key(t)
        assert term_sort_key(t) == _reference_key(t)
