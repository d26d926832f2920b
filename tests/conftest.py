"""Shared test helpers: paths to test data and real-tool requirements."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

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


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    from tests import fuzzing

    if fuzzing.TRIED:
        readers = len(fuzzing.TRIED)
        total = sum(fuzzing.TRIED.values())
        failed = sum(fuzzing.REFUSED.values())
        terminalreporter.write_line(
            f"fuzz: {total} cases tried over {readers} readers ({total - failed} read, "
            f"{failed} refused with one Error line); --fuzz-long for "
            f"{fuzzing.LONG_EXAMPLES} per reader"
        )
