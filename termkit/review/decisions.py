"""Review decisions as pure functions: each takes a concept and returns a changed copy.

The functions never touch the input concept, so the session can keep the old one for undo.
What each decision means (README, "termkit review"):

* **approve** — the concept becomes preferred; in each language where no term is preferred
  yet, the first candidate is promoted and the other candidates become admitted. A conflict
  is approved only when one rendering leads (seen more often, already preferred): that one
  is picked; a tie must be picked by hand.
* **reject** — the concept and its English renderings become deprecated (the pairing is
  wrong; the Chinese forms keep their status, they are not wrong Chinese). It stays in the
  glossary so the pair is recognised and never proposed as new again.
* **edit** — change any of the Traditional, Simplified or English forms or the pinyin. When
  the Traditional form changes, the Simplified form (OpenCC ``t2s``) and the pinyin (and
  zhuyin, when the glossary has it) are recomputed, except the ones the reviewer typed in the
  same edit or in an earlier one (listed in the concept property ``edited``).
* **pick** — choose the preferred English rendering of a conflict: it becomes preferred, the
  other contenders admitted, the concept preferred, and the ``conflict:`` note goes.
* **note** — add a note to the concept.
"""

from __future__ import annotations

import copy
import unicodedata
from collections.abc import Mapping

from termkit.errors import InputError
from termkit.glossary import find_conflict
from termkit.model import Concept, Kind, Status, Term

ACTIONS = ("approve", "reject", "edit", "pick", "note")
# The forms an edit may change, in the order the edit form shows them.
FIELDS = ("zh-Hant", "zh-Hans", "pinyin", "en")
ORIGIN_REVIEW = "review"
EDITED_PROP = "edited"


class DecisionError(InputError):
    """A decision that cannot be applied to this concept (the message says why)."""


def _copy(concept: Concept) -> Concept:
    return copy.deepcopy(concept)


def rivals(concept: Concept) -> list[Term]:
    """The English renderings competing in the concept's conflict (empty when there is none)."""
    conflict = find_conflict(concept)
    if conflict is None:
        return []
    names = {en for en, _ in conflict.renderings}
    return [
        t for t in concept.terms_for("en")
        if t.text in names and t.origin != "title" and t.status is not Status.DEPRECATED
    ]


def leading(concept: Concept) -> Term | None:
    """The one preferred rendering of a conflict that has a clear leader (seen more often)."""
    preferred = [t for t in rivals(concept) if t.status is Status.PREFERRED]
    return preferred[0] if len(preferred) == 1 else None


def approve(concept: Concept) -> Concept:
    """Candidate -> preferred (see the module docstring). A conflict whose leading rendering
    is already preferred (seen more often than the others) is approved with that one."""
    contenders = rivals(concept)
    if contenders:
        leader = leading(concept)
        if leader is None:
            raise DecisionError(f"{len(contenders)} English renderings are in conflict; "
                                "pick the preferred one first")
        concept = pick(concept, leader.text)
    result = _copy(concept)
    result.status = Status.PREFERRED
    by_lang: dict[str, list[Term]] = {}
    for term in result.terms:
        by_lang.setdefault(term.lang.lower(), []).append(term)
    for terms in by_lang.values():
        has_preferred = any(t.status is Status.PREFERRED for t in terms)
        for term in terms:
            if term.status is not Status.CANDIDATE:
                continue
            if not has_preferred:
                term.status = Status.PREFERRED
                has_preferred = True
            else:
                term.status = Status.ADMITTED
    return result


def reject(concept: Concept) -> Concept:
    """The concept and its English renderings -> deprecated."""
    result = _copy(concept)
    result.status = Status.DEPRECATED
    for term in result.terms_for("en"):
        term.status = Status.DEPRECATED
    return result


def pick(concept: Concept, rendering: str) -> Concept:
    """Make ``rendering`` the preferred English term of a conflict."""
    contenders = rivals(concept)
    if not contenders:
        raise DecisionError("this concept has no conflict to resolve")
    if rendering not in {t.text for t in contenders}:
        choices = ", ".join(repr(t.text) for t in contenders)
        raise DecisionError(f"{rendering!r} is not one of the renderings in conflict ({choices})")
    result = _copy(concept)
    for term in rivals(result):
        term.status = Status.PREFERRED if term.text == rendering else Status.ADMITTED
    result.notes = [n for n in result.notes if not n.startswith("conflict:")]
    result.status = Status.PREFERRED
    return result


def check_text(value: str, what: str) -> str:
    """``value`` without surrounding blanks, CRLF as LF; other control characters than
    newline and tab are refused (XML exports cannot carry them)."""
    text = value.replace("\r\n", "\n").strip()
    for ch in text:
        if ch not in "\n\t" and unicodedata.category(ch) in ("Cc", "Cs"):
            raise DecisionError(f"{what} contains the control character U+{ord(ch):04X}")
    return text


def add_note(concept: Concept, text: str) -> Concept:
    """Append a note to the concept."""
    note = check_text(text, "the note")
    if not note:
        raise DecisionError("the note is empty")
    result = _copy(concept)
    result.notes.append(note)
    return result


def current_forms(concept: Concept) -> dict[str, str]:
    """The values an edit starts from: the first Traditional, Simplified and English forms
    (preferred first) and the pinyin of the Chinese forms."""
    hant, hans, en = concept.first("zh-Hant"), concept.first("zh-Hans"), concept.first("en")
    pinyin = (hant.pinyin if hant else None) or (hans.pinyin if hans else None)
    return {
        "zh-Hant": hant.text if hant else "",
        "zh-Hans": hans.text if hans else "",
        "pinyin": pinyin or "",
        "en": en.text if en else "",
    }


def _reading(concept: Concept, zh: str) -> str | None:
    if concept.kind is Kind.PERSON:
        from termkit.pinyin.names import name_pinyin

        value = name_pinyin(zh)
    else:
        from termkit.pinyin import term_pinyin

        value = term_pinyin(zh)
    return value if value and value != zh else None


def _set_form(concept: Concept, lang: str, text: str, origin: str) -> Term:
    term = concept.first(lang)
    if term is None:
        term = Term(text, lang, Status.PREFERRED, origin)
        concept.terms.append(term)
    else:
        term.text, term.origin = text, origin
    return term


def edit(concept: Concept, values: Mapping[str, str]) -> Concept:
    """Change forms and pinyin; ``values`` maps names of :data:`FIELDS` to new values.

    Values equal to the current ones are no change. Raises :class:`DecisionError` when
    nothing changes, a form would become empty, or the English of an unresolved conflict is
    edited (pick the rendering to keep first).
    """
    unknown = sorted(set(values) - set(FIELDS))
    if unknown:
        raise DecisionError(f"unknown field {unknown[0]!r}; fields: {', '.join(FIELDS)}")
    now = current_forms(concept)
    cleaned = {k: check_text(v, f"the {k} form") for k, v in values.items()}
    changed = {k: v for k, v in cleaned.items() if v != now[k]}
    if not changed:
        raise DecisionError("nothing was changed")
    for k, v in changed.items():
        if not v and (k != "pinyin" and now[k]):
            raise DecisionError(f"the {k} form cannot be empty; reject the concept instead")
        if "\n" in v or "\t" in v:
            raise DecisionError(f"the {k} form must be one line, without tabs")
    if "en" in changed and rivals(concept):
        raise DecisionError("pick the preferred rendering of the conflict before editing it")
    result = _copy(concept)
    manual = set(result.props.get(EDITED_PROP, "").split())
    manual.update(changed)

    zh_changed = "zh-Hant" in changed or "zh-Hans" in changed
    if "zh-Hant" in changed:
        _set_form(result, "zh-Hant", changed["zh-Hant"], ORIGIN_REVIEW)
        if "zh-Hans" not in manual:
            from termkit.glossary import to_simplified

            _set_form(result, "zh-Hans", to_simplified(changed["zh-Hant"]), "opencc:t2s")
    if "zh-Hans" in changed:
        _set_form(result, "zh-Hans", changed["zh-Hans"], ORIGIN_REVIEW)
    chinese = [t for t in (result.first("zh-Hant"), result.first("zh-Hans")) if t is not None]
    if "pinyin" in changed:
        for term in chinese:
            term.pinyin = changed["pinyin"] or None
    elif zh_changed and "pinyin" not in manual and chinese:
        # read the form the reviewer just typed (the Traditional one when both changed)
        reading = _reading(result, changed.get("zh-Hant") or changed["zh-Hans"])
        for term in chinese:
            term.pinyin = reading
    if zh_changed:
        _refresh_zhuyin(result, [t for t in chinese if t.zhuyin])
    if "en" in changed:
        _edit_english(result, changed["en"])
    result.props[EDITED_PROP] = " ".join(f for f in FIELDS if f in manual)
    return result


def _refresh_zhuyin(concept: Concept, terms: list[Term]) -> None:
    if not terms:
        return
    from termkit.glossary import add_zhuyin
    from termkit.model import Glossary

    for term in terms:
        term.zhuyin = None
    fresh = add_zhuyin(Glossary(concepts=[concept])).concepts[0]
    for term, new in zip(concept.terms, fresh.terms, strict=True):
        if any(term is t for t in terms):
            term.zhuyin = new.zhuyin


def _edit_english(concept: Concept, text: str) -> None:
    target = concept.first("en")
    if target is None:
        _set_form(concept, "en", text, ORIGIN_REVIEW)
        return
    # The new text may be another rendering the concept already has: fold that one in.
    for other in list(concept.terms_for("en")):
        if other is not target and other.text.casefold() == text.casefold():
            target.support += other.support
            target.sources.extend(s for s in other.sources if s not in target.sources)
            concept.terms.remove(other)
    target.text, target.origin = text, ORIGIN_REVIEW


def apply(concept: Concept, action: str, params: Mapping[str, str]) -> Concept:
    """Apply the decision ``action`` (one of :data:`ACTIONS`) with its form parameters."""
    if action == "approve":
        return approve(concept)
    if action == "reject":
        return reject(concept)
    if action == "pick":
        return pick(concept, params.get("rendering", ""))
    if action == "note":
        return add_note(concept, params.get("note", ""))
    if action == "edit":
        return edit(concept, {k: params[k] for k in FIELDS if k in params})
    raise DecisionError(f"unknown decision {action!r}; one of: {', '.join(ACTIONS)}")
