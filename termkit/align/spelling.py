"""British and American spellings of one English word, for matching keywords to glosses.

Owned by the pairing work. CC-CEDICT glosses are mostly American ("behavior",
"organization", "program", "pediatric") with some British ones ("archaeology",
"catalogue", "counsellor"), and keywords come in either spelling: mainland journals often
write British English, Taiwanese ones American. :func:`spelling_variants` gives the other
spellings a word (a light stem, :func:`termkit.lexicon.stem`) may have under the regular
correspondences of the two standards; a caller uses one only where the dictionary lists it
(:meth:`termkit.align.keys.Support.match` asks for them when the word itself is not
listed), so a rule that also rewrites an unrelated word ("tour" to "tor") never matters.
"""

from __future__ import annotations

import functools
import re

# (British, American) endings at the end of a stem, after at least MIN_BASE letters.
_ENDINGS = (
    ("isation", "ization"),
    ("isational", "izational"),
    ("ise", "ize"),
    ("is", "ize"),  # organis(ed), organis(ing): the stem of the -ed/-ing forms
    ("yse", "yze"),
    ("ys", "yze"),  # analys(ed)
    ("ogue", "og"),  # catalogue, dialogue, analogue
    ("ence", "ense"),  # defence, offence, licence
    ("mme", "m"),  # programme
    ("dgement", "dgment"),  # judgement, acknowledgement
    ("lment", "llment"),  # enrolment, fulfilment
    ("lful", "llful"),  # skilful, wilful
    ("il", "ill"),  # fulfil, instil
)
MIN_BASE = 2
# -our / -or (behaviour, labour, harbour; behavioural, favourite), after two letters.
_OUR = re.compile(r"(?<=[a-z]{2})our(?=al|ite|able|ed|ing|ful|less|ist|s|$)")
_OR = re.compile(r"(?<=[a-z]{2})or(?=al|ite|able|ed|ing|ful|less|ist|s|$)")
# -re / -er after a consonant (centre, theatre, fibre, litre; centred).
_RE = re.compile(r"(?<=[^aeiou])re(?=d|s|$)")
_ER = re.compile(r"(?<=[^aeiour])er(?=ed|s|$)")
# A doubled l before -er / -or or at the end of a stem cut from -ing / -ed (modell(ing),
# travell(er), counsell(or)).
_LL = re.compile(r"(?<=[aeiou])ll(?=er|or|ers|ors|$)")
_L = re.compile(r"(?<=[^aeiou][aeiou])l(?=er|or|ers|ors|$)")
# The Greek and Latin digraphs ae / oe British keeps (paediatric, haemoglobin,
# anaesthesia, oestrogen, foetal, diarrhoea) and American writes e.
_DIGRAPH = re.compile(r"(?<=[a-z])[ao]e(?=[a-z]{2})|^oe(?=[a-z]{3})")


# Both directions of every ending, and one pattern finding any of the rewrites below (most
# words have none: one test each instead of a dozen).
_REWRITES = tuple(
    pair for british, american in _ENDINGS for pair in ((british, american), (american, british))
)
_OLD_ENDINGS = tuple(old for old, _ in _REWRITES)
_PATTERNS = ((_OUR, "or"), (_OR, "our"), (_RE, "er"), (_ER, "re"), (_LL, "l"), (_L, "ll"))
_ANY_PATTERN = re.compile("|".join(p.pattern for p, _ in _PATTERNS))


@functools.lru_cache(maxsize=1 << 16)
def spelling_variants(stem: str) -> tuple[str, ...]:
    """Other spellings of ``stem`` (lower case) under the British / American
    correspondences, both ways; () for a word too short or with no such ending."""
    if len(stem) < 4 or not stem.isalpha():
        return ()
    out: list[str] = []
    if stem.endswith(_OLD_ENDINGS):
        for old, new in _REWRITES:
            if stem.endswith(old) and len(stem) - len(old) >= MIN_BASE:
                out.append(stem[: -len(old)] + new)
    if len(stem) >= 5 and _ANY_PATTERN.search(stem):
        for pattern, new in _PATTERNS:
            changed = pattern.sub(new, stem, count=1)
            if changed != stem:
                out.append(changed)
    if "ae" in stem or "oe" in stem:
        for m in _DIGRAPH.finditer(stem):
            out.append(stem[: m.start()] + "e" + stem[m.end() :])
    return tuple(dict.fromkeys(v for v in out if v != stem))
