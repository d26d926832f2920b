"""OpenCC's own data, read for inspection: dictionary entries and per-step converters.

The audit needs to know which step of a config's conversion chain changed a term and which
characters have several candidates; detection needs the characters that exist in one script
only. Both come from the dictionaries bundled with the ``opencc`` package: ``.ocd2`` files are
dumped to text with the package's own ``opencc_dict`` tool, and each chain step is replicated
by a one-step config written to a private temporary folder (absolute dictionary paths).
"""

from __future__ import annotations

import atexit
import contextlib
import copy
import errno
import functools
import json
import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from typing import Any

from termkit.convert.configs import check_config, opencc_share_dir
from termkit.errors import MissingDependencyError, OutputError


@functools.cache
def workdir() -> str:
    """A private temporary folder for this process, removed at exit."""
    path = tempfile.mkdtemp(prefix="termkit-opencc-")
    atexit.register(shutil.rmtree, path, True)
    return path


def remove_workdir() -> None:
    """Remove this process's folder now, if it was made: for a process that must leave
    without running its exit handlers (``os._exit`` after Ctrl-C with workers)."""
    if workdir.cache_info().currsize:
        shutil.rmtree(workdir(), ignore_errors=True)


def opencc_dict_tool() -> str:
    """Path of the ``opencc_dict`` tool that ships with the opencc package (or on PATH)."""
    tool = os.path.join(os.path.dirname(os.path.dirname(opencc_share_dir())), "bin", "opencc_dict")
    if not os.path.exists(tool):
        found = shutil.which("opencc_dict")
        if not found:
            raise MissingDependencyError(
                "opencc_dict not found", hint="install the opencc package with its tools"
            )
        tool = found
    return tool


@functools.cache
def dictionary(name: str) -> dict[str, tuple[str, ...]]:
    """Entries of a bundled dictionary (``"STCharacters"``): key -> candidates, best first."""
    src = os.path.join(opencc_share_dir(), f"{name}.ocd2")
    dst = os.path.join(workdir(), f"{name}.txt")
    if not os.path.exists(src):  # an OpenCC build without it: callers may go on without
        raise FileNotFoundError(errno.ENOENT, "no such OpenCC dictionary", src)
    try:
        subprocess.run(
            [opencc_dict_tool(), "-i", src, "-o", dst, "-f", "ocd2", "-t", "text"],
            check=True, capture_output=True,
        )
    except subprocess.CalledProcessError as exc:
        # The dictionary is there: what failed is writing its text out (a full disk, a file
        # size limit: the tool dies of SIGXFSZ) — an error to report, not a bug.
        why = exc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] if exc.stderr else []
        if exc.returncode < 0:
            why = [f"opencc_dict died of signal {-exc.returncode}"]
            with contextlib.suppress(ValueError):
                why = [f"opencc_dict died of {signal.Signals(-exc.returncode).name}"]
        raise OutputError(f"cannot write OpenCC's {name} table here: "
                          + (why[0] if why else f"opencc_dict exited {exc.returncode}"),
                          path=dst) from None
    entries: dict[str, tuple[str, ...]] = {}
    with open(dst, encoding="utf-8") as fh:
        for line in fh:
            key, _, values = line.rstrip("\n").partition("\t")
            if key:
                entries[key] = tuple(values.split(" ")) if values else ()
    return entries


@functools.cache
def config_json(config: str) -> dict[str, Any]:
    """The parsed JSON of a bundled config."""
    stem = check_config(config)
    with open(os.path.join(opencc_share_dir(), f"{stem}.json"), encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def _dict_files(node: Any) -> list[str]:
    if isinstance(node, dict):
        if "file" in node:
            return [str(node["file"]).removesuffix(".ocd2")]
        return [f for d in node.get("dicts", []) for f in _dict_files(d)]
    return []


def absolute_paths(node: Any) -> Any:
    """A copy of a config node with every dictionary file made an absolute path."""
    node = copy.deepcopy(node)
    stack = [node]
    while stack:
        cur = stack.pop()
        if isinstance(cur, dict):
            if "file" in cur:
                cur["file"] = os.path.join(opencc_share_dir(), cur["file"])
            stack.extend(cur.values())
        elif isinstance(cur, list):
            stack.extend(cur)
    return node


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a conversion chain: its label, its dictionaries and a converter for it alone."""

    index: int
    label: str
    dicts: tuple[str, ...]
    converter: Any


@functools.cache
def chain_steps(config: str) -> tuple[Step, ...]:
    """The steps of ``config`` (normalization first when the config has one), each runnable."""
    import opencc

    data = config_json(config)
    stem = check_config(config)
    raw_steps: list[tuple[str, Any]] = []
    for i, step in enumerate(data.get("normalization", [])):
        raw_steps.append((f"normalization {i + 1}", step))
    for i, step in enumerate(data["conversion_chain"]):
        raw_steps.append((f"step {i + 1}", step))
    steps: list[Step] = []
    for index, (label, step) in enumerate(raw_steps):
        cfg: dict[str, Any] = {"name": f"{stem} {label}", "conversion_chain": [absolute_paths(step)]}
        if "segmentation" in data:  # configs without one segment with their chain's dicts
            cfg["segmentation"] = absolute_paths(data["segmentation"])
        path = os.path.join(workdir(), f"{stem}-{index}.json")
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(cfg, fh)
        dicts = tuple(_dict_files(step["dict"]))
        steps.append(Step(index, f"{label} ({', '.join(dicts)})", dicts, opencc.OpenCC(path)))
    return tuple(steps)


def run_steps(text: str, config: str) -> list[tuple[Step, str]]:
    """Run ``text`` through each step in turn: ``(step, output after it)``."""
    out: list[tuple[Step, str]] = []
    cur = text
    for step in chain_steps(config):
        cur = step.converter.convert(cur)
        out.append((step, cur))
    return out


# The dictionaries whose values are text OpenCC writes in each script, regional variants
# included: Taiwan's 群 and 峰 and Hong Kong's 温 and 户 are Traditional as OpenCC writes them.
REGIONAL_OUTPUT = {
    "Hans": ("TSCharacters", "TSPhrases"),
    "Hant": ("STCharacters", "STPhrases", "TWVariants", "TWVariantsPhrases", "TWPhrases",
             "HKVariants", "HKVariantsPhrases", "HKPhrases"),
}


@functools.cache
def _written_in(script: str) -> frozenset[str]:
    chars: set[str] = set()
    for name in REGIONAL_OUTPUT[script]:
        try:
            values = dictionary(name).values()
        except (OSError, ValueError, subprocess.CalledProcessError):  # pragma: no cover
            continue  # an OpenCC build without it
        for value in values:
            chars.update(*value)
    return frozenset(chars)


@functools.cache
def script_only_chars(*, regional: bool = False) -> tuple[frozenset[str], frozenset[str]]:
    """``(simplified_only, traditional_only)``: characters that exist in one script only.

    A character is Simplified-only when OpenCC's STCharacters maps it away from itself and it
    is never a Traditional character (not a TSCharacters key, not a Traditional candidate);
    Traditional-only is the mirror image. ``regional``: nor a character OpenCC writes in any
    regional variant of the other script (:data:`REGIONAL_OUTPUT`): Taiwan's 群 (of 羣) and
    Hong Kong's 温 (of 溫) are then not Simplified — what text of unknown region needs; a
    check for one region keeps them and confirms each character for that region.
    """
    st = dictionary("STCharacters")
    ts = dictionary("TSCharacters")
    st_values = {v for vs in st.values() for v in vs}
    ts_values = {v for vs in ts.values() for v in vs}
    hans = {k for k, vs in st.items() if len(k) == 1 and k not in vs} - set(ts) - st_values
    hant = {k for k, vs in ts.items() if len(k) == 1 and k not in vs} - set(st) - ts_values
    if regional:
        hans -= _written_in("Hant")
        hant -= _written_in("Hans")
    return frozenset(hans), frozenset(hant)
