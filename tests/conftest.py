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
