"""The engine skips a segment check when the segment holds none of its trigger characters
(termkit.check.engine.TRIGGERS); that is only right if the check can find nothing without
them. Both halves are tested on random texts built from the characters the checks look at:
each check, called directly, finds nothing in texts without its triggers; and the engine's
findings equal those of calling every check on every segment."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from termkit import lang as langtags
from termkit.check import Checker, Options
from termkit.check.engine import SEGMENT_CHECKS, TRIGGERS, ZH_ONLY
from termkit.check.findings import Finding
from termkit.check.segment import Segment
from termkit.model import Unit, Variant

# Pieces that make the format and typography checks fire: placeholders, tags, controls,
# digits, URLs, accelerators, brackets, quotes, dots, dashes, spaces, Chinese and Latin words.
PIECES = [
    "%s", "%d", "%1$s", "%(n)s", "%%", "{0}", "{name}", "{}", "<b>", "</b>", "<br/>",
    '<a href="x">', "\n", "\t", "\\", "\r", "\x07", "https://x.org/a", "www.x.org", "a@b.org",
    "_File", "&Open", "(_F)", "（", "）", "(", ")", "[", "]", "「", "」", "“", "”", '"', "'",
    "...", "……", "…", "—", "--", "-", "－", "，", "。", ",", ".", ":", ";", "?", "!", "：",
    "  ", " ", "\u3000", "3", "30", "1,000", "２０", "三", "的的", "the the", "檔案", "權力",
    "file", "GTK", "使用", "x",
]
OPTIONS = [
    Options(cjk_latin_spacing="require"),
    Options(cjk_latin_spacing="forbid", fullwidth_digits=True, quote_style="curly"),
]


def texts(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=8).map("".join)


def segment(source: str, target: str, lang: str) -> Segment:
    return Segment("f.po", 1, "u", 0, langtags.parse("en"), langtags.parse(lang), source, target)


def without(trigger: frozenset[str]) -> list[str]:
    """The pieces that hold none of ``trigger`` (pseudo-characters: the substring itself)."""
    return [p for p in PIECES if not any(t in p for t in trigger)]


@settings(max_examples=60, deadline=None)
@given(data=st.data(), lang=st.sampled_from(["zh-Hant-TW", "zh-Hans-CN", "en"]))
def test_a_check_finds_nothing_without_its_triggers(data: st.DataObject, lang: str) -> None:
    for check, trigger in TRIGGERS.items():
        pieces = without(trigger)
        source = data.draw(texts(pieces))
        target = data.draw(texts(pieces))
        # pieces joined may still form a pseudo-trigger ("  " from " " + " ")
        if any(t in source or t in target for t in trigger) or "www." in source:
            continue
        if check in ZH_ONLY and not lang.startswith("zh"):
            continue
        for options in OPTIONS:
            assert SEGMENT_CHECKS[check](segment(source, target, lang), options) == [], check


@settings(max_examples=40, deadline=None)
@given(
    pairs=st.lists(
        st.tuples(texts(PIECES), texts(PIECES), st.sampled_from(["zh-Hant-TW", "zh-Hans-CN", "en"])),
        min_size=1, max_size=6,
    )
)
def test_the_engine_finds_what_every_check_finds(pairs: list[tuple[str, str, str]]) -> None:
    units = [
        ("f.po", i, Unit(str(i), [Variant("en", s), Variant(lang, t)], "en"))
        for i, (s, t, lang) in enumerate(pairs)
    ]
    for options in OPTIONS:
        engine = Checker(checks=list(SEGMENT_CHECKS), options=options).run(units)
        direct: list[Finding] = []
        for i, (s, t, lang) in enumerate(pairs):
            if not t:
                continue
            seg = segment(s, t, lang)
            seg.unit, seg.index = str(i), i
            for check, fn in SEGMENT_CHECKS.items():
                if check in ZH_ONLY and not lang.startswith("zh"):
                    continue
                direct += fn(seg, options)
        def key(f: Finding) -> str:
            return repr((f.index, f.check, f.message, f.source_span, f.target_span))

        assert sorted(map(key, engine)) == sorted(map(key, direct))
