"""Shared test helpers: paths to test data and real-tool requirements."""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

TESTS = Path(__file__).parent
DATA = TESTS / "data"
ROOT = TESTS.parent
SEED = ROOT / "termkit" / "data" / "example-record.txt"
IN_CI = bool(os.environ.get("CI"))


def require_tool(name: str) -> str:
    """Path of a real tool used as an oracle.

    Skips the test when the tool is absent, except under CI (``CI`` set), where a missing
    tool is a failure: CI installs every tool the suite uses.
    """
    found = shutil.which(name)
    if found:
        return found
    if IN_CI:
        pytest.fail(f"{name} is required under CI but is not installed")
    pytest.skip(f"{name} not installed")
    raise AssertionError("unreachable")


# --------------------------------------------------------------------------- fuzz suite


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fuzz-long", action="store_true", default=False,
        help="Run the fuzz suite (tests/test_fuzz.py) with many more cases per reader.",
    )


def pytest_configure(config: pytest.Config) -> None:
    from tests import fuzzing

    if config.getoption("--fuzz-long", default=False):
        fuzzing.EXAMPLES = fuzzing.LONG_EXAMPLES


# Figures the evaluation tests print (pairing and reading on real records, beside their
# baselines), gathered and shown after the run, sorted by test: also when the suite runs in
# several processes (pytest-xdist), whose workers' output pytest does not show.
FIGURES: dict[str, list[str]] = {}


@pytest.fixture
def figures(request: pytest.FixtureRequest) -> Callable[[str], None]:
    """``figures(text)``: show ``text`` in the run's summary, under the test's name."""
    def show(text: str) -> None:
        FIGURES.setdefault(request.node.nodeid, []).append(text.strip("\n"))
    return show


def pytest_sessionfinish(session: pytest.Session) -> None:
    from tests import fuzzing

    out = getattr(session.config, "workeroutput", None)
    if out is not None:  # a pytest-xdist worker: hand what it gathered to the controller
        out["termkit_figures"] = FIGURES
        out["termkit_fuzz"] = [dict(fuzzing.TRIED), dict(fuzzing.REFUSED)]


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    from tests import fuzzing

    out = getattr(node, "workeroutput", {})
    for test, texts in out.get("termkit_figures", {}).items():
        FIGURES.setdefault(test, []).extend(texts)
    tried, refused = out.get("termkit_fuzz", ({}, {}))
    fuzzing.TRIED.update(tried)
    fuzzing.REFUSED.update(refused)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    from tests import fuzzing

    if FIGURES:
        terminalreporter.section("figures")
        for test in sorted(FIGURES):  # the same order whichever process ran each test
            terminalreporter.write_line(test)
            for text in FIGURES[test]:
                terminalreporter.write_line(text)
            terminalreporter.write_line("")
    if fuzzing.TRIED:
        readers = len(fuzzing.TRIED)
        total = sum(fuzzing.TRIED.values())
        failed = sum(fuzzing.REFUSED.values())
        terminalreporter.write_line(
            f"fuzz: {total} cases tried over {readers} readers ({total - failed} read, "
            f"{failed} refused with one Error line); --fuzz-long for "
            f"{fuzzing.LONG_EXAMPLES} per reader"
        )


@functools.cache
def _words_within(chars: frozenset[str]) -> frozenset[str]:
    from termkit.convert.words import general_words

    return frozenset(w for w in general_words() if set(w) <= chars)


@contextlib.contextmanager
def general_words_within(alphabet: str) -> Iterator[None]:
    """Word-aware locking with only the real general words written in ``alphabet``.

    For property tests whose texts use a few characters: a key holding any other character
    never matches such a text, so the engines are compared on the words that can occur,
    without building automata and OpenCC dictionaries over the whole list each example.
    (Both engines read the same words; the full list is exercised by the real-data tests.)
    Nothing is cached on disk meanwhile.
    """
    from termkit.convert import words

    subset = _words_within(frozenset(alphabet))
    saved = words.general_words, words.SMALL
    words.clear_caches()
    words.general_words = lambda: subset  # type: ignore[assignment]
    words.SMALL = 10**9
    try:
        yield
    finally:
        words.general_words, words.SMALL = saved
        words.clear_caches()
