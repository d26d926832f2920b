"""How often mainland Chinese text writes a word: the word counts of jieba's dictionary.

The regional glossary's risk check (:mod:`termkit.convert.risk`) asks whether a rule that
rewrites a Taiwan form for mainland readers (``取得 → 获取``) replaces what mainland text
itself writes far more often: then the rule is one field's preference, not the mainland's
general usage. CC-CEDICT lists words but not how common they are; jieba's ``dict.txt``
(MIT licence, https://github.com/fxsjy/jieba, release 0.42.1) gives each of its 349,046
words a count from the mainland corpora its authors segmented (People's Daily and others;
the corpora themselves are not published).

``termkit/data/zh-cn-word-counts.tsv.gz`` keeps the 136,547 words counted 5 times or more
(``word<TAB>count``, sorted by word): jieba gives most rare words a count of 3 or 4, its
floor, which says only that a word is rare (or, for a longer word, that jieba splits it), so
a word missing here reads as 0: not counted, rather than never written. Regenerate
it from jieba's dictionary with::

    python -m termkit.convert.wordcounts path/to/jieba/dict.txt
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import sys
from pathlib import Path

from termkit.io import atomic_binary

COUNTS_FILE = Path(__file__).resolve().parent.parent / "data" / "zh-cn-word-counts.tsv.gz"
FLOOR = 5  # counts below this are jieba's floor for rare words, kept as 0


@functools.cache
def _counts() -> dict[str, int]:
    with gzip.open(COUNTS_FILE, "rt", encoding="utf-8") as fh:
        return {word: int(n) for word, n in (line.rstrip("\n").split("\t") for line in fh)}


def mainland_count(word: str) -> int:
    """How many times jieba's mainland corpora write ``word`` (0 below :data:`FLOOR`)."""
    return _counts().get(word, 0)


def cut(dict_txt: bytes) -> bytes:
    """The counts file made from the bytes of jieba's ``dict.txt`` (``word count tag`` lines):
    words counted :data:`FLOOR` times or more, sorted, gzip-compressed reproducibly."""
    counts: dict[str, int] = {}
    for number, line in enumerate(dict_txt.decode("utf-8").splitlines(), 1):
        parts = line.split()
        if not parts:
            continue
        if len(parts) < 2 or not parts[1].isdigit():
            raise ValueError(f"line {number}: not 'word count [tag]': {line!r}")
        if int(parts[1]) >= FLOOR:
            counts[parts[0]] = max(int(parts[1]), counts.get(parts[0], 0))
    text = "".join(f"{w}\t{n}\n" for w, n in sorted(counts.items()))
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (``python -m termkit.convert.wordcounts DICT_TXT``)."""
    ap = argparse.ArgumentParser(prog="python -m termkit.convert.wordcounts",
                                 description="Cut termkit's mainland word counts from jieba's dict.txt.")
    ap.add_argument("dict_txt", help="jieba's dict.txt")
    ap.add_argument("-o", "--output", default=str(COUNTS_FILE), help="counts file to write")
    args = ap.parse_args(argv)
    try:
        data = cut(Path(args.dict_txt).read_bytes())
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        print(f"Error: {args.dict_txt}: {exc}", file=sys.stderr)
        return 1
    with atomic_binary(args.output) as fh:
        fh.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
