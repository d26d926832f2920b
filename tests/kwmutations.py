"""The dev records with keywords of kinds the dev lists lack, in every page family.

A hostile check of the page readers (review7, 2026-12): each *mutation* adds to both
keyword lists of every dev record one keyword of a kind real lists have and the dev records
do not (a number such as ``921`` first or last, a year range, a gene such as ``p53``, a
Latin term first, a poet's name, a keyword as long as a title, one with a colon, one holding
a list in brackets, a label word such as ``摘要`` / ``abstract`` …), or cuts the lists to one
keyword; the records are then laid out in every family of :mod:`tests.pagevariants` and in
the unlabelled and labelled renderings of :mod:`tests.devrecords`, read back, and counted
when both lists read back exactly. The added keywords are made up here, not dev text.

``python -m tests.kwmutations`` prints the table (a minute or so). It measures only: no test
asserts on it, so no rule is tuned to it.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

Rec = dict[str, Any]

# name -> (Chinese keyword, English keyword, where): where is "first", "last" or "zh-first"
# (the Chinese list only); ``None`` keywords cut both lists to their first keyword.
MUTATIONS: dict[str, tuple[str | None, str | None, str]] = {
    "number first": ("921", "921", "first"),
    "number last": ("921", "921", "last"),
    "year range first": ("1937-1945", "1937-1945", "first"),
    "gene first": ("p53", "p53", "first"),
    "Latin term first": ("ChatGPT", "ChatGPT", "first"),
    "poet first (Chinese list only)": ("鄭愁予", None, "zh-first"),
    "poet first in both": ("鄭愁予", "Cheng Chou-yu", "first"),
    "title-long keyword first": ("經濟合作暨發展組織國際學生能力評量計畫", "PISA", "first"),
    "long keywords last": ("中小學教師專業發展評鑑實施計畫",
                           "program of teacher evaluation for professional development", "last"),
    "colon keyword last": ("档案利用：档案资源开发", "archival use: resource development", "last"),
    "bracketed list last": ("企業對企業(B2B、B2C)", "business-to-business (B2B, B2C)", "last"),
    "label word last": ("摘要", "abstract", "last"),
    "lower-case Latin last": ("數位學習", "e-learning", "last"),
    "one keyword each": (None, None, "cut"),
}


def mutate(rec: Rec, name: str) -> Rec | None:
    """``rec`` with the keyword of mutation ``name`` added (None if it has no two lists)."""
    zh, en = list(rec["keywords_zh"]), list(rec["keywords_en"])
    if not zh or not en:
        return None
    k_zh, k_en, where = MUTATIONS[name]
    if where == "cut":
        zh, en = zh[:1], en[:1]
    elif where == "first":
        zh.insert(0, str(k_zh))
        en.insert(0, str(k_en))
    elif where == "last":
        zh.append(str(k_zh))
        en.append(str(k_en))
    else:
        zh.insert(0, str(k_zh))
    out = copy.deepcopy(rec)
    out["keywords_zh"], out["keywords_en"] = zh, en
    # The published lines no longer match the lists: lay the lists out instead.
    out["keywords_layout"] = "mutated"
    # (the labelled rendering prints a published one-line field as it was: without this, its
    # column measured the unmutated lines against the mutated lists)
    for key in ("keywords_raw", "keywords_zh_raw", "keywords_en_raw"):
        out.pop(key, None)
    return out


def families() -> dict[str, Callable[[Rec], str]]:
    """Every page family, and the unlabelled and labelled renderings."""
    from . import devrecords, pagevariants

    out: dict[str, Callable[[Rec], str]] = dict(pagevariants.FAMILIES)
    out["page"] = lambda rec: devrecords.RENDERINGS["page"][1](rec)
    out["labelled"] = lambda rec: devrecords.RENDERINGS["labelled"][1](rec)
    return out


def measure() -> dict[tuple[str, str], tuple[int, int]]:
    """(mutation, family) -> (records whose two lists read back exactly, records)."""
    from termkit.records import parse_records

    from . import devrecords

    records = devrecords.load_all_dev()
    table: dict[tuple[str, str], tuple[int, int]] = {}
    for name in MUTATIONS:
        for family, render in families().items():
            right = total = 0
            for rec in records:
                mutated = mutate(rec, name)
                if mutated is None:
                    continue
                total += 1
                read = parse_records(render(mutated).encode("utf-8"), "page.txt")
                zh = [k for r in read for k in r.keywords_zh]
                en = [k for r in read for k in r.keywords_en]
                right += zh == mutated["keywords_zh"] and en == mutated["keywords_en"]
            table[(name, family)] = (right, total)
    return table


def main() -> None:
    table = measure()
    names = list(families())
    print("| mutation | " + " | ".join(names) + " |")
    print("|---" * (len(names) + 1) + "|")
    for name in MUTATIONS:
        cells = [f"{table[(name, f)][0]}" for f in names]
        print(f"| {name} | " + " | ".join(cells) + " |")
    total = next(iter(table.values()))[1]
    print(f"(records whose two keyword lists read back exactly, of {total})")


if __name__ == "__main__":
    main()
