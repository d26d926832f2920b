"""The script and region checks: ``wrong-script`` and ``wrong-region``.

Both look at Chinese targets whose tag says the script (``zh-Hant*``/``zh-Hans*``) or the
region (``-TW``, ``-HK``, ``-MO``, ``-CN``, ``-SG``, ``-MY``), and suggest the form the
target should have: the glossary's form for that variant, else OpenCC's conversion.
"""

from __future__ import annotations

from collections import defaultdict

from termkit.check import findings as F
from termkit.check.findings import Finding
from termkit.check.index import RegionIndex, TermIndex, side
from termkit.check.matching import convert, fold_zh
from termkit.check.script import foreign_positions, hant_config, runs
from termkit.check.segment import Segment
from termkit.model import Status

_LISTED = 12  # pieces named in a wrong-script message; the rest are counted


def wrong_script(seg: Segment, index: TermIndex | None) -> list[Finding]:
    """``wrong-script``: characters of the other script in a Chinese target, with the fix.

    One finding per segment, listing every piece: a glossary term that covers foreign
    characters is listed whole with its form in the target's variant, other runs of foreign
    characters with OpenCC's conversion. The finding spans the target from the first piece
    to the last, and ``expected`` is that span with every piece corrected.
    """
    tgt = seg.target
    script = seg.target_lang.script
    if not tgt or seg.target_lang.language != "zh" or script not in ("Hant", "Hans"):
        return []
    positions = foreign_positions(tgt, script, seg.target_lang.region)
    if not positions:
        return []
    config = hant_config(seg.target_lang.region) if script == "Hant" else "t2s"
    converted = convert(tgt, config)
    if len(converted) != len(tgt):
        converted = "".join(convert(c, config) if len(convert(c, config)) == 1 else c for c in tgt)
    other = "Simplified" if script == "Hant" else "Traditional"
    mine = "Traditional" if script == "Hant" else "Simplified"
    left = set(positions)
    # (start, end, wanted, glossary form or None, concept id or None)
    pieces: list[tuple[int, int, str, str | None, str | None]] = []
    if index is not None:
        for m in index.zh.longest(tgt):
            hit = [p for p in range(m.start, m.end) if p in left]
            if not hit:
                continue
            left.difference_update(hit)
            form = index.forms[m.key]
            wanted = _variant_form(index, form.concept, seg) or converted[m.start : m.end]
            if wanted == tgt[m.start : m.end]:
                # The glossary's form for this variant, as written (族群邊界 in a zh-HK target,
                # where OpenCC's variant is 族羣邊界): what `convert -g` writes, not foreign.
                continue
            pieces.append((m.start, m.end, wanted, form.text, index.concept_id(form.concept)))
    for start, end in runs(sorted(left)):
        pieces.append((start, end, converted[start:end], None, None))
    if not pieces:
        return []
    pieces.sort()
    head = f"{other} characters in a {mine} ({seg.target_lang}) target: "
    listed = ", ".join(f"{tgt[a:b]!r} should be {w!r}" for a, b, w, _, _ in pieces[:_LISTED])
    if len(pieces) > _LISTED:
        listed += f" and {len(pieces) - _LISTED} more"
    first, last = pieces[0][0], pieces[-1][1]
    fixed, pos = [], first
    for a, b, wanted, _, _ in pieces:
        fixed += [tgt[pos:a], wanted]
        pos = b
    fixed.append(tgt[pos:last])
    single = len(pieces) == 1
    return [
        seg.finding(
            F.WRONG_SCRIPT,
            head + listed,
            term=pieces[0][3] if single else None,
            found=tgt[first:last],
            expected=("".join(fixed),),
            concept=pieces[0][4] if single else None,
            target_span=(first, last),
        )
    ]


def _variant_form(index: TermIndex, concept: int, seg: Segment) -> str | None:
    """The concept's Chinese form written in the target's script (best tag match first)."""
    want = seg.target_lang
    best: tuple[int, int, str] | None = None
    for k in index.forms_of(concept, zh=True):
        f = index.forms[k]
        if f.status is Status.DEPRECATED or f.script != want.script:
            continue
        score = 0 if f.region == want.region else 1 if f.region is None else 2
        if best is None or (score, f.rank) < best[:2]:
            best = (score, f.rank, f.text)
    return best[2] if best else None


def wrong_region(seg: Segment, regional: RegionIndex | None) -> list[Finding]:
    """``wrong-region``: vocabulary of another region, with the form for the target's region.

    A place in the target is reported when the regional forms found there are none of them
    the target region's form of their concept (Taiwan falls back to Hong Kong and Macau
    forms when a concept has no Taiwan form, and so on; see :class:`RegionIndex`).
    """
    tgt = seg.target
    region = seg.target_lang.region
    if not tgt or regional is None or not side(region) or seg.target_lang.language != "zh":
        return []
    assert region is not None
    # Forms standing as words, as the lock reads them; a form's topic-only status is that of
    # the target's script, as convert decides it by the script of the text it reads.
    matches = regional.word_matches(tgt, seg.target_lang.script)
    if not matches:  # most targets
        return []
    spans: dict[tuple[int, int], list[int]] = defaultdict(list)
    for m in matches:
        spans[(m.start, m.end)].append(m.key)
    out: list[Finding] = []
    for (start, end), keys in sorted(spans.items()):
        judged: list[tuple[int, str]] = []
        at_home = False
        for k in keys:
            ci, _region, text = regional.forms[k]
            wanted = regional.home_form(ci, region)
            if wanted is None:
                continue  # the concept has no form for this side: nothing to judge by
            if fold_zh(wanted) == fold_zh(text):
                at_home = True
                break
            judged.append((k, wanted))
        if at_home or not judged:
            continue
        k, wanted = judged[0]
        text = regional.forms[k][2]
        theirs = "/".join(sorted({regional.forms[j][1] for j, _ in judged}))
        found = tgt[start:end]
        out.append(
            seg.finding(
                F.WRONG_REGION,
                f"{found!r} is {theirs} usage; in a {region} target write {wanted!r}",
                term=text,
                found=found,
                expected=(wanted,),
                target_span=(start, end),
            )
        )
    return out
