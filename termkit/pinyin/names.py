"""Chinese personal names: surnames, romanization (Hanyu Pinyin, Wade-Giles) and matching.

Owns ``data/surnames.tsv`` (surname readings, compound surnames, common published spellings)
and three contracts: :func:`split_name`, :func:`name_pinyin` and :func:`match_name`, which the
record pairing calls for every author pair. Matching compares the romanized name with every
spelling the Chinese name can have (Hanyu Pinyin, Wade-Giles with or without apostrophes,
Tongyong, MPS II, the surname's published spellings, every reading of a heteronym character),
in both name orders, tolerating small misspellings with a lower score.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from termkit.pinyin import romanize


@dataclass(frozen=True, slots=True)
class Surname:
    """One surname: both scripts, its reading as a surname, and other published spellings."""

    traditional: str
    simplified: str
    pinyin: str  # tone marks, capitalized: "Zēng", "Ōuyáng"
    other: tuple[str, ...]

    @property
    def syllables(self) -> list[str]:
        """The surname's tone-mark syllables, lower case: ["ōu", "yáng"]."""
        return list(_surname_syllables(self.pinyin, len(self.traditional)))


@lru_cache(maxsize=4096)
def _surname_syllables(pinyin: str, count: int) -> tuple[str, ...]:
    # Split once per surname (9-20 us), not once per new name read or matched.
    found = romanize.split_word(pinyin.lower(), count)
    return tuple(found) if found is not None else (pinyin.lower(),)


@cache
def surnames() -> dict[str, Surname]:
    """Surname table keyed by both its Traditional and Simplified forms."""
    text = resources.files("termkit").joinpath("data/surnames.tsv").read_text("utf-8")
    table: dict[str, Surname] = {}
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("traditional\t"):
            continue
        trad, simp, pinyin, other = line.split("\t")
        entry = Surname(trad, simp, pinyin, tuple(o for o in other.split(",") if o))
        table[trad] = entry
        table.setdefault(simp, entry)
    return table


def _clean(zh: str) -> str:
    # NFKC folds the Kangxi radicals PDF text extraction prints (``王⾦波``) to ideographs.
    return "".join(ch for ch in unicodedata.normalize("NFKC", zh) if not ch.isspace())


@lru_cache(maxsize=16384)
def split_name(zh: str) -> tuple[str, str]:
    """Split a Chinese name into (surname, given name); compound surnames are recognised.

    (Cached: reading a name's pinyin asks it three times.)"""
    name = _clean(zh)
    table = surnames()
    # A compound surname needs a given name after it: 歐陽修, but 東方 alone is 東 + 方.
    if len(name) >= 3 and name[:2] in table:
        return name[:2], name[2:]
    return name[:1], name[1:]


@lru_cache(maxsize=16384)
def _char_readings(ch: str) -> tuple[str, ...]:
    """Every tone-mark reading pypinyin knows for a character (and for its Simplified form)."""
    from termkit.pinyin.readings import char_readings as readings
    from termkit.pinyin.readings import simplified_key

    known = readings()
    out = list(known.get(ord(ch), "").split(","))
    simp = simplified_key(ch)
    if simp != ch:
        out.extend(known.get(ord(simp), "").split(","))
    return tuple(dict.fromkeys(r for r in out if r))


def _given_readings(given: str) -> list[str]:
    from termkit.pinyin.readings import pypinyin_readings, simplified_key

    if not given:
        return []
    return [r[0] for r in pypinyin_readings(given, simplified_key(given), False)]


@lru_cache(maxsize=16384)
def name_syllables(zh: str) -> tuple[str, ...]:
    """Tone-mark syllables of a name, the surname read as a surname (曾國藩 -> zēng guó fān)."""
    surname, given = split_name(zh)
    entry = surnames().get(surname)
    head = entry.syllables if entry is not None else _given_readings(surname)
    return tuple(s.lower() for s in [*head, *_given_readings(given)])


def _name_parts(zh: str) -> tuple[list[str], list[str]]:
    surname, _given = split_name(zh)
    sylls = list(name_syllables(zh))
    return sylls[: len(surname)], sylls[len(surname) :]


# The dots that separate the parts of a transliterated or minority name (阿沛·阿旺晉美,
# 卡爾·馬克思): U+00B7, the katakana middle dot U+30FB and its half-width form U+FF65, the
# hyphenation point U+2027 of Taiwanese text, and the full-width full stop U+FF0E that
# Chinese text also puts there (NFKC folds it to ".", which is kept for that reason). The
# characters NFKC folds to one of these (the small full stop U+FE52, the one dot leader U+2024,
# the Greek ano teleia U+0387) are listed too: `pinyin --name` looks for dots in the text as
# given, names are looked at after NFKC, and both must see the same dots. The bullet U+2022
# stands there too in text typed with GBK input methods (迈克尔•杰克逊).
NAME_DOTS = "\u00b7\u30fb\uff65\u2027\uff0e.\ufe52\u2024\u0387\u2022"
_NAME_DOT = re.compile(f"[{re.escape(NAME_DOTS)}]")
# Hyphens inside a part of a transliterated name (让-保罗·萨特, Jean-Paul Sartre): ASCII, the
# Unicode hyphens, the en dash and the full-width hyphen-minus, as typeset Chinese prints them.
NAME_HYPHENS = "-\u2010\u2011\u2013\uff0d"
_NAME_HYPHEN = re.compile(f"[{re.escape(NAME_HYPHENS)}]")


def part_syllables(part: str) -> tuple[str, ...]:
    """Tone-mark syllables of one part of a dotted name (阿旺晉美 -> ā wàng jìn měi).

    No part is read as a surname: such a name is spelled in its own language (GB/T
    28039-2011, 4.1 and 5.2), and the pinyin of its characters is all that can be given,
    one word per part (Hanyu Pinyin orthography: 卡爾·馬克思 Kǎ'ěr Mǎkèsī).
    """
    return tuple(s.lower() for s in _given_readings(_clean(part)))


def _name_words(zh: str) -> tuple[bool, list[list[list[str]]]]:
    """The words of a name, each as its hyphen-joined pieces of tone-mark syllables, and
    whether it is a transliterated (dotted or hyphenated) name.

    A name is its surname and its given name; a dotted name is its parts, one word each (as
    Hanyu Pinyin orthography writes them: 卡爾·馬克思 Kǎ'ěr Mǎkèsī), none read as a surname;
    a part with hyphens keeps them (让-保罗·萨特 Ràng-Bǎoluó Sàtè: Jean-Paul is one given name).
    """
    pieces = _hyphenated_parts(zh)
    if len(pieces) > 1:
        return True, [[list(part_syllables(piece)) for piece in p] for p in pieces]
    # A dot or hyphen at an end (王小明. with a sentence's full stop) separates nothing; a
    # hyphen in a name without a dot is refused by name_problem (曾-国藩 is not 曾-國藩's
    # transliteration: read as one, 曾 lost its surname reading, Céng-Guófān).
    zh = "".join(piece for p in pieces for piece in p)
    head, tail = _name_parts(zh)
    return False, [[p] for p in (head, tail) if p]


def _hyphenated_parts(zh: str) -> list[list[str]]:
    """The dot-separated parts of a name, each as its hyphen-separated pieces (empty ones
    dropped): 让-保罗·萨特 -> [[让, 保罗], [萨特]]."""
    parts = [p for p in _NAME_DOT.split(_clean(zh)) if p]
    pieces = [[piece for piece in _NAME_HYPHEN.split(p) if piece] for p in parts]
    return [p for p in pieces if p]


def name_problem(zh: str) -> str | None:
    """Why ``zh`` cannot be romanized as a Chinese name, or None when it can.

    A name is Chinese characters (those pypinyin reads), with spaces or the dots of a
    transliterated name between them; anything else would be dropped or spelled as if it
    were pinyin (``Zhang San`` came out as ``Z Hangsan``).
    """
    from termkit.pinyin.readings import han_run

    han = han_run()
    # Each character as typed and as read (NFKC: a Kangxi radical is its ideograph).
    chars = [(ch, unicodedata.normalize("NFKC", ch)) for ch in zh if not ch.isspace()]
    chars = [(ch, folded) for ch, folded in chars
             if not _NAME_DOT.fullmatch(folded) and not _NAME_HYPHEN.fullmatch(ch)]
    other = [ch for ch, folded in chars if not han.fullmatch(folded)]
    if len(other) == len(chars):
        return "no Chinese character"
    if other:
        return f"{other[0]!r} is not a Chinese character"
    pieces = _hyphenated_parts(zh)
    if len(pieces) == 1 and len(pieces[0]) > 1:
        # A hyphen joins the pieces of a part of a dotted name (让-保罗·萨特) only: between
        # the characters of a name without a dot it is a slip (王-小明) or not one name.
        hyphen = next(ch for ch in zh if _NAME_HYPHEN.fullmatch(unicodedata.normalize("NFKC", ch)))
        return (f"{hyphen!r} inside a name without a name dot; a hyphen joins the pieces of "
                "a part of a transliterated name (让-保罗·萨特)")
    return None


@lru_cache(maxsize=16384)
def name_pinyin(zh: str) -> str:
    """Hanyu Pinyin with tone marks, surname read as a surname: 張國城 -> Zhāng Guóchéng."""
    from termkit.pinyin.tokens import join_apostrophe

    _dotted, words = _name_words(zh)
    return " ".join("-".join(_cap(join_apostrophe(p)) for p in w) for w in words)


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def romanize_name(zh: str, style: str = "pinyin") -> str:
    """A name in ``pinyin`` (Zhang Guocheng), ``tone`` (Zhāng Guóchéng), ``wade-giles``
    (Chang Kuo-ch'eng) or ``passport`` (Taiwan passport Wade-Giles: Chang Kuo-Cheng)."""
    dotted, words = _name_words(zh)
    if style == "tone":
        return name_pinyin(zh)
    if style == "pinyin":
        return " ".join("-".join(_cap("".join(romanize.plain(s) for s in p)) for p in w)
                        for w in words)
    if style == "wade-giles":
        return " ".join("-".join(_cap("-".join(romanize.wade_giles(s) for s in p)) for p in w)
                        for w in words)
    if style == "passport":
        if dotted:  # every part spelled as a given name is: A-Pei A-Wang-Chin-Mei
            return " ".join("-".join(romanize.passport(s).capitalize() for p in w for s in p)
                            for w in words)
        # Not dotted: any dot or hyphen is at an end (王小明.) and separates nothing.
        head, tail = _name_parts(_NAME_HYPHEN.sub("", _NAME_DOT.sub("", _clean(zh))))
        surname = "".join(romanize.passport(s) for s in head)
        given = "-".join(romanize.passport(s).capitalize() for s in tail)
        return " ".join(w for w in (surname.capitalize(), given) if w)
    from termkit.errors import UsageError

    raise UsageError(
        f"unknown name style {style!r}", hint="use one of: pinyin, tone, wade-giles, passport"
    )


# --------------------------------------------------------------------------- matching


@dataclass(frozen=True, slots=True)
class NameMatch:
    """The score of a romanized name against a Chinese name, and how it was read."""

    score: float
    surname: str  # the romanized surname as it was taken
    given: str
    surname_first: bool
    reading: str  # the spelling of the Chinese name that matched best ("chang kuocheng")


_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’‘ʻ`][^\W\d_]+)*")


@lru_cache(maxsize=16384)
def _syllable_spellings(readings: tuple[str, ...]) -> frozenset[str]:
    out: set[str] = set()
    for r in readings:
        out |= romanize.spellings(r)
    return frozenset(out)


@lru_cache(maxsize=65536)
def char_spellings(ch: str) -> frozenset[str]:
    """ASCII spellings of every reading of one character in Hanyu Pinyin, Wade-Giles,
    Tongyong and MPS II (鵬 -> peng, p'eng folded to peng …); empty for a character without
    a reading. Used to recognize romanized names and places."""
    return _syllable_spellings(_char_readings(ch))


@lru_cache(maxsize=16384)
def _surname_forms(surname: str) -> dict[str, float]:
    """Spelling -> weight for a surname: its surname reading 1.0, other readings 0.9."""
    forms: dict[str, float] = {}
    entry = surnames().get(surname)
    if entry is not None:
        per = [romanize.spellings(s) for s in entry.syllables]
        for combo in itertools.product(*per):
            forms["".join(combo)] = 1.0
        for other in entry.other:
            forms[romanize.ascii_fold(other)] = 1.0
    # Not in the table: the character's usual reading counts fully, its other readings less.
    usual = [_syllable_spellings(_char_readings(c)[:1]) for c in surname]
    for combo in itertools.product(*usual):
        forms.setdefault("".join(combo), 1.0)
    per_char = [_syllable_spellings(_char_readings(c)) for c in surname]
    for combo in itertools.product(*per_char):
        forms.setdefault("".join(combo), 0.9)
    return forms


@lru_cache(maxsize=16384)
def _given_forms(given: str) -> tuple[frozenset[str], ...]:
    return tuple(_syllable_spellings(_char_readings(c)) for c in given)


def _similarity(a: str, b: str) -> float:
    from rapidfuzz.distance import Levenshtein

    return float(Levenshtein.normalized_similarity(a, b))


def _part(sim: float) -> float:
    # Map similarity to credit: identical 1.0, one slip in ten letters 0.75, <= 0.6 nothing.
    return max(0.0, min(1.0, (sim - 0.6) / 0.4))


_CLASSES = [
    (("b", "p", "m", "f"), "labial"),
    (("zh", "ch", "sh", "ts", "tz", "hs", "ss", "sz", "j", "q", "x", "z", "c", "s", "r"), "sibilant"),
    (("ng", "kh", "g", "k", "h"), "velar"),
    (("d", "t", "n", "l"), "dental"),
    (("y", "w"), "zero"),
]


def _skeleton(syllable: str) -> tuple[str, str]:
    """(initial class, coda class) of an ASCII syllable: ``"hong"`` -> ("velar", "ng")."""
    cls = "zero"
    for prefixes, name in _CLASSES:
        if syllable.startswith(prefixes):
            cls = name
            break
    if syllable.endswith("ng"):
        coda = "ng"
    elif syllable.endswith(("n", "m")):
        coda = "n"
    else:
        coda = ""
    return cls, coda


@cache
def _known_spellings() -> frozenset[str]:
    """Every ASCII spelling of every syllable in any supported system."""
    out: set[str] = set()
    for syl in romanize.table():
        out |= romanize.spellings(syl)
    return frozenset(out)


def _syllable_credit(typed: str, forms: frozenset[str]) -> tuple[float, str]:
    """Credit for one romanized syllable against one character's spellings.

    A spelling of the character scores 1. A misspelling scores by similarity, but a typed
    syllable that is itself a valid spelling of some other syllable (cheng for chong) is a
    different syllable, not a slip, so it keeps only half of that credit.
    """
    if typed in forms:
        return 1.0, typed
    best, best_form = 0.0, ""
    for form in forms:
        credit = _part(_similarity(typed, form))
        if credit > best:
            best, best_form = credit, form
    if typed in _known_spellings():
        best /= 2
    return best, best_form


def _segmentations(typed: str, count: int) -> list[list[str]]:
    """Ways to cut an unhyphenated given name (dandan) into ``count`` known syllables."""
    out: list[list[str]] = []
    _walk_syllables(typed, [], count, _known_spellings(), out)
    return out


def _walk_syllables(
    rest: str, acc: list[str], count: int, known: frozenset[str] | set[str], out: list[list[str]]
) -> None:
    # Collects into ``out`` (at most 8) the cuts of ``rest`` that complete ``acc`` to ``count``
    # syllables. (A module function, not a recursive closure: a closure calling itself is a
    # reference cycle, and builds run without the cycle collector.)
    if len(out) >= 8:
        return
    if not rest:
        if len(acc) == count:
            out.append(list(acc))
        return
    if len(acc) >= count:
        return
    for j in range(min(len(rest), 6), 0, -1):
        if rest[:j] in known:
            _walk_syllables(rest[j:], [*acc, rest[:j]], count, known, out)


def _given_score(forms: tuple[frozenset[str], ...], tokens: list[str]) -> tuple[float, str]:
    """Best credit for the romanized given-name syllables against the characters' spellings."""
    typed = "".join(tokens)
    if not forms:
        return (1.0 if not typed else 0.0), ""
    if not typed:
        return 0.0, ""
    splits: list[list[str]] = []
    if len(tokens) == len(forms):
        splits.append(tokens)
    elif len(tokens) == 1 and len(forms) > 1:
        splits.extend(_segmentations(typed, len(forms)))
    best, best_form = 0.0, ""
    for split in splits:
        credits = [_syllable_credit(t, f) for t, f in zip(split, forms, strict=True)]
        # Geometric mean: one wrong syllable (宗仁 for Tsung-Dao) sinks the given name.
        score = math.prod(c for c, _ in credits) ** (1 / len(credits))
        if score > best:
            best, best_form = score, "".join(f for _, f in credits)
    if not splits:
        # Syllable counts differ (a run-together or partly missing name): whole-string similarity.
        for combo in itertools.product(*forms):
            cand = "".join(combo)
            credit = _part(_similarity(typed, cand))
            if credit > best:
                best, best_form = credit, cand
    # Dialect and irregular spellings (Hokkien, Hakka: 延康 In-Hong) keep the syllable's shape:
    # same kind of initial, same final nasal. A spelling of no syllable in any system (晉宏
    # Jin-Home) is a personal choice when it starts like the character's syllable. Every
    # syllable must agree; the credit is capped.
    if (
        len(tokens) == len(forms) > 1
        and best < 0.4
        and all(_same_shape(t, fs) for t, fs in zip(tokens, forms, strict=True))
    ):
        best, best_form = 0.4, "-".join(tokens)
    return best, best_form


def _onset(syllable: str) -> str:
    """The letters up to and including the first vowel: ``"hong"`` -> ``"ho"``."""
    for i, ch in enumerate(syllable):
        if ch in "aeiouü":
            return syllable[: i + 1]
    return syllable


def _same_shape(typed: str, forms: frozenset[str]) -> bool:
    """A typed syllable keeps the shape of one of the character's spellings: the same kind
    of initial and final nasal, or, when it spells no syllable of any system, the same
    initial and first vowel (a non-standard spelling such as "home" for hong)."""
    if typed in forms or _skeleton(typed) in {_skeleton(f) for f in forms}:
        return True
    if typed in _known_spellings():
        return False  # a valid spelling of another syllable is another syllable
    onset = _onset(typed)
    return len(onset) >= 2 and any(f.startswith(onset) for f in forms)


SURNAME_WEIGHT = 0.3


def _score(zh: str, surname_tok: str, given_toks: list[str]) -> tuple[float, str]:
    surname, given = split_name(zh)
    s_best, s_form = 0.0, ""
    forms = _surname_forms(surname)
    if surname_tok in forms:
        s_best, s_form = forms[surname_tok], surname_tok
    else:
        for form, weight in forms.items():
            credit = _part(_similarity(surname_tok, form)) * weight
            if credit > s_best:
                s_best, s_form = credit, form
        if surname_tok in _known_spellings():
            s_best /= 2  # a valid spelling of another surname is not a slip
    g_best, g_form = _given_score(_given_forms(given), given_toks)
    score = SURNAME_WEIGHT * s_best + (1 - SURNAME_WEIGHT) * g_best
    if s_best < 0.2:
        score *= 0.5  # another family's name: a matching given name alone is not the person
    return score, f"{s_form} {g_form}".strip()


@lru_cache(maxsize=65536)
def is_romanizable(word: str) -> bool:
    """True if every hyphen-separated piece of ``word`` splits into known syllable spellings
    (``Kuo-Cheng``, ``Dapeng``; not ``Bay``)."""
    return _romanizable(word)


@lru_cache(maxsize=65536)
def fewest_syllables(word: str) -> int:
    """The fewest known syllables ``word`` splits into, hyphen-separated pieces apart
    (``Dapeng`` 2, ``Kuo-Cheng`` 2, ``long`` 1); 0 when it does not split into syllables."""
    known = _known_spellings()
    total = 0
    for piece in re.split(r"[-'’‘ʻ`]", word):
        folded = romanize.ascii_fold(piece)
        if not folded:
            continue
        best = {0: 0}  # position -> fewest syllables reaching it
        for i in range(len(folded)):
            if i not in best:
                continue
            for j in range(i + 1, min(len(folded), i + 6) + 1):
                if folded[i:j] in known and best.get(j, 99) > best[i] + 1:
                    best[j] = best[i] + 1
        if len(folded) not in best:
            return 0
        total += best[len(folded)]
    return total


def _romanizable(word: str) -> bool:
    """True if every hyphen-separated piece of ``word`` splits into known syllable spellings."""
    known = _known_spellings()
    for piece in re.split(r"[-'’‘ʻ`]", word):
        folded = romanize.ascii_fold(piece)
        reach = {0}
        for i in range(len(folded)):
            if i in reach:
                reach.update(j for j in range(i + 1, min(len(folded), i + 6) + 1) if folded[i:j] in known)
        if len(folded) not in reach:
            return False
    return True


def _split_romanized(romanized: str) -> list[tuple[str, list[str], bool]]:
    """Possible (surname, given syllables, surname_first) readings of a romanized name."""
    text = unicodedata.normalize("NFKC", romanized).strip()
    options: list[tuple[str, list[str], bool]] = []

    def syllables(chunk: str) -> list[str]:
        return [romanize.ascii_fold(s) for s in re.split(r"[\s\-]+", chunk) if romanize.ascii_fold(s)]

    if "," in text:
        head, _, tail = text.partition(",")
        sur = syllables(head)
        if sur:
            return [("".join(sur), syllables(tail), True)]
    words = _TOKEN.findall(text.replace(".", " "))
    if len(words) > 2:
        # An English first name (Frank Chang-ting Hsieh) is not part of the Chinese name.
        kept = [w for w in words if _romanizable(w)]
        if len(kept) >= 2:
            words = kept
    if not words:
        return []
    if len(words) == 1:
        return [(romanize.ascii_fold(words[0]), [], True)]
    caps = [w for w in words if w.isupper() and len(w) > 1]
    if len(caps) == 1 and len(words) > len(caps):
        i = words.index(caps[0])
        rest = [w for j, w in enumerate(words) if j != i]
        return [(romanize.ascii_fold(caps[0]), syllables(" ".join(rest)), i == 0)]
    options.append((romanize.ascii_fold(words[0]), syllables(" ".join(words[1:])), True))
    options.append((romanize.ascii_fold(words[-1]), syllables(" ".join(words[:-1])), False))
    return options


@lru_cache(maxsize=65536)
def match_details(zh: str, romanized: str) -> NameMatch:
    """The best reading of ``romanized`` as the name ``zh``, with its score (0..1)."""
    name = _clean(zh)
    best = NameMatch(0.0, "", "", True, "")
    if not name:
        return best
    parts = _hyphenated_parts(zh)
    if len(parts) > 1:
        return _transliterated_match(parts, romanized)
    name = "".join(piece for p in parts for piece in p)  # a dot or hyphen at an end
    for surname_tok, given_toks, first in _split_romanized(romanized):
        if best.score >= 1.0:
            break  # a full match: no other reading scores more (a score is at most 1)
        score, form = _score(name, surname_tok, given_toks)
        if score > best.score:
            best = NameMatch(round(score, 4), surname_tok, "-".join(given_toks), first, form)
    return best


def _transliterated_match(parts: list[list[str]], romanized: str) -> NameMatch:
    """A dotted name (阿沛·阿旺晉美, 让-保罗·萨特) against its romanization: each part is one
    word, none a surname (as :func:`romanize_name` writes them: Apei Awangjinmei,
    Rang-Baoluo Sate), in the written order or with the last part first (Sate, Rang-Baoluo).

    Split at spaces and hyphens, the romanization gives one syllable per
    character (Wade-Giles: Jang-Pao-lo Sa-t'e) or one word per hyphen-joined piece (Rang-Baoluo);
    either is scored as given names are, piece by piece.
    """
    text = unicodedata.normalize("NFKC", romanized)
    words = [w for w in re.split(r"[\s,]+", text) if w]
    pieces = [piece for p in parts for piece in p]
    best = NameMatch(0.0, "", "", True, "")
    orders = [(words, True)]
    if len(words) > 1:
        orders.append((words[1:] + words[:1], False))  # the last part first: Sate, Rang-Baoluo
    for order, as_written in orders:
        # Hyphens separate; an apostrophe is Wade-Giles aspiration (t'e) or a pinyin
        # syllable mark (Kǎ'ěr), folded away inside the token.
        tokens = [romanize.ascii_fold(t) for w in order for t in w.split("-")]
        tokens = [t for t in tokens if t]
        if len(tokens) == sum(len(p) for p in pieces):
            score, form = _given_score(_given_forms("".join(pieces)), tokens)
        elif len(tokens) == len(pieces):
            scored = [_given_score(_given_forms(p), [t]) for p, t in zip(pieces, tokens, strict=True)]
            score = math.prod(c for c, _ in scored) ** (1 / len(scored))
            form = "-".join(f for _, f in scored)
        else:
            continue
        if score > best.score:
            best = NameMatch(round(score, 4), "", "-".join(tokens), as_written, form)
    return best


def match_name(zh: str, romanized: str) -> float:
    """Score 0..1 for whether ``romanized`` renders the Chinese name ``zh``."""
    return match_details(zh, romanized).score
