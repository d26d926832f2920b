"""The dev records' keyword lists perturbed the way real records differ, and paired.

The pairing counterpart of :mod:`tests.kwmutations` (which measures page *reading*): every
dev record with both keyword lists (``tests/data/records/dev.jsonl`` and ``dev2.jsonl``) is
perturbed in one of the ways real records differ from one another — the English list in
another order, a keyword missing on one side, an English keyword with no counterpart, two
records' lists run together, English in Title Case or lower case, British or American
spelling, acronyms, the Chinese in the other script, plurals for singulars — and the
lists are paired with :func:`termkit.align.pair_keywords` (pairing alone, no page read).

The gold follows each perturbation: it is derived here from the record's hand-made gold by
the same string maps and list edits as the keywords (a dropped Chinese keyword's pairs
leave the gold, so its English counterpart must stay unpaired; an inserted English keyword
is in no gold pair, so pairing it is wrong). Nothing is hard-coded per record. Scored as
in ``tests/test_pairing_eval.py`` (:class:`~tests.test_pairing_eval.Tally`: sure gold
pairs; possible pairs and ignored keywords neither right nor wrong), beside the positional
baseline (the i-th Chinese keyword with the i-th English one) on the same perturbed lists.

A perturbation that does not apply to a record (no English spelling to change, no item of
two capitalised words to abbreviate) leaves it out of that row; ``same as-is`` gives the
unperturbed pairing of the same records, so every row reads as a change.

``python -m tests.pairmutations`` prints the table (pairing only: some seconds);
``python -m tests.pairmutations --failures NAME`` lists the wrong and missed pairs of one
perturbation. It measures only: no test asserts on it, so no rule is tuned to it.
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Rec = dict[str, Any]


@dataclass
class Case:
    """A record's keyword lists and gold, as perturbed."""

    id: str
    region: str
    zh: list[str]
    en: list[str]
    gold: dict[str, Any]  # pairs [[zh, en, grade]...], ignored [...]


# ------------------------------------------------------------------------- string maps

_SMALL_TEXT = "a an the and or nor of in on at to for with by from as vs via into onto upon but"
_SMALL = frozenset(_SMALL_TEXT.split())
_WORD = re.compile(r"[A-Za-z]+")


def title_case(text: str) -> str:
    """Every word capitalised but small function words after the first (acronyms and
    words already holding capitals kept): "Support for Democracy", "Business-to-Business"."""
    out = []
    for k, token in enumerate(text.split(" ")):
        parts = token.split("-")
        done = []
        for p, part in enumerate(parts):
            low = part.lower()
            if part != low or not part[:1].isalpha() or (low in _SMALL and (k or p)):
                done.append(part)
            else:
                done.append(part[:1].upper() + part[1:])
        out.append("-".join(done))
    return " ".join(out)


def lower_case(text: str) -> str:
    """All lower case, acronyms too (as some sites print every keyword)."""
    return text.lower()


def lower_keep_acronyms(text: str) -> str:
    """Lower case except words of two or more capitals (``CNN``, ``fMRI``)."""
    return " ".join(
        w if sum(c.isupper() for c in w) >= 2 else w.lower() for w in text.split(" ")
    )


# American -> British spellings, by ending (a word stem of four letters or more before it)
# and by word. The British -> American direction is the inverse. Endings that are not a
# spelling difference (size, prize, exercise) are left alone by the stem length and lists.
_US_UK_ENDINGS = (
    ("ization", "isation"), ("izations", "isations"), ("ize", "ise"), ("izes", "ises"),
    ("ized", "ised"), ("izing", "ising"), ("izer", "iser"), ("yze", "yse"), ("yzed", "ysed"),
    ("yzing", "ysing"),
)
_NOT_IZE_TEXT = (
    "size sizes sized prize prizes seize seized capsize enterprise enterprises exercise "
    "exercises exercised advertise advertising advertised compromise compromised expertise "
    "franchise franchises merchandise premise premises promise promises promised surprise "
    "surprised surprising televise televised comprise comprises comprised revise revised "
    "supervise supervised improvise improvised otherwise disguise despise devise devised "
    "precise concise paradise treatise excise incise demise noise praise raise cruise"
)
_NOT_IZE = frozenset(_NOT_IZE_TEXT.split())
_OUR_TEXT = (
    "behavior color labor favor honor neighbor harbor humor vigor rumor flavor endeavor "
    "odor armor vapor rigor demeanor savior"
)
_US_UK_WORDS: dict[str, str] = {
    "center": "centre", "centers": "centres", "centered": "centred", "theater": "theatre",
    "theaters": "theatres", "fiber": "fibre", "fibers": "fibres", "caliber": "calibre",
    "catalog": "catalogue", "catalogs": "catalogues", "dialog": "dialogue", "analog": "analogue",
    "defense": "defence", "offense": "offence", "license": "licence", "program": "programme",
    "programs": "programmes", "aging": "ageing", "judgment": "judgement", "fulfill": "fulfil",
    "fulfillment": "fulfilment", "enrollment": "enrolment", "skillful": "skilful",
    "gray": "grey", "mold": "mould", "pediatric": "paediatric", "pediatrics": "paediatrics",
    "anemia": "anaemia", "estrogen": "oestrogen", "maneuver": "manoeuvre",
    "archeology": "archaeology", "encyclopedia": "encyclopaedia", "orthopedic": "orthopaedic",
    "esophageal": "oesophageal", "hematology": "haematology", "anesthesia": "anaesthesia",
    "leukemia": "leukaemia", "diarrhea": "diarrhoea", "fetal": "foetal", "tumor": "tumour",
    "tumors": "tumours", "practice": "practise",  # (the verb; a noun in both)
}
for _w in _OUR_TEXT.split():
    for _end in ("", "s", "al", "ed", "ing", "ite", "ites", "able"):
        _US_UK_WORDS.setdefault(_w + _end, _w[:-2] + "our" + _end)
_DOUBLE_L_TEXT = "model travel label cancel fuel counsel signal level channel tunnel dial marshal"
for _w in _DOUBLE_L_TEXT.split():
    for _end in ("ing", "ed", "er", "ers", "or", "ors"):
        _US_UK_WORDS.setdefault(_w + _end, _w + "l" + _end)
del _US_UK_WORDS["practice"]  # the noun is spelled alike: not a difference to measure
_UK_US_WORDS = {uk: us for us, uk in _US_UK_WORDS.items()}


def _respell(word: str) -> str:
    low = word.lower()
    new = _US_UK_WORDS.get(low) or _UK_US_WORDS.get(low)
    if new is None and low not in _NOT_IZE:
        for us, uk in _US_UK_ENDINGS:
            for a, b in ((us, uk), (uk, us)):
                if low.endswith(a) and len(low) - len(a) >= 4:
                    new = low[: -len(a)] + b
                    break
            if new is not None:
                break
    if new is None:
        return word
    if word.isupper():
        return new.upper()
    if word[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def respell(text: str) -> str:
    """American spellings made British and British ones American (organization /
    organisation, behavior / behaviour, center / centre, modeling / modelling …)."""
    return _WORD.sub(lambda m: _respell(m.group(0)), text)


_HEAD_END_TEXT = (
    "of for in on with to among between by from at under within through toward towards and or"
)
_HEAD_END = frozenset(_HEAD_END_TEXT.split())
_NO_FLIP = ("ing", "ics", "ness", "ism", "ss", "us", "is", "ship", "ment", "tion", "ty",
            "ence", "ance", "ledge", "ure", "ics")


def _flip_number(word: str) -> str:
    low = word.lower()
    if len(low) < 3 or not low.isalpha() or sum(c.isupper() for c in word) >= 2:
        return word
    if low.endswith("s") and not low.endswith(("ss", "us", "is", "ics")):
        if low.endswith("ies") and len(low) > 4:
            new = word[:-3] + "y"
        elif low.endswith(("ches", "shes", "xes", "sses")):
            new = word[:-2]
        else:
            new = word[:-1]
        return new
    if low.endswith(_NO_FLIP):
        return word  # mass nouns and abstracts: "learnings", "awarenesses" are not real
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if low.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def flip_head_number(text: str) -> str:
    """The head noun (the last word before a post-modifier) singular for plural and plural
    for singular: "Neural Networks" / "Neural Network", "support for democracies"."""
    words = text.split(" ")
    head = len(words) - 1
    for k, w in enumerate(words):
        if k and w.lower() in _HEAD_END:
            head = k - 1
            break
    if head < 0:
        return text
    m = re.fullmatch(r"([^A-Za-z]*)([A-Za-z]+)([^A-Za-z]*)", words[head])
    if m is None:
        return text
    words[head] = m.group(1) + _flip_number(m.group(2)) + m.group(3)
    return " ".join(words)


def capitalised_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if w[:1].isupper()]


def acronym_of(text: str) -> str | None:
    """The initials of the content words of an English item with two or more capitalised
    words ("Hierarchical Cluster Analysis" -> "HCA"), else None."""
    if len(capitalised_words(text)) < 2:
        return None
    words = [w for w in _WORD.findall(text) if w.lower() not in _SMALL]
    if len(words) < 2 or any(sum(c.isupper() for c in w) >= 2 for w in words):
        return None
    return "".join(w[0].upper() for w in words)


def _opencc(config: str, text: str) -> str:
    import opencc

    return str(_CONVERTERS.setdefault(config, opencc.OpenCC(f"{config}.json")).convert(text))


_CONVERTERS: dict[str, Any] = {}


def other_script(text: str, phrases: bool = False) -> str:
    """The Chinese in the other script: Traditional to Simplified, Simplified to
    Traditional (with ``phrases``, OpenCC's Taiwan/mainland phrase tables too)."""
    simplified = _opencc("t2s", text)
    if simplified != text:
        return _opencc("tw2sp", text) if phrases else simplified
    return _opencc("s2twp", text) if phrases else _opencc("s2t", text)


# ------------------------------------------------------------------------- perturbations


def _mapped(case: Case, zh_map: Callable[[str], str] | None = None,
            en_map: Callable[[str], str] | None = None,
            en_only: set[str] | None = None) -> Case | None:
    """``case`` with its keywords (and the gold's) mapped; None when nothing changed.
    ``en_only`` limits the English map to those items."""

    def zm(s: str) -> str:
        return zh_map(s) if zh_map else s

    def em(s: str) -> str:
        if en_map is None or (en_only is not None and s not in en_only):
            return s
        return en_map(s)

    zh, en = [zm(z) for z in case.zh], [em(e) for e in case.en]
    if zh == case.zh and en == case.en:
        return None
    gold = {
        "pairs": [[zm(z), em(e), g] for z, e, g in case.gold["pairs"]],
        "ignored": [zm(k) if k in case.zh else em(k) for k in case.gold["ignored"]],
    }
    return Case(case.id, case.region, zh, en, gold)


def _reordered(case: Case, order: list[int]) -> Case | None:
    if order == list(range(len(case.en))):
        return None
    return Case(case.id, case.region, case.zh, [case.en[k] for k in order], case.gold)


def _seeded(case: Case) -> random.Random:
    return random.Random(f"pairmutations:{case.id}")


def rotate(case: Case) -> Case | None:
    n = len(case.en)
    return _reordered(case, [*range(1, n), 0]) if n > 1 else None


def reverse(case: Case) -> Case | None:
    return _reordered(case, list(range(len(case.en)))[::-1])


def shuffle(case: Case) -> Case | None:
    order = list(range(len(case.en)))
    _seeded(case).shuffle(order)
    return _reordered(case, order)


def drop_zh(case: Case) -> Case | None:
    """The middle Chinese keyword left out; its gold pairs go, its counterpart stays."""
    if len(case.zh) < 2:
        return None
    gone = case.zh[len(case.zh) // 2]
    zh = [z for z in case.zh if z != gone]
    gold = {"pairs": [p for p in case.gold["pairs"] if p[0] != gone],
            "ignored": case.gold["ignored"]}
    return Case(case.id, case.region, zh, case.en, gold)


def drop_en(case: Case) -> Case | None:
    """The middle English keyword left out; its gold pairs go, its counterpart stays."""
    if len(case.en) < 2:
        return None
    gone = case.en[len(case.en) // 2]
    en = [e for e in case.en if e != gone]
    gold = {"pairs": [p for p in case.gold["pairs"] if p[1] != gone],
            "ignored": case.gold["ignored"]}
    return Case(case.id, case.region, case.zh, en, gold)


def _content(text: str) -> set[str]:
    return {w.lower()[:5] for w in _WORD.findall(text) if w.lower() not in _SMALL}


def make_insert_en(cases: list[Case]) -> Callable[[Case], Case | None]:
    """An English keyword of another record, sharing no word with this record's English,
    put in the middle of the English list: in no gold pair."""
    pool = [e for c in cases for e in c.en]

    def insert(case: Case) -> Case | None:
        words = set().union(*(_content(e) for e in case.en))
        start = _seeded(case).randrange(len(pool))
        for k in range(len(pool)):
            cand = pool[(start + k) % len(pool)]
            if cand not in case.en and not (_content(cand) & words) and _content(cand):
                en = list(case.en)
                en.insert(len(en) // 2, cand)
                return Case(case.id, case.region, case.zh, en, case.gold)
        return None

    return insert


def make_concat(cases: list[Case]) -> Callable[[Case], Case | None]:
    """This record's lists followed by those of the next record of its region: one long
    list as a page that runs two records together gives, or a long thesis list."""
    by_region: dict[str, list[Case]] = {}
    for c in cases:
        by_region.setdefault(c.region, []).append(c)

    def concat(case: Case) -> Case | None:
        group = by_region[case.region]
        other = group[(group.index(case) + 1) % len(group)]
        if other is case:
            return None
        gold = {"pairs": case.gold["pairs"] + other.gold["pairs"],
                "ignored": case.gold["ignored"] + other.gold["ignored"]}
        return Case(case.id, case.region, case.zh + other.zh, case.en + other.en, gold)

    return concat


def add_acronym(case: Case) -> Case | None:
    """"… (XYZ)" after every English item of two or more capitalised words."""
    eligible = {e for e in case.en if acronym_of(e)}
    return _mapped(case, en_map=lambda e: f"{e} ({acronym_of(e)})", en_only=eligible)


def to_acronym(case: Case) -> Case | None:
    """The first English item of two or more capitalised words replaced by its acronym."""
    first = next((e for e in case.en if acronym_of(e)), None)
    if first is None:
        return None
    return _mapped(case, en_map=lambda e: str(acronym_of(e)), en_only={first})


def perturbations(cases: list[Case]) -> dict[str, Callable[[Case], Case | None]]:
    """Every perturbation by name (None from one: it does not apply to that record)."""
    return {
        "as published": lambda c: c,
        "English rotated by one": rotate,
        "English reversed": reverse,
        "English shuffled": shuffle,
        "one Chinese keyword dropped": drop_zh,
        "one English keyword dropped": drop_en,
        "extra English keyword inserted": make_insert_en(cases),
        "two records concatenated": make_concat(cases),
        "English Title Case": lambda c: _mapped(c, en_map=title_case),
        "English lower case": lambda c: _mapped(c, en_map=lower_case),
        "English lower case, acronyms kept": lambda c: _mapped(c, en_map=lower_keep_acronyms),
        "British/American spelling": lambda c: _mapped(c, en_map=respell),
        "acronym added (XYZ)": add_acronym,
        "English replaced by acronym": to_acronym,
        "Chinese other script (t2s/s2t)": lambda c: _mapped(c, zh_map=other_script),
        "Chinese other script + phrases": lambda c: _mapped(
            c, zh_map=lambda z: other_script(z, phrases=True)),
        "English heads plural/singular": lambda c: _mapped(c, en_map=flip_head_number),
        # Position hides weak evidence in parallel lists: the same string maps on shuffled
        # lists show what the evidence alone makes of them.
        "shuffled + Title Case": _shuffled(en_map=title_case),
        "shuffled + lower case": _shuffled(en_map=lower_case),
        "shuffled + British/American": _shuffled(en_map=respell),
        "shuffled + plural/singular": _shuffled(en_map=flip_head_number),
        "shuffled + other script": _shuffled(zh_map=other_script),
    }


def _shuffled(zh_map: Callable[[str], str] | None = None,
              en_map: Callable[[str], str] | None = None) -> Callable[[Case], Case | None]:
    """Shuffle the English, then map: None unless both change the record."""

    def both(case: Case) -> Case | None:
        shuffled = shuffle(case)
        return None if shuffled is None else _mapped(shuffled, zh_map, en_map)

    return both


# ------------------------------------------------------------------------- measuring


def load_cases() -> list[Case]:
    """Every dev record with both keyword lists, inline pinyin removed (as the evaluation
    compares without it)."""
    from . import devrecords

    plain = devrecords.without_inline_pinyin
    out = []
    for rec in devrecords.load_all_dev():
        if not rec["keywords_zh"] or not rec["keywords_en"]:
            continue
        gold = devrecords.plain_gold(rec["gold"])
        out.append(Case(
            rec["id"], devrecords.region(rec),
            [plain(k) for k in rec["keywords_zh"]], [plain(k) for k in rec["keywords_en"]],
            {"pairs": gold["pairs"], "ignored": gold["ignored"]},
        ))
    return out


@dataclass
class Row:
    """One perturbation's tallies: termkit, position and unperturbed termkit, by group."""

    termkit: dict[str, Any]
    position: dict[str, Any]
    as_is: dict[str, Any]
    failures: list[tuple[str, str, list[tuple[str, str]], list[tuple[str, str]]]]
    crashed: list[str]  # records whose pairing raised (counted as no pair)


def pair_case(case: Case) -> set[tuple[str, str]]:
    from termkit.align import pair_keywords
    from termkit.lexicon import get_lexicon

    pairs, _, _ = pair_keywords(case.zh, case.en, get_lexicon())
    return {(p.zh, p.en) for p in pairs}


def measure(names: list[str] | None = None) -> dict[str, Row]:
    """Perturbation name -> its :class:`Row`."""
    from .test_pairing_eval import Tally

    cases = load_cases()
    table: dict[str, Row] = {}
    for name, perturb in perturbations(cases).items():
        if names is not None and name not in names:
            continue
        row = Row({}, {}, {}, [], [])
        for case in cases:
            changed = perturb(case)
            if changed is None:
                continue
            try:
                made = pair_case(changed)
            except Exception as exc:  # a crash is a finding: count it, go on measuring
                row.crashed.append(f"{changed.id}: {type(exc).__name__}: {exc}")
                made = set()
            plain = pair_case(case)
            positional = set(zip(changed.zh, changed.en, strict=False))
            for group in ("all", changed.region):
                row.termkit.setdefault(group, Tally()).add(made, changed.gold)
                row.position.setdefault(group, Tally()).add(positional, changed.gold)
                row.as_is.setdefault(group, Tally()).add(plain, case.gold)
            sure = {(z, e) for z, e, g in changed.gold["pairs"] if g == "sure"}
            possible = {(z, e) for z, e, g in changed.gold["pairs"] if g != "sure"}
            ignored = set(changed.gold["ignored"])
            wrong = sorted(p for p in made - sure - possible
                           if p[0] not in ignored and p[1] not in ignored)
            missed = sorted(sure - made)
            if wrong or missed:
                row.failures.append((changed.id, changed.region, wrong, missed))
        table[name] = row
    return table


def _pr(t: Any) -> str:
    return f"{t.precision:.3f} / {t.recall:.3f}" if t is not None else "-"


def print_table(table: dict[str, Row]) -> None:
    print("| perturbation | records | termkit P / R | position P / R | same as-is P / R "
          "| Taiwan termkit | Taiwan position | mainland termkit | mainland position |")
    print("|---" * 9 + "|")
    for name, row in table.items():
        alls = row.termkit.get("all")
        n = alls.records if alls is not None else 0
        cells = [
            _pr(row.termkit.get("all")), _pr(row.position.get("all")), _pr(row.as_is.get("all")),
            _pr(row.termkit.get("Taiwan")), _pr(row.position.get("Taiwan")),
            _pr(row.termkit.get("mainland")), _pr(row.position.get("mainland")),
        ]
        crashed = f" ({len(row.crashed)} crashed)" if row.crashed else ""
        print(f"| {name}{crashed} | {n} | " + " | ".join(cells) + " |")
    print("(sure gold pairs, P / R; 'same as-is': termkit on the same records unperturbed)")
    for name, row in table.items():
        for crash in row.crashed:
            print(f"crash in '{name}': {crash}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.pairmutations")
    parser.add_argument("--failures", metavar="NAME", action="append",
                        help="list wrong and missed pairs of this perturbation")
    args = parser.parse_args(argv)
    table = measure(args.failures)
    unknown = [n for n in args.failures or [] if n not in table]
    if unknown:  # not a KeyError traceback after the table
        parser.error(f"no perturbation named {unknown[0]!r}; the names: "
                     + "; ".join(perturbations(load_cases())))
    print_table(table)
    for name in args.failures or []:
        print(f"\n== {name}")
        for rid, region, wrong, missed in table[name].failures:
            print(f"{rid} ({region})")
            for z, e in wrong:
                print(f"   wrong  {z} = {e}")
            for z, e in missed:
                print(f"   missed {z} = {e}")


if __name__ == "__main__":
    main()
