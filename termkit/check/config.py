"""Choosing checks and their options: ``--checks``/``--skip`` and the project file.

A project keeps its defaults in ``termkit.toml`` (table ``[check]``) or in ``pyproject.toml``
(table ``[tool.termkit.check]``), found in the current directory or the nearest parent that
has one (``termkit.toml`` first)::

    [check]
    checks = ["all"]                 # ids or families: terms, variants, unit, format, typography, syntax
    skip = ["length"]
    fail-on = "error"                # error | warning | never
    cjk-latin-spacing = "require"    # require | forbid | off
    quote-style = "auto"             # auto (by the target's script) | corner 「」 | curly “”
    fullwidth-digits = false         # accept ２０ for 20 in Chinese targets
    length-ratio = 2.5               # target display width above ratio x source width …
    length-min = 20                  # … and at least this many columns more

Command-line options override the file. Unknown keys and bad values are usage errors naming
the file, so a typo never silently turns a check off.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from termkit.check.findings import CHECKS, FAMILIES
from termkit.errors import UsageError

SPACING = ("require", "forbid", "off")
QUOTES = ("auto", "corner", "curly")


@dataclass(frozen=True, slots=True)
class Options:
    """Settings of the checks that have any."""

    cjk_latin_spacing: str = "off"
    quote_style: str = "auto"
    fullwidth_digits: bool = False
    length_ratio: float = 2.5
    length_min: int = 20
    # The checks that run (set by the checker, not a setting of the project file): a check
    # may leave to another what that one reports (xml-tags leaves a code holding a lost
    # placeholder to printf).
    running: frozenset[str] = frozenset()


@dataclass(slots=True)
class Config:
    """What a project file says (None: not said)."""

    path: str | None = None
    checks: list[str] | None = None
    skip: list[str] = field(default_factory=list)
    fail_on: str | None = None
    options: Options = field(default_factory=Options)


def split_names(values: Iterable[str]) -> list[str]:
    """``["a,b", "c"]`` -> ``["a", "b", "c"]`` (options may repeat or hold commas)."""
    return [p.strip() for v in values for p in v.split(",") if p.strip()]


def expand(names: Iterable[str], where: str = "") -> set[str]:
    """Check ids for ids, family names and ``all``; :class:`UsageError` for unknown names."""
    out: set[str] = set()
    for name in names:
        if name == "all":
            out.update(CHECKS)
        elif name in CHECKS:
            out.add(name)
        elif name in FAMILIES:
            out.update(FAMILIES[name])
        else:
            # ``syntax`` is a family and a check: named once
            known = ", ".join(dict.fromkeys(["all", *sorted(FAMILIES), *CHECKS]))
            raise UsageError(f"unknown check {name!r}{where}", hint=f"known: {known}")
    return out


def select(checks: Iterable[str] | None, skip: Iterable[str] = ()) -> frozenset[str]:
    """The checks to run: ``checks`` (ids/families; None = all) minus ``skip``."""
    chosen = set(CHECKS) if checks is None else expand(checks)
    return frozenset(chosen - expand(skip))


_KEYS = {
    "checks", "skip", "fail-on", "cjk-latin-spacing", "quote-style", "fullwidth-digits",
    "length-ratio", "length-min",
}


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``termkit.toml``, or ``pyproject.toml`` with ``[tool.termkit.check]``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "termkit.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _table(pyproject, required=False) is not None:
            return pyproject
    return None


def _table(path: Path, *, required: bool = True) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read the configuration: {exc}", path=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"not valid TOML: {exc}", path=str(path)) from None
    if path.name == "pyproject.toml":
        # [tool] belongs to every tool of the project; only [tool.termkit] is termkit's.
        tool = data.get("tool")
        termkit = tool.get("termkit", {}) if isinstance(tool, dict) else {}
        if not isinstance(termkit, dict):
            raise UsageError("[tool.termkit] must be a table", path=str(path),
                             hint="write the options under [tool.termkit.check]")
        table = termkit.get("check")
    else:
        table = data.get("check", {} if required else None)
    if table is not None and not isinstance(table, dict):
        raise UsageError("the check table must be a table", path=str(path))
    return table


def load_config(path: Path | None) -> Config:
    """Read a project file (``None``: no file, defaults)."""
    if path is None:
        return Config()
    table = _table(path) or {}
    where = f" in {path}"
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise UsageError(
            f"unknown key {unknown[0]!r}", path=str(path), hint=f"known keys: {', '.join(sorted(_KEYS))}"
        )

    def names(key: str) -> list[str] | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise UsageError(f"{key} must be a list of check ids or families", path=str(path))
        expand(value, where)  # validate now, with the file named
        return list(value)

    opts = options_from(
        Options(),
        cjk_latin_spacing=table.get("cjk-latin-spacing"),
        quote_style=table.get("quote-style"),
        fullwidth_digits=table.get("fullwidth-digits"),
        length_ratio=table.get("length-ratio"),
        length_min=table.get("length-min"),
        where=str(path),
    )
    fail_on = table.get("fail-on")
    if fail_on is not None and fail_on not in ("error", "warning", "never"):
        raise UsageError("fail-on must be error, warning or never", path=str(path))
    return Config(str(path), names("checks"), names("skip") or [], fail_on, opts)


def options_from(base: Options, *, where: str | None = None, **values: Any) -> Options:
    """``base`` with the values that are not None, validated."""
    given = {k: v for k, v in values.items() if v is not None}
    spacing = given.get("cjk_latin_spacing")
    if spacing is not None and spacing not in SPACING:
        raise UsageError(f"cjk-latin-spacing must be one of {', '.join(SPACING)}", path=where)
    quotes = given.get("quote_style")
    if quotes is not None and quotes not in QUOTES:
        raise UsageError(f"quote-style must be one of {', '.join(QUOTES)}", path=where)
    if "fullwidth_digits" in given and not isinstance(given["fullwidth_digits"], bool):
        raise UsageError("fullwidth-digits must be true or false", path=where)
    ratio = given.get("length_ratio")
    if ratio is not None and (isinstance(ratio, bool) or not isinstance(ratio, int | float) or not ratio > 0):
        raise UsageError("length-ratio must be a positive number", path=where)
    minimum = given.get("length_min")
    if minimum is not None and (isinstance(minimum, bool) or not isinstance(minimum, int) or minimum < 0):
        raise UsageError("length-min must be a whole number, 0 or more", path=where)
    if ratio is not None:
        given["length_ratio"] = float(ratio)
    return replace(base, **given)
