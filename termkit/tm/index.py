"""The search index of stored segments: FTS5 rows and the document frequency of each token.

This module owns what a stored side contributes to the search index and how that is undone:

* ``zh_index`` / ``word_index`` rows (contentless FTS5, ``detail=none``): a Chinese side is
  stored as its index tokens (:func:`termkit.tm.fold.zh_tokens`) joined by spaces, any other
  side as its folded text (SQLite's ``unicode61`` tokenizer cuts the words);
* ``token_df``: per index and token, how many sides of a sample hold it: the sides of the
  units whose id is a multiple of :data:`DF_SAMPLE`. A search picks its rarest tokens from it
  in one indexed look-up (:func:`doc_freqs`: the count times the sampling rate estimates the
  token's frequency; a token the sample lacks is taken as rare). FTS5's own vocabulary
  table computes a token's count by reading the token's whole posting list, which took most of
  a search's time at a million units (a common trigram has hundreds of thousands of postings);
  counting every side instead of a sample added a sixth to an import's time.

Everything here runs inside the caller's write transaction, so the counts stay exactly those of
the committed sampled rows. A contentless FTS5 row is removed by giving back the tokens it was
inserted with; they are recomputed from the stored text, which gives the same tokens only
with the same folding (OpenCC dictionaries): :func:`fold_stamp` is recorded in ``tm_meta``
and when it differs a removed side's postings are left in place. A posting of a removed unit
is harmless (a search reads candidates' text from the unit table, and a missing unit is
no candidate; unit ids are never reused, see :func:`next_unit_id`); only its count in
``token_df`` then stays a little high.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence

from termkit.tm.fold import fold_many, is_chinese_tag, word_tokens, zh_tokens

DF_SAMPLE = 8  # token_df counts the sides of one unit in DF_SAMPLE (ids divisible by it)
ZH = 0  # token_df.idx of zh_index
WORD = 1  # token_df.idx of word_index
INDEX_NAMES = ("zh_index", "word_index")
SLOTS = 64  # index row ids are unit * SLOTS + position of the side in the unit


# Every ASCII character but letters and digits, mapped to a space.
_ASCII_CUT = {c: " " for c in range(128) if not chr(c).isalnum()}
TOKEN_RULES = 3  # bumped whenever fold.py changes which tokens a text gives


@functools.cache
def fold_stamp() -> str:
    """What a side's index tokens depend on: termkit's token rules and OpenCC's version."""
    from importlib import metadata

    try:
        opencc_version = metadata.version("opencc")
    except metadata.PackageNotFoundError:  # pragma: no cover - opencc is a dependency
        opencc_version = "?"
    return f"rules {TOKEN_RULES}; opencc {opencc_version}"


class Postings:
    """FTS5 rows and token counts gathered for a batch of sides, written with :meth:`write`.

    The counts are of occurrences (a token twice in one side counts twice): the same number
    of sides for nearly every token, and counted once per batch in C, not per side.
    """

    __slots__ = ("word_counted", "word_rows", "zh_rows", "zh_tokens")

    def __init__(self) -> None:
        self.zh_rows: list[tuple[int, str]] = []
        self.word_rows: list[tuple[int, str]] = []
        self.zh_tokens: list[str] = []  # of the sampled sides
        self.word_counted: list[str] = []  # folded texts of the sampled sides

    def add(self, rowid: int, folded: str, chinese: bool) -> None:
        """The index row of one side (its folded text)."""
        sampled = (rowid // SLOTS) % DF_SAMPLE == 0
        if chinese:
            tokens = zh_tokens(folded)
            self.zh_rows.append((rowid, " ".join(tokens)))
            if sampled:
                self.zh_tokens += tokens
        else:
            self.word_rows.append((rowid, folded))
            if sampled:
                self.word_counted.append(folded)

    def counts(self) -> tuple[Counter[str], Counter[str]]:
        """Token counts of the sampled Chinese and other sides gathered."""
        plain = [text for text in self.word_counted if text.isascii()]
        other = [text for text in self.word_counted if not text.isascii()]
        # In ASCII text a word token is a run of letters and digits: cut at every other
        # character with one C-level translate (what word_tokens finds, several times faster).
        words = "\n".join(plain).translate(_ASCII_CUT).split()
        if other:
            words += word_tokens("\n".join(other))
        return Counter(self.zh_tokens), Counter(words)

    def write(self, conn: sqlite3.Connection, sign: int = 1, *, index: bool = True) -> None:
        """Insert (``sign=1``) or remove (``sign=-1``) the rows (unless not ``index``) and counts."""
        if not index:
            pass
        elif sign > 0:
            conn.executemany("INSERT INTO zh_index(rowid, tokens) VALUES (?,?)", self.zh_rows)
            conn.executemany("INSERT INTO word_index(rowid, tokens) VALUES (?,?)",
                             self.word_rows)
        else:
            conn.executemany("INSERT INTO zh_index(zh_index, rowid, tokens)"
                             " VALUES ('delete', ?, ?)", self.zh_rows)
            conn.executemany("INSERT INTO word_index(word_index, rowid, tokens)"
                             " VALUES ('delete', ?, ?)", self.word_rows)
        zh_df, word_df = self.counts()
        for idx, df in ((ZH, zh_df), (WORD, word_df)):
            if df:
                conn.executemany(
                    "INSERT INTO token_df(idx, tok, n) VALUES (?, ?, ?)"
                    " ON CONFLICT(idx, tok) DO UPDATE SET n = n + excluded.n",
                    [(idx, t, sign * n) for t, n in sorted(df.items())])
        if sign < 0:
            conn.execute("DELETE FROM token_df WHERE n <= 0")


def sides_postings(sides: Iterable[tuple[int, str, str]]) -> Postings:
    """The postings of (row id, language, text) sides (folded here, in one batch)."""
    rows = list(sides)
    zh = [is_chinese_tag(lang) for _, lang, _ in rows]
    folded = fold_many([text for _, _, text in rows], zh)
    post = Postings()
    for (rowid, _lang, _text), form, z in zip(rows, folded, zh, strict=True):
        post.add(rowid, form, z)
    return post


def doc_freqs(conn: sqlite3.Connection, idx: int, tokens: Sequence[str]) -> dict[str, int]:
    """Estimated numbers of stored sides holding each token (1: rare, absent from the sample).

    A token counted ``n`` times in the sample is estimated at ``n * DF_SAMPLE`` sides; one the
    sample lacks is held by fewer than about ``DF_SAMPLE`` sides, or by none.
    """
    out = dict.fromkeys(tokens, 1)
    for start in range(0, len(tokens), 500):
        chunk = list(tokens[start : start + 500])
        marks = ",".join("?" * len(chunk))
        for tok, n in conn.execute(
                f"SELECT tok, n FROM token_df WHERE idx = ? AND tok IN ({marks})", [idx, *chunk]):
            out[tok] = n * DF_SAMPLE
    return out


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    """A value of the ``tm_meta`` table (None when unset)."""
    row = conn.execute("SELECT value FROM tm_meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    """Set a value of the ``tm_meta`` table (inside a write transaction)."""
    conn.execute("INSERT INTO tm_meta(key, value) VALUES (?, ?)"
                 " ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))


def next_unit_id(conn: sqlite3.Connection) -> int:
    """The highest unit id ever used (deleted units included): new units count from here."""
    top: int = conn.execute("SELECT COALESCE(MAX(id), 0) FROM unit").fetchone()[0]
    removed = get_meta(conn, "last_deleted_id")
    return max(top, int(removed)) if removed else top


def remove_sides(conn: sqlite3.Connection, sides: Sequence[tuple[int, str, str]]) -> None:
    """Take (row id, language, text) sides out of the index (inside a write transaction)."""
    post = sides_postings(sides)
    if get_meta(conn, "fold") != fold_stamp():
        # Other folding: the tokens recomputed now may not be those inserted, and removing
        # tokens a row does not hold would damage the FTS5 index. Leave the postings.
        post.write(conn, -1, index=False)
        return
    post.write(conn, -1)


def unit_sides(variants_json: str, uid: int) -> list[tuple[int, str, str]]:
    """(row id, language, text) of each side of a stored unit's ``variants`` JSON."""
    return [(uid * SLOTS + k, side[0], side[1]) for k, side in enumerate(json.loads(variants_json))]


def rebuild(conn: sqlite3.Connection, page: int = 20_000) -> None:
    """Rebuild both FTS5 indexes and ``token_df`` from the stored units (a schema upgrade).

    Runs inside the caller's transaction, so an interrupted rebuild leaves the old index.
    """
    for name in INDEX_NAMES:
        conn.execute(f"INSERT INTO {name}({name}) VALUES ('delete-all')")
    conn.execute("DELETE FROM token_df")
    last = 0
    while True:
        rows = conn.execute("SELECT id, variants FROM unit WHERE id > ? ORDER BY id LIMIT ?",
                            (last, page)).fetchall()
        if not rows:
            break
        sides_postings(s for uid, text in rows for s in unit_sides(text, uid)).write(conn)
        last = rows[-1][0]
    set_meta(conn, "fold", fold_stamp())
