"""pypinyin-compatible output through termkit's lookup: the bridge to pypinyin's own tests.

Owns :func:`syllables`, which takes pypinyin's options (``style``, ``heteronym``, ``errors``,
``strict``, ``v_to_u``, ``neutral_tone_with_five``, ``tone_sandhi``) and returns what
``pypinyin.pinyin`` / ``lazy_pinyin`` return, but reads phrases on the Simplified form of the
text and keeps glossary readings. pypinyin's expectations run through it in the tests.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from termkit.pinyin.glossary_readings import GlossaryReadings, glossary_readings
from termkit.pinyin.readings import char_readings, han_run, simplified_key

if TYPE_CHECKING:
    from termkit.model import Glossary


def _safe_key(text: str) -> str:
    """Simplified lookup key, keeping any character whose Simplified form shares no reading."""
    key = simplified_key(text)
    if key == text:
        return key
    known = char_readings()
    chars = list(key)
    for i, (a, b) in enumerate(zip(text, key, strict=True)):
        if a != b:
            own = set(known.get(ord(a), "").split(","))
            if not own & set(known.get(ord(b), "").split(",")):
                chars[i] = a  # e.g. a t2s merge of characters that read differently
    return "".join(chars)


def syllables(
    text: str | Sequence[str],
    style: Any = None,
    *,
    glossary: Glossary | GlossaryReadings | None = None,
    heteronym: bool = False,
    errors: str | Callable[[str], Any] = "default",
    strict: bool = True,
    lazy: bool = False,
    **options: Any,
) -> list[Any]:
    """pypinyin-compatible output (``pinyin``/``lazy_pinyin``) through termkit's lookup.

    Same options as pypinyin (``style`` is a ``pypinyin.Style``; ``v_to_u``,
    ``neutral_tone_with_five``, ``tone_sandhi`` pass through), but phrases are looked up on
    the Simplified form of the text and glossary terms keep their glossary readings. A list
    input is pre-segmented words, as in pypinyin (no glossary matching across them).
    """
    from pypinyin import Style as PStyle
    from pypinyin import lazy_pinyin, pinyin
    from pypinyin.style import convert

    if style is None:
        style = PStyle.NORMAL if lazy else PStyle.TONE
    func = lazy_pinyin if lazy else pinyin
    kwargs: dict[str, Any] = dict(options, errors=errors, strict=strict)
    if not lazy:
        kwargs["heteronym"] = heteronym
    if not isinstance(text, str):
        # Pre-segmented input (a list of words), as pypinyin accepts it: words stay words.
        return list(func([_safe_key(w) for w in text], style, **kwargs))
    gloss = glossary if isinstance(glossary, GlossaryReadings) else glossary_readings(glossary)
    key = _safe_key(text)
    # Glossary spans become separate segments so pypinyin never reads across them.
    segments: list[tuple[str, str | None]] = []
    last = 0
    for m in han_run().finditer(key):
        for start, end in gloss.matches(key[m.start() : m.end()]):
            s, e = m.start() + start, m.start() + end
            if s > last:
                segments.append((key[last:s], None))
            segments.append((key[s:e], key[s:e]))
            last = e
    if last < len(key):
        segments.append((key[last:], None))
    out: list[Any] = []
    for seg, term in segments:
        if term is None:
            out.extend(func(seg, style, **kwargs))
            continue
        for i in range(len(term)):
            reads = [e[0][i] for e in gloss.readings[term]]
            styled = [str(convert(r, style, strict) or r) for r in dict.fromkeys(reads)]
            out.append(styled[0] if lazy else (styled if heteronym else styled[:1]))
    return out
