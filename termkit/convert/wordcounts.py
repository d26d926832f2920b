"""How often mainland Chinese text writes a word: the word counts of jieba's dictionary.

The regional glossary's risk check (:mod:`termkit.convert.risk`) asks whether a rule that
rewrites a Taiwan form for mainland readers (``取得 → 获取``) replaces what mainland text
itself writes far more often: then the rule is one field's preference, not the mainland's
general usage. CC-CEDICT lists words but not how common they are; jieba's ``dict.txt``
(MIT licence, https://github.com/fxsjy/jieba, release 0.42.1) gives each of its 349,046
words a count from the mainland corpora its authors segmented (People's Daily and others;
the corpora themselves are not published). Not all of it is mainland text: the dictionary
also lists Traditional-character entries (``後`` 1,209) and Taiwan forms (``全形`` 12,
``奥立佛`` 141 against the mainland's ``奥利弗`` 6), so a count can make a Taiwan spelling read
as the mainland's own word.

``termkit/data/zh-cn-word-counts.tsv.gz`` (jieba's MIT notice beside it,
``zh-cn-word-counts.LICENSE``) keeps the 136,547 words counted 5 times or more
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

from termkit.errors import InputError, TermkitError
from termkit.io import atomic_binary, command_run, note_input, read_bytes

COUNTS_FILE = Path(__file__).resolve().parent.parent / "data" / "zh-cn-word-counts.tsv.gz"
FLOOR = 5  # counts below this are jieba's floor for rare words, kept as 0


@functools.cache
def _counts() -> dict[str, int]:
    with gzip.open(COUNTS_FILE, "rt", encoding="utf-8") as fh:
        return {word: int(n) for word, n in (line.rstrip("\n").split("\t") for line in fh)}


def mainland_count(word: str) -> int:
    """How many times jieba's mainland corpora write ``word`` (0 below :data:`FLOOR`)."""
    return _counts().get(word, 0)


def cut(dict_txt: bytes, path: str | None = None) -> bytes:
    """The counts file made from the bytes of jieba's ``dict.txt`` (``word count tag`` lines):
    words counted :data:`FLOOR` times or more, sorted, gzip-compressed reproducibly.
    A malformed file raises :class:`~termkit.errors.InputError` at ``path`` and its line."""
    try:
        lines = dict_txt.decode("utf-8").splitlines()
    except UnicodeDecodeError as exc:
        at = dict_txt[:exc.start].count(b"\n") + 1
        raise InputError(f"not UTF-8 (byte {dict_txt[exc.start]:#04x})", path=path,
                         line=at) from None
    counts: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        parts = line.split()
        if not parts:
            continue
        if len(parts) < 2 or not parts[1].isdigit():
            raise InputError(f"not 'word count [tag]': {line!r}", path=path, line=number)
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
        with command_run():
            # The output may not replace the input (``-o`` naming dict.txt itself).
            note_input(args.dict_txt)
            data = cut(read_bytes(args.dict_txt), args.dict_txt)
            with atomic_binary(args.output) as fh:
                fh.write(data)
    except TermkitError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return exc.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
