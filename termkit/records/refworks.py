"""RefWorks tagged exports (``RT Journal Article`` then ``T1``, ``A1``, ``K1`` … lines), as CNKI,
Wanfang and VIP write them.

A record starts at its ``RT`` line (reference type); each line is a two-character tag, a
space and the value (``A1 王小明;李四``, ``K1 机器翻译;术语抽取``; CNKI writes one tag in
lower case, ``vo 36``, and leaves some values empty: a lower-case tag is read only with a
value of one word or none; it writes some without the space, ``A1虞锦洪``: a tag of the
format's list followed by a character beyond ASCII; and the link as ``URL https://…``: the
list's longer tags, ``PMID``, ``PMCID``, ``U10``–``U15``, and ``URL``, are tags too). Records are separated by blank lines,
with no end tag; a line without a tag continues the value above it. The tags are read as the
EndNote/Refer tags they match (:mod:`termkit.records.endnote`):

=============  ===========================================================
``RT``         reference type (%0, section ``type``)
``T1`` ``T2``  title (%T, Chinese or English by script); secondary title (%B)
``A1``         authors, joined by ``;`` (%A)
``K1``         keywords, joined by ``;`` (%K, sorted by script)
``AB``         abstract (%X)
``JF`` ``JO``  journal (%J; the abbreviation %B)
``YR`` ``FD``  year, date (%D, %8)
``VO`` ``IS``  volume, issue (%V, %N)
``SP`` ``OP``  pages (%P: CNKI writes the range as ``OP 23-25``)
=============  ===========================================================

Any other tag (``SR``, ``AD``, ``SN``, ``CN``, ``LA``, ``DS``, ``LK``, ``DO`` …) is kept as a
section under its name. Read as page text before, such a file gave pairs of its tag lines
(``JF 中文信息学报`` – ``IS 02``). Text before the first tag line is a
:class:`~termkit.errors.FormatError` at its line.
"""

from __future__ import annotations

import re

from termkit.errors import InputError
from termkit.model import Record
from termkit.records.endnote import group_fields, records_from_fields

__all__ = ["is_refworks", "parse_refworks"]

# A tag: two capitals (or a capital and a digit), a space, the value. CNKI writes the volume's
# tag in lower case (``vo 36``): a lower-case tag is one only with a value of one word or
# none, so a wrapped line of prose (``is the first …``) stays the value above it.
_TAG = re.compile(r"^([A-Z][A-Z0-9])(?: (.*))?$|^([a-z][a-z0-9])(?: (\S*))?$")
# The format's tags (RefWorks's tagged-format list), for the two forms below.
_KNOWN = frozenset({
    "RT", "SR", "ID", "A1", "A2", "A3", "A4", "A5", "A6", "T1", "T2", "T3", "JF", "JO", "YR",
    "FD", "VO", "IS", "SP", "OP", "K1", "AB", "NO", "ED", "PB", "PP", "SN", "AV", "AD", "AN",
    "LA", "CL", "SF", "OT", "LK", "DO", "CN", "DB", "DS", "IP", "RD", "ST", "U1", "U2", "U3",
    "U4", "U5", "U6", "U7", "U8", "U9", "UL", "SL", "LL", "CR", "WT", "WV", "WP", "OL"
})
# CNKI writes a tag without its space before a name (``A1虞锦洪``): a tag of the list, then a
# character beyond ASCII. (A wrapped line of an abstract opening so, ``AB型血…``, would be
# taken for a tag: the abstract is then cut there, its rest kept as a second value.)
_TAG_UNSPACED = re.compile(r"^([A-Z][A-Z0-9])([^\x00-\x7f].*)$")
# Tags longer than two characters: the list's PMID, PMCID, U10–U15, and the URL CNKI writes
# for UL; a line opening with any other word stays the value above it.
_TAG_LONG = re.compile(r"^(URL|PMID|PMCID|U1[0-5])(?: (.*))?$")
_START = re.compile(r"^RT\s+\S")
# Non-blank lines at the top of a file among which tag lines must make the most.
_HEAD_LINES = 6
_TAGS = {
    "RT": "0",
    "T1": "T",
    "T2": "B",
    "A1": "A",
    "K1": "K",
    "AB": "X",
    "JF": "J",
    "JO": "B",
    "YR": "D",
    "FD": "8",
    "VO": "V",
    "IS": "N",
    "SP": "P",
    "OP": "P",
}


def is_refworks(text: str) -> bool:
    """Whether ``text`` opens as a RefWorks export: an ``RT`` line first, and tag lines for
    all but one of its first few non-blank lines."""
    head = []
    for line in text.split("\n"):
        if line.strip():
            head.append(line.strip())
            if len(head) == _HEAD_LINES:
                break
    if not head or not _START.match(head[0]):
        return False
    return len(head) >= 3 and sum(1 for line in head if _tag(line)) >= len(head) - 1


def _tag(line: str) -> tuple[str, str] | None:
    """``(tag, value)`` of a tag line (the tag in capitals), None for a line of a value."""
    m = _TAG.match(line)
    if m is not None:
        return (m.group(1) or m.group(3)).upper(), m.group(2) or m.group(4) or ""
    m = _TAG_UNSPACED.match(line) or _TAG_LONG.match(line)
    if m is not None and (m.re is _TAG_LONG or m.group(1) in _KNOWN):
        return m.group(1), m.group(2) or ""
    return None


def _fields(line: str, number: int) -> list[tuple[str, str]] | None:
    tagged = _tag(line.strip())
    if tagged is None:
        return None
    name, value = tagged
    return [(_TAGS.get(name, name), value.strip())]


def parse_refworks(text: str, path: str, stem: str) -> list[Record]:
    """Read every record of a RefWorks tagged export."""
    # Only an ``RT`` line starts a record (blank lines never end one): every line "starts".
    records = group_fields(
        text, _fields, starts=lambda _line: True, path=path,
        before_first="text before the first tag line: not a RefWorks tag line "
                     "(expected 'RT type', then 'XX value')",
    )
    if not records:
        raise InputError("no RefWorks record found (no 'RT type' line)", path=path)
    return records_from_fields(records, path, stem)
