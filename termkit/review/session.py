"""A review session: one glossary file, the decisions taken on it, saving and exporting.

Every decision is saved at once: the whole ``glossary.txt`` is rewritten atomically (the
writer of :mod:`termkit.formats.termkit_text` through :func:`termkit.io.atomic_binary`).
Each concept has a version, raised by every change; a decision names the version it was
taken on and is refused with :class:`StaleEditError` when the concept has moved on (two tabs
on one concept). A glossary changed on disk by another program since it was loaded is not
overwritten (:class:`ChangedOnDiskError`).

Undo takes back a decision of this session: the concept returns to the state before it,
provided nothing changed it since (the version again).

The exports of a build folder (``glossary.json`` and those of :data:`termkit.build.EXPORTS`
that the folder has) are rewritten from the reviewed glossary by :meth:`ReviewSession.export`,
with the same writers ``termkit build`` uses.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from termkit.errors import InputError, TermkitError, UsageError
from termkit.formats.termkit_text import MAGIC, dumps
from termkit.glossary import find_conflict
from termkit.model import Concept, Glossary, total_sources
from termkit.review import decisions
from termkit.review.listing import Index
from termkit.review.sources import RecordFiles, Sidecar, SourceList, sidecar_path

GLOSSARY_NAME = "glossary.txt"

# Concept properties a decision sets.
PROP_REVIEWER = "reviewer"
PROP_REVIEWED = "reviewed"
PROP_DECISION = "decision"


class StaleEditError(TermkitError):
    """A decision taken on a version of a concept that is no longer the current one."""


class ChangedOnDiskError(TermkitError):
    """The glossary file changed on disk since the session loaded or last saved it."""


@dataclass(frozen=True, slots=True)
class Decision:
    """One decision of the session, kept for undo."""

    seq: int
    concept_id: str
    action: str
    before: Concept
    version_after: int
    label: str  # "approve 權力平衡"


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a decision or an undo did: the concept as it is now, and its version."""

    concept: Concept
    version: int
    decision: Decision | None  # the decision taken (None after an undo)
    message: str


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _disk_key(path: Path) -> tuple[int, int, int]:
    st = path.stat()
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def _label(concept: Concept) -> str:
    term = concept.first("zh-Hant") or concept.first("zh") or concept.first("en")
    return term.text if term else concept.id


def resolve_target(path: str) -> tuple[Path, Path | None]:
    """The glossary file and the build folder (or None) for ``GLOSSARY|BUILD_DIR``.

    A folder must hold ``glossary.txt``; a file named ``glossary.txt`` whose folder also has
    ``glossary.json`` or an export counts as a build folder too.
    """
    from termkit.build import EXPORTS, JSON_FILE

    p = Path(path)
    if p.is_dir():
        glossary = p / GLOSSARY_NAME
        if not glossary.is_file():
            raise InputError(f"no {GLOSSARY_NAME} in this folder", path=path,
                             hint="give a glossary file or a folder written by termkit build")
        return glossary, p
    if not p.exists():
        raise InputError("no such file or folder", path=path)
    if p.name == GLOSSARY_NAME:
        names = [JSON_FILE, *(e[0] for e in EXPORTS)]
        if any((p.parent / n).is_file() for n in names):
            return p, p.parent
    return p, None


def load_termkit_glossary(path: Path) -> Glossary:
    """Read a termkit glossary file; other formats are refused (review saves in place)."""
    from termkit.formats.termkit_text import read_glossary
    from termkit.io import open_input

    with open_input(os.fspath(path)) as fh:
        head = fh.read(64).lstrip(b"\xef\xbb\xbf").lstrip()
        if not head.startswith(MAGIC.encode()):
            raise UsageError(
                "termkit review edits termkit glossary files (glossary.txt)",
                path=os.fspath(path),
                hint="convert other formats first: termkit import FILE -o glossary.txt",
            )
        fh.seek(0)
        return read_glossary(fh, os.fspath(path))


class ReviewSession:
    """The glossary under review and everything done to it (thread-safe)."""

    def __init__(
        self,
        path: str,
        *,
        reviewer: str,
        clock: Callable[[], str] = _now,
        base_dirs: list[Path] | None = None,
    ) -> None:
        """Load ``GLOSSARY|BUILD_DIR``; ``clock`` gives the review time (ISO 8601, UTC)."""
        self.glossary_path, self.build_dir = resolve_target(path)
        self.glossary = load_termkit_glossary(self.glossary_path)
        self.reviewer = reviewer
        self.clock = clock
        self.positions = {c.id: i for i, c in enumerate(self.glossary.concepts)}
        self.versions: dict[str, int] = {}
        self.history: list[Decision] = []
        self.index = Index.build(self.glossary.concepts)
        self.exports_stale = False
        self._changes = 0  # saves so far: an export knows whether it saw the latest
        self._blocks: list[str] | None = None  # glossary.txt text of each concept, once saved
        self._dirty: set[int] = set()
        self._seq = 0
        self._lock = threading.RLock()
        self._disk = _disk_key(self.glossary_path)
        side = sidecar_path(self.glossary_path)
        self.sidecar = Sidecar(side) if side.is_file() else None
        dirs = base_dirs if base_dirs is not None else [Path.cwd(), self.glossary_path.parent]
        self.records = RecordFiles(dirs)

    # ------------------------------------------------------------------ reading

    def concept(self, concept_id: str) -> Concept | None:
        """The concept with this id, or None."""
        pos = self.positions.get(concept_id)
        return None if pos is None else self.glossary.concepts[pos]

    def version(self, concept_id: str) -> int:
        """The current version of a concept (1 until its first change)."""
        return self.versions.get(concept_id, 1)

    def sources(self, concept: Concept) -> SourceList:
        """The concept's sources: the sidecar's full list when it has one, else the glossary's."""
        if self.sidecar is not None:
            found = self.sidecar.get(concept.id)
            if found is not None:
                return found
        terms = tuple((t.lang, t.text, tuple(t.sources)) for t in concept.terms)
        return SourceList(tuple(concept.sources), total_sources(concept), terms)

    def last_decision(self) -> Decision | None:
        """The most recent decision that can still be undone."""
        return self.history[-1] if self.history else None

    def summary(self) -> dict[str, int]:
        """Counts for the page header: concepts, candidates, conflicts, decisions."""
        facets = self.index.facets()
        return {
            "concepts": len(self.glossary.concepts),
            "candidates": facets["status"].get("candidate", 0),
            "conflicts": facets["conflict"].get("yes", 0),
            "decisions": len(self.history),
        }

    # ------------------------------------------------------------------ changing

    def _check_version(self, concept_id: str, version: int | None) -> None:
        current = self.version(concept_id)
        if version is not None and version != current:
            raise StaleEditError(
                f"concept {concept_id} was changed in another tab or window since you loaded it "
                f"(your version {version}, now {current}); nothing was saved: reload it and "
                "decide again"
            )

    def _store(self, concept: Concept) -> int:
        pos = self.positions[concept.id]
        self.glossary.concepts[pos] = concept
        self._dirty.add(pos)
        self.index.update(concept, pos)
        version = self.version(concept.id) + 1
        self.versions[concept.id] = version
        return version

    def decide(
        self, concept_id: str, action: str, params: Mapping[str, str], *, version: int | None
    ) -> Outcome:
        """Apply a decision to a concept and save; ``version`` is the one the reviewer saw."""
        with self._lock:
            concept = self.concept(concept_id)
            if concept is None:
                raise InputError(f"no concept {concept_id!r} in this glossary")
            self._check_version(concept_id, version)
            changed = decisions.apply(concept, action, params)
            changed.props[PROP_REVIEWER] = self.reviewer
            changed.props[PROP_REVIEWED] = self.clock()
            changed.props[PROP_DECISION] = action
            self._check_disk()
            new_version = self._store(changed)
            try:
                self._save()
            except BaseException:
                self._restore(concept, version_after=new_version + 1)
                raise
            self._seq += 1
            decision = Decision(self._seq, concept_id, action, concept, new_version,
                                f"{action} {_label(concept)}")
            self.history.append(decision)
            return Outcome(changed, new_version, decision, f"saved: {decision.label}")

    def _restore(self, concept: Concept, *, version_after: int) -> None:
        pos = self.positions[concept.id]
        self.glossary.concepts[pos] = concept
        self._dirty.add(pos)
        self.index.update(concept, pos)
        self.versions[concept.id] = version_after

    def undo(self, seq: int | None = None) -> Outcome:
        """Take back decision ``seq`` (default: the last one) and save."""
        with self._lock:
            if not self.history:
                raise InputError("there is no decision to undo")
            if seq is None:
                decision = self.history[-1]
            else:
                found = [d for d in self.history if d.seq == seq]
                if not found:
                    raise StaleEditError(f"decision {seq} cannot be undone (already undone, or "
                                         "from an earlier session)")
                decision = found[0]
            self._check_version(decision.concept_id, decision.version_after)
            self._check_disk()
            current = self.concept(decision.concept_id)
            assert current is not None
            restored = copy.deepcopy(decision.before)
            version = self._store(restored)
            try:
                self._save()
            except BaseException:
                self._restore(current, version_after=version + 1)
                raise
            self.history.remove(decision)
            return Outcome(restored, version, None, f"undone: {decision.label}")

    # ------------------------------------------------------------------ files

    def _check_disk(self) -> None:
        try:
            key = _disk_key(self.glossary_path)
        except OSError:
            key = (0, 0, 0)
        if key != self._disk:
            raise ChangedOnDiskError(
                "the glossary was changed on disk by another program since review started; "
                "nothing was saved",
                path=os.fspath(self.glossary_path),
                hint="stop termkit review and start it again to load the new file",
            )

    def _save(self) -> None:
        """Write glossary.txt: the text of :func:`termkit.formats.termkit_text.dumps`, built
        from each concept's block so a save re-serializes only the concepts that changed."""
        from termkit.io import atomic_binary

        if self._blocks is None:
            self._blocks = [concept_block(c) for c in self.glossary.concepts]
        else:
            for pos in self._dirty:
                self._blocks[pos] = concept_block(self.glossary.concepts[pos])
        self._dirty.clear()
        head = dumps(Glossary(header=self.glossary.header))[:-1]
        # Review edits the glossary it reviews, by design: replacing this input is asked for.
        with atomic_binary(os.fspath(self.glossary_path), replace_input=True) as fh:
            fh.write(head.encode("utf-8"))
            for b in self._blocks:
                fh.write(("\n\n" + b).encode("utf-8"))
            fh.write(b"\n")
        self._disk = _disk_key(self.glossary_path)
        self._changes += 1
        self.exports_stale = True

    def export(self) -> list[str]:
        """Rewrite the exports the build folder has; returns the file names written."""
        from termkit import formats
        from termkit.build import EXPORTS, JSON_FILE
        from termkit.io import atomic_binary

        if self.build_dir is None:
            raise UsageError("this glossary is not in a build folder: there are no exports to "
                             "rewrite", hint="use termkit export to write one")
        # Decisions replace concepts, never change them: a copy of the list is a snapshot,
        # and the exports are written from it without holding up decisions.
        with self._lock:
            concepts = list(self.glossary.concepts)
            changes = self._changes
        glossary = Glossary(
            concepts=concepts,
            conflicts=[c for c in map(find_conflict, concepts) if c is not None],
            notices=[],
            header=dict(self.glossary.header),
        )
        written = []
        for name, fmt_name, options in [(JSON_FILE, "json", {}), *EXPORTS]:
            target = self.build_dir / name
            if not target.is_file():
                continue
            with atomic_binary(os.fspath(target)) as fh:
                formats.get(fmt_name).write_glossary(glossary, fh, **options)
            written.append(name)
        with self._lock:
            if self._changes == changes:
                self.exports_stale = False
        return written


def concept_block(concept: Concept) -> str:
    """The lines of one concept in glossary.txt, as :func:`dumps` writes them (no blank lines)."""
    text = dumps(Glossary(concepts=[concept]))
    return text[len(MAGIC) + 2:-1]
