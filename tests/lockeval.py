"""The glossary-lock evaluation on real prose (``tests/data/lock/``): spans and judgements.

A *span* is a place where a locked conversion differs from plain OpenCC, in input offsets:
the locked places (firings) that touch a difference between the two outputs, with the input,
plain and locked text there. A judged span (``judged_dev.jsonl``, ``judged_new.jsonl``) is
*kept* when every firing it lists still fires at the same offset with the same target; a
span of the current lock is *new* when one of its firings is in no judged span (firings
whose target is plain OpenCC's own output of the form, and which plain OpenCC printed at
that place in context too, change nothing and need no judging).

Independent of termkit's internals except :meth:`Converter.matches` and :meth:`Converter.plain`.
"""

from __future__ import annotations

import collections
import difflib
import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data" / "lock"
FILES = {"s2twp": DATA / "zh_cn.dev.jsonl", "tw2sp": DATA / "zh_tw.dev.jsonl"}
JUDGED = (DATA / "judged_dev.jsonl", DATA / "judged_new.jsonl")
# The bundled regional glossary, the lock every judged set is measured with.
REGIONAL = Path(__file__).parent.parent / "glossaries" / "cross-strait.glossary.txt"
_MARK = "\ue000"
Firing = tuple[int, int, str]


def paragraphs(direction: str, files: dict[str, Path] = FILES) -> list[dict[str, Any]]:
    """The paragraphs converted in ``direction`` (``s2twp``: zh_CN, ``tw2sp``: zh_TW)."""
    with files[direction].open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def judged(paths: Iterable[Path] = JUDGED) -> list[dict[str, Any]]:
    """Every judged span of ``paths`` (by default the dev judgements, the shared ones first)."""
    out: list[dict[str, Any]] = []
    for path in paths:
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                out.extend(json.loads(line) for line in fh if line.strip())
    return out


def _align(units: list[tuple[int, str]], out: str) -> list[int]:
    """Input offset of each character of ``out``, given each input character converted alone."""
    ref = "".join(u for _, u in units)
    ref_idx = [i for i, u in units for _ in u]
    idx = [0] * len(out)
    matcher = difflib.SequenceMatcher(None, ref, out, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for k in range(j1, j2):
            if tag == "equal":
                idx[k] = ref_idx[i1 + k - j1]
            elif i2 > i1:
                idx[k] = ref_idx[min(i1 + (k - j1) * (i2 - i1) // (j2 - j1), i2 - 1)]
            else:
                idx[k] = ref_idx[i1 - 1] if i1 > 0 else (ref_idx[0] if ref_idx else 0)
    return idx


def _plain(conv: Any, text: str) -> tuple[str, list[int]]:
    out: str = conv.plain(text)
    if len(out) == len(text):
        return out, list(range(len(text)))
    return out, _align([(i, conv.plain(text[i])) for i in range(len(text))], out)


def _locked(conv: Any, text: str, firings: list[Firing]) -> tuple[str, list[int]]:
    """The Python lock's output rebuilt from the firings, with input offsets."""
    pieces, pos = [], 0
    for s, e, _t in firings:
        pieces.append((pos, s))
        pos = e
    pieces.append((pos, len(text)))
    outs = conv.plain(_MARK.join(text[a:b] for a, b in pieces)).split(_MARK)
    out: list[str] = []
    idx: list[int] = []
    for n, (a, b) in enumerate(pieces):
        o = outs[n]
        idx.extend(range(a, b) if len(o) == b - a
                   else _align([(i, conv.plain(text[i])) for i in range(a, b)], o))
        out.append(o)
        if n < len(firings):
            s, e, t = firings[n]
            idx.extend(min(s + k, e - 1) for k in range(len(t)))
            out.append(t)
    return "".join(out), idx


def spans(conv: Any, text: str) -> list[dict[str, Any]]:
    """Places where ``conv`` (a Converter) changes plain OpenCC's output of ``text``."""
    firings = conv.matches(text)
    plain, pidx = _plain(conv, text)
    locked, lidx = _locked(conv, text, firings)
    if plain == locked:
        return []
    ranges: list[list[int]] = []
    matcher = difflib.SequenceMatcher(None, plain, locked, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        ins = [pidx[k] for k in range(i1, i2)] + [lidx[k] for k in range(j1, j2)]
        if not ins:
            ins = [lidx[j1] if j1 < len(lidx) else len(text) - 1]
        s, e = min(ins), max(ins) + 1
        # A difference beside a firing and in none (plain OpenCC's phrase across the firing's
        # edge is cut: 文件檔|案 gives 文档文件案) is that firing's: without it the change
        # would name no firing and be neither kept nor new.
        touching = not any(fs < e and s < fe for fs, fe, _t in firings)
        for fs, fe, _t in firings:
            if (fs < e and s < fe) or (touching and fs <= e and s <= fe):
                s, e = min(s, fs), max(e, fe)
        ranges.append([s, e])
    ranges.sort()
    merged: list[list[int]] = []
    for s, e in ranges:
        if merged and (s < merged[-1][1] or (s == merged[-1][1]
                                            and any(fe == s for _fs, fe, _ in firings))):
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out = []
    for s, e in merged:
        pl = "".join(plain[k] for k in range(len(plain)) if s <= pidx[k] < e)
        lo = "".join(locked[k] for k in range(len(locked)) if s <= lidx[k] < e)
        if pl != lo:
            terms = [(fs, text[fs:fe], t) for fs, fe, t in firings if fs < e and s < fe]
            # Plain OpenCC's output where each firing stands, in context: a firing whose
            # target is plain OpenCC's output of its form alone may still change the output
            # here (数据 alone gives 資料, inside 单个数据样本 數據).
            here = ["".join(plain[k] for k in range(len(plain)) if fs <= pidx[k] < fe)
                    for fs, fe, _t in firings if fs < e and s < fe]
            out.append({"offset": s, "input": text[s:e], "plain": pl, "locked": lo,
                        "terms": terms, "plain_here": here,
                        "context": text[max(0, s - 8):s] + "【" + text[s:e] + "】" + text[e:e + 8]})
    return out


def _unchanged(conv: Any, term: tuple[int, str, str], here: str) -> bool:
    """True if a firing changes nothing: its target is plain OpenCC's output of its form,
    and plain OpenCC's output of the text printed it there too (``here``, its output where
    the firing stands, in context; it may reach a character beyond the form where plain
    OpenCC converted a phrase across the firing's edge)."""
    return conv.plain(term[1]) == term[2] and term[2] in here


@dataclass
class Result:
    """What one lock does to the dev paragraphs of one direction."""

    kept: collections.Counter[str] = field(default_factory=collections.Counter)
    judged_right: int = 0  # judged right in this direction, kept or not
    new: list[dict[str, Any]] = field(default_factory=list)  # spans nobody has judged
    rows: list[dict[str, Any]] = field(default_factory=list)  # the kept judged spans

    @property
    def precision(self) -> float:
        """right / (right + wrong) over the kept judged spans."""
        r, w = self.kept["right"], self.kept["wrong"]
        return r / (r + w) if r + w else 1.0

    @property
    def right_kept(self) -> float:
        """Share of the spans judged right that are still produced."""
        return self.kept["right"] / self.judged_right if self.judged_right else 1.0


@functools.cache
def _regional_glossary() -> Any:
    from termkit.convert import load_lock_glossaries

    return load_lock_glossaries([str(REGIONAL)])


def regional_result(direction: str, files: dict[str, Path] = FILES,
                    judged_paths: tuple[Path, ...] = JUDGED, *, topics: tuple[str, ...] = (),
                    words: bool = True) -> Result:
    """:func:`evaluate` of the regional glossary's lock (``topics``, ``words`` as
    ``convert`` takes them) on the paragraphs of ``files``, with the judgements of
    ``judged_paths``. The glossary is read once for every set."""
    from termkit.convert import Converter

    conv = Converter(direction, _regional_glossary(), topics=topics, words=words)
    return evaluate(conv, direction, judged(judged_paths), files=files)


def evaluate(conv: Any, direction: str, rows: Iterable[dict[str, Any]] | None = None,
             only: set[str] | None = None, files: dict[str, Path] = FILES) -> Result:
    """Kept judged spans and unjudged new spans of ``conv`` over the paragraphs of ``files``."""
    rows = judged() if rows is None else list(rows)
    by_term: dict[tuple[str, int, str, str], list[dict[str, Any]]] = {}
    result = Result()
    for r in rows:
        if r["direction"] != direction or (only is not None and r["paragraph_id"] not in only):
            continue
        result.judged_right += r["verdict"] == "right"
        for t in r["terms"]:
            by_term.setdefault((r["paragraph_id"], t["offset"], t["form"], t["target"]), []).append(r)
    kept: dict[int, dict[str, Any]] = {}
    for para in paragraphs(direction, files):
        if only is not None and para["id"] not in only:
            continue
        changed: set[tuple[int, str, str]] = set()  # firings that change the output
        for sp in spans(conv, para["text"]):
            changed.update(sp["terms"])
            unjudged = [term for term, here in zip(sp["terms"], sp.pop("plain_here"), strict=True)
                        if (para["id"], *term) not in by_term and not _unchanged(conv, term, here)]
            if unjudged or not sp["terms"]:  # a change no firing explains is never hidden
                result.new.append({"direction": direction, "paragraph_id": para["id"], **sp})
        for term in changed:
            for r in by_term.get((para["id"], *term), ()):
                if all((t["offset"], t["form"], t["target"]) in changed for t in r["terms"]):
                    kept[id(r)] = r
    for r in kept.values():
        result.kept[r["verdict"]] += 1
        result.rows.append(r)
    return result


def kind(paragraph_id: str) -> str:
    """The source kind of a paragraph id: ``cn-law``, ``tw-aud``, ... (its 2nd and 3rd parts)."""
    parts = paragraph_id.split("-")
    return parts[1] + "-" + parts[2]


def figure_line(name: str, kept: collections.Counter[str], chars: int) -> str:
    """One printed line of figures: kept right / wrong / neutral, precision, changes per 1k."""
    r, w, n = kept["right"], kept["wrong"], kept["neutral"]
    precision = f"{r / (r + w):.3f}" if r + w else "  -  "
    return (f"{name:42} right {r:3}  wrong {w:3}  neutral {n:3}  precision {precision}  "
            f"changes/1k {1000 * (r + w + n) / chars:5.2f}  wrong/1k {1000 * w / chars:4.2f}")


DIRECTIONS = ("s2twp", "tw2sp")


def char_counts(files: dict[str, Path] = FILES) -> collections.Counter[str]:
    """Characters of the paragraphs in ``files`` by source kind (:func:`kind`)."""
    chars: collections.Counter[str] = collections.Counter()
    for d in DIRECTIONS:
        for p in paragraphs(d, files):
            chars[kind(p["id"])] += len(p["text"])
    return chars


def assert_places(rows: Iterable[dict[str, Any]], files: dict[str, Path] = FILES) -> None:
    """Every judged span and each of its lock matches quotes the paragraph it names, at its
    offset, and carries a verdict."""
    texts = {(d, p["id"]): p["text"] for d in DIRECTIONS for p in paragraphs(d, files)}
    for r in rows:
        text = texts[r["direction"], r["paragraph_id"]]
        assert text[r["offset"]:r["offset"] + len(r["input"])] == r["input"], r
        for t in r["terms"]:
            assert text[t["offset"]:t["offset"] + len(t["form"])] == t["form"], r
        assert r["verdict"] in ("right", "wrong", "neutral"), r


def assert_judgements(rows: list[dict[str, Any]], files: dict[str, Path], *,
                      once: bool = True) -> None:
    """:func:`assert_places`, and each verdict of a fresh set is whole: a wrong one has an
    error type (``inside-word`` or ``sense``), the others none, and each names its judge;
    with ``once``, no place is judged twice (the first fresh set judged a few places again
    when a rule changed the span read there)."""
    assert_places(rows, files)
    for r in rows:
        assert (r["error_type"] is None) == (r["verdict"] != "wrong"), r
        assert r["error_type"] in (None, "inside-word", "sense"), r
        assert r["judge"]
    if once:
        assert len({(r["direction"], r["paragraph_id"], r["offset"]) for r in rows}) == len(rows)


def report(title: str, results: dict[str, Result], files: dict[str, Path], *,
           list_wrong: bool = False) -> tuple[str, collections.Counter[str], list[dict[str, Any]]]:
    """The printed figures of one lock over ``files`` (both directions, each direction, each
    source kind; with ``list_wrong`` every wrong span), its kept spans and its unjudged ones."""
    chars = char_counts(files)
    total = sum(chars.values())
    by_kind: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for d in DIRECTIONS:
        for r in results[d].rows:
            by_kind[kind(r["paragraph_id"])][r["verdict"]] += 1
    kept = sum((results[d].kept for d in DIRECTIONS), collections.Counter())
    lines = ["", f"{title} ({total:,} characters); plain OpenCC: no change",
             figure_line("  both directions", kept, total)]
    for d in DIRECTIONS:
        dchars = sum(n for k, n in chars.items() if k.startswith("cn" if d == "s2twp" else "tw"))
        lines.append(figure_line(f"  {d} only", results[d].kept, dchars))
    lines.extend(figure_line(f"    {k} ({chars[k]:,} chars)", by_kind[k], chars[k]) for k in sorted(chars))
    if list_wrong:
        wrong = [r for d in DIRECTIONS for r in results[d].rows if r["verdict"] == "wrong"]
        lines.extend(f"  wrong: {r['direction']} {r['context']} {r['plain']} -> {r['locked']} "
                     f"({r['error_type']})" for r in wrong)
    new = [s for d in DIRECTIONS for s in results[d].new]
    lines.append(f"  spans changed that nobody has judged: {len(new)}")
    lines.extend(f"    {s['direction']} {s['paragraph_id']}:{s['offset']} {s['context']} "
                 f"{s['plain']} -> {s['locked']}" for s in new)
    return "\n".join(lines), kept, new


def assert_disjoint(files: dict[str, Path], older_sets: Iterable[dict[str, Path]],
                    shared_by_article: set[tuple[str, str]]) -> None:
    """A fresh set shares no file with the older sets (but ``shared_by_article``, where it
    shares no article: the id's last part), and no paragraph's first or last 25 characters
    appear in them; its paragraph ids are distinct."""
    fresh = [p for d in DIRECTIONS for p in paragraphs(d, files)]
    for other in older_sets:
        older = [p for d in DIRECTIONS for p in paragraphs(d, other)]
        shared = ({(p["repo"], p["path"]) for p in older} & {(p["repo"], p["path"]) for p in fresh})
        assert shared <= shared_by_article
        for key in shared:
            ids = {p["id"].rsplit("-", 1)[-1] for p in older if (p["repo"], p["path"]) == key}
            assert ids.isdisjoint(p["id"].rsplit("-", 1)[-1] for p in fresh
                                  if (p["repo"], p["path"]) == key)
        text = "\n".join(p["text"] for p in older)
        assert not [p["id"] for p in fresh if p["text"][:25] in text or p["text"][-25:] in text]
    assert len({p["id"] for p in fresh}) == len(fresh)


# --------------------------------------------------------------------------- the fresh sets


@dataclass(frozen=True)
class FreshSet:
    """A fresh prose set of ``DATA / name``: paragraphs nobody tuned on, judged at first contact.

    ``min_judged`` is how many judged spans its judged file held when it was committed (a floor
    against a truncated file); ``shared_by_article`` the dataset files it shares with earlier
    sets, from which it reads other articles; ``once=False`` for the first set, which judged a
    few places again when a rule changed the span read there; ``extra`` judged files added
    after first contact (spans a later rule made, judged in their own file)."""

    name: str
    min_judged: int
    shared_by_article: frozenset[tuple[str, str]] = frozenset()
    once: bool = True
    extra: tuple[str, ...] = ()

    @property
    def files(self) -> dict[str, Path]:
        return {"s2twp": DATA / self.name / f"zh_cn.{self.name}.jsonl",
                "tw2sp": DATA / self.name / f"zh_tw.{self.name}.jsonl"}

    @property
    def judged(self) -> tuple[Path, ...]:
        return tuple(DATA / self.name / f for f in (f"judged_{self.name}.jsonl", *self.extra))


_CMRC_TRIAL = ("ymcui/cmrc2018", "data/cmrc2018_trial.json")
_CMRC_TRAIN = ("DeerEyre/bert-qa", "data/cmrc2018_train.json")
_DRCD = ("yenchangchen131/dataset", "data/raw/drcd.json")
# In the order they were drawn: each is checked against the dev set and every set before it.
FRESH_SETS = (
    FreshSet("fresh", 112, once=False),
    FreshSet("fresh2", 57, frozenset({_CMRC_TRIAL})),
    FreshSet("fresh3", 108, frozenset({_CMRC_TRIAL})),
    FreshSet("fresh4", 118),
    FreshSet("fresh5", 32, frozenset({_CMRC_TRAIN, _DRCD})),
    FreshSet("fresh6", 60, frozenset({_CMRC_TRAIN, _DRCD})),
    FreshSet("fresh7", 40, frozenset({_CMRC_TRAIN, _DRCD})),
    FreshSet("fresh8", 20, frozenset({_CMRC_TRIAL, _DRCD}), extra=("judged_fresh8_pairs.jsonl",)),
    FreshSet("fresh9", 43, frozenset({_CMRC_TRIAL, _DRCD})),
    FreshSet("fresh10", 69, frozenset({_CMRC_TRIAL, _DRCD})),
    FreshSet("fresh11", 46, frozenset({_CMRC_TRIAL, _DRCD})),
    FreshSet("fresh12", 35),
    FreshSet("fresh13", 66),
    FreshSet("fresh14", 85),
    FreshSet("fresh15", 45),
    FreshSet("fresh16", 64),
)
FRESH = {s.name: s for s in FRESH_SETS}


def drcd_articles(files: dict[str, Path]) -> set[str]:
    """The DRCD article of each DRCD paragraph of ``files``: the dev set's and fresh4's ids end
    in ``ARTICLE-PARAGRAPH``, later sets' in ``ARTICLE_PARAGRAPH``."""
    out = set()
    for d in DIRECTIONS:
        for p in paragraphs(d, files):
            if "-drcd-" in p["id"]:
                out.add(p["id"].split("-drcd-")[1].split("-")[0].split("_")[0])
    return out
