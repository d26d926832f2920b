"""Render the development records (``tests/data/records/dev.jsonl`` and ``dev2.jsonl``) as inputs.

Used by the record-reader tests and by the end-to-end pairing tests: each dev record is
turned into the unlabelled page layout of ``termkit/data/example-record.txt`` (using the
raw strings as published wherever the record has them) or into RIS, so the readers can be
checked against the hand-made fields of the record.

The renderers are independent of termkit: they only lay out the given strings.
:data:`RENDERINGS` names the renderings every dev record is read and paired in (the
evaluation in ``test_pairing_eval.py`` runs each of them); each takes a record and returns
``(file suffix, text)``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

DEV = Path(__file__).parent / "data" / "records" / "dev.jsonl"
DEV2 = Path(__file__).parent / "data" / "records" / "dev2.jsonl"

_RIS_TYPES = {"journal_article": "JOUR", "thesis": "THES", "conference_paper": "CPAPER"}


def load_dev(path: Path = DEV) -> list[dict[str, Any]]:
    """The development records, one dict per line of ``dev.jsonl`` (or ``path``), in file order."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_all_dev() -> list[dict[str, Any]]:
    """Every development record: ``dev.jsonl`` (17) then ``dev2.jsonl`` (78)."""
    return load_dev(DEV) + load_dev(DEV2)


def region(rec: dict[str, Any]) -> str:
    """``"Taiwan"`` or ``"mainland"``: where the site that published the record is.

    dev2 ids say it (``kwrec-T…`` Taiwanese sites, ``kwrec-C…`` mainland sites); the first
    seventeen records are told by their site's domain.
    """
    rid = rec["id"]
    if rid.startswith("kwrec-T"):
        return "Taiwan"
    if rid.startswith("kwrec-C"):
        return "mainland"
    site = rec.get("source_site", "")
    return "Taiwan" if ".tw" in site or "airiti" in site else "mainland"


def keyword_block(rec: dict[str, Any]) -> str:
    """The keyword lines of a record as published (per ``keywords_layout``)."""
    layout = rec["keywords_layout"]
    if layout == "separate_fields":
        return rec["keywords_zh_raw"] + "\n" + rec["keywords_en_raw"]
    if rec.get("keywords_raw"):
        return str(rec["keywords_raw"])
    # tag_set_sorted: no published line; lay the two lists out as one combined line.
    return " ; ".join([*rec["keywords_zh"], *rec["keywords_en"]])


def render_page(rec: dict[str, Any], *, split_keywords: bool = False) -> str:
    """A dev record in the page-text layout; blocks are separated by blank lines.

    ``split_keywords=True`` puts Chinese and English keyword lines of a
    ``separate_fields`` record into two blocks instead of one.
    """
    blocks: list[str] = []
    for key in ("title_en", "title_zh", "authors_raw"):
        if rec.get(key):
            blocks.append(rec[key])
    if split_keywords and rec["keywords_layout"] == "separate_fields":
        blocks += [rec["keywords_zh_raw"], rec["keywords_en_raw"]]
    else:
        blocks.append(keyword_block(rec))
    for key in ("volume_issue_raw", "pages_raw"):
        if rec.get(key):
            blocks.append(rec[key])
    if rec.get("subject_raw"):
        blocks.append("主题分类 " + rec["subject_raw"])
    return "\n\n" + "\n\n\n".join(blocks) + "\n"


def _ris_line(tag: str, value: str) -> str:
    return f"{tag}  - {value}"


def _page_numbers(raw: str) -> tuple[str, str] | None:
    m = re.fullmatch(r"\s*(\d+)\s*-\s*(\d+)\s*", raw)
    return (m.group(1), m.group(2)) if m else None


def render_ris(rec: dict[str, Any], *, paired_authors: bool = True) -> str:
    """A dev record as one RIS entry (``TY`` … ``ER``).

    Authors come from ``gold.authors`` (``AU  - 張國城(Kuo-Cheng Chang)`` when
    ``paired_authors``, else all Chinese names then all romanized ones, one per line);
    records without gold pairs list their printed names split at ``;`` and line breaks.
    Keywords: one ``KW`` line each, Chinese list first, then English.
    """
    lines = [_ris_line("TY", _RIS_TYPES.get(rec["record_type"], "GEN")), _ris_line("ID", rec["id"])]
    for key, tag in (("title_en", "TI"), ("title_zh", "T1")):
        if rec.get(key):
            lines.append(_ris_line(tag, rec[key]))
    pairs = rec["gold"]["authors"]
    if pairs and paired_authors:
        lines += [_ris_line("AU", f"{zh}({en})") for zh, en in pairs]
    elif pairs:
        lines += [_ris_line("AU", zh) for zh, _ in pairs]
        lines += [_ris_line("AU", en) for _, en in pairs]
    elif rec.get("authors_raw"):
        names = re.split(r"\s*[;\n]\s*", rec["authors_raw"])
        lines += [_ris_line("AU", n) for n in names if n]
    lines += [_ris_line("KW", k) for k in [*rec["keywords_zh"], *rec["keywords_en"]]]
    if rec.get("venue"):
        lines.append(_ris_line("T2", rec["venue"]))
    pages = _page_numbers(rec.get("pages_raw") or "")
    if pages:
        lines += [_ris_line("SP", pages[0]), _ris_line("EP", pages[1])]
    if rec.get("volume_issue_raw"):
        lines.append(_ris_line("N1", rec["volume_issue_raw"]))
    lines.append("ER  - ")
    return "\n".join(lines) + "\n"


def expected_keywords(rec: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(Chinese, English) keywords a reader must give back: the record's lists minus ignored."""
    ignored = set(rec["gold"].get("ignored") or [])
    return (
        [k for k in rec["keywords_zh"] if k not in ignored],
        [k for k in rec["keywords_en"] if k not in ignored],
    )


def render_jsonl(rec: dict[str, Any]) -> str:
    """A dev record as one line of termkit's JSON Lines record format (split keyword lists)."""
    out: dict[str, Any] = {"id": rec["id"]}
    for key in ("title_en", "title_zh", "authors_raw", "volume_issue_raw", "pages_raw", "venue"):
        if rec.get(key):
            out[key] = rec[key]
    out["keywords_zh"] = list(rec["keywords_zh"])
    out["keywords_en"] = list(rec["keywords_en"])
    return json.dumps(out, ensure_ascii=False) + "\n"


# name -> (file suffix, renderer): every dev record is read and paired in each of these.
RENDERINGS: dict[str, tuple[str, Callable[[dict[str, Any]], str]]] = {
    "page": (".txt", render_page),
    "jsonl": (".jsonl", render_jsonl),
}
