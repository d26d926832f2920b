"""Shared helpers of the ``termkit review`` tests: a build folder from the fixture, a client.

The fixture (``tests/data/review/``, see its README) is copied into a temporary build folder
with the exports ``termkit build`` writes, so every test may change it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from starlette.testclient import TestClient

from termkit.build import EXPORTS, JSON_FILE
from termkit.formats import get as get_format
from termkit.glossary import load_glossary
from termkit.review.app import create_app
from termkit.review.security import Secrets
from termkit.review.session import ReviewSession
from tests.conftest import DATA

FIXTURE = DATA / "review"
PORT = 8765
CLOCK = "2026-01-02T03:04:05Z"

# Concept ids of the fixture (tests/data/review/glossary.txt).
CONFLICT = "ce334c89bd7f1"  # 全民閱讀: civil reading | reading for all
CANDIDATE = "c7e2e0f2b4c7d"  # 活動策略 – activity strategy, evidence elimination position
BALANCE = "c81cce29bd61a"  # 權力平衡 – balance of power (page and JSONL sources)
LIBRARY = "c3d9ee3fcc834"  # 圖書館 – library (one source in the glossary, two in the sidecar)
REALISM = "c72ac0b78f4a7"  # 現實主義 – realism


def make_build(tmp: Path, *, exports: bool = True) -> Path:
    """A build folder in ``tmp``: the fixture's glossary, sidecar, records and exports."""
    build = tmp / "build"
    build.mkdir()
    for name in ("glossary.txt", "glossary.sources.jsonl", "records.jsonl", "example-record.txt"):
        shutil.copy(FIXTURE / name, build / name)
    if exports:
        glossary = load_glossary(str(build / "glossary.txt"))
        for name, fmt, options in [(JSON_FILE, "json", {}), *EXPORTS]:
            with open(build / name, "wb") as fh:
                get_format(fmt).write_glossary(glossary, fh, **options)
    return build


def make_session(target: Path, **kwargs: Any) -> ReviewSession:
    """A session on ``target`` whose relative sources resolve in the glossary's folder."""
    base = target if target.is_dir() else target.parent
    kwargs.setdefault("reviewer", "tester")
    kwargs.setdefault("clock", lambda: CLOCK)
    kwargs.setdefault("base_dirs", [base])
    return ReviewSession(str(target), **kwargs)


def make_client(
    session: ReviewSession,
    *,
    host: str = "127.0.0.1",
    authorize: bool = True,
    secrets: Secrets | None = None,
) -> tuple[TestClient, Secrets]:
    """A test client talking to the app as a browser at ``http://127.0.0.1:PORT`` would
    (pass the ``secrets`` of another client for a second tab of the same session)."""
    secrets = secrets or Secrets(host=host, port=PORT)
    client = TestClient(create_app(session, secrets), base_url=f"http://127.0.0.1:{PORT}")
    if authorize:
        client.headers["Authorization"] = f"token {secrets.token}"
    return client, secrets


def csrf_of(html: str) -> str:
    """The CSRF token a page carries in its ``<meta name="csrf-token">``."""
    m = re.search(r'<meta name="csrf-token" content="([^"]+)">', html)
    assert m, "the page has no CSRF token"
    return m.group(1)


def version_of(html: str, concept_id: str) -> int:
    """The version of a concept as a page shows it (``data-version`` of its card)."""
    m = re.search(rf'id="card-{concept_id}"[^>]*data-version="(\d+)"', html)
    assert m, f"no card for {concept_id}"
    return int(m.group(1))


def block(glossary_text: str, concept_id: str) -> str:
    """The block of one concept in a glossary.txt text."""
    start = glossary_text.index(f"[{concept_id}]")
    end = glossary_text.find("\n\n[", start)
    return glossary_text[start:] if end < 0 else glossary_text[start:end]
