"""`termkit review` on a damaged sources sidecar (glossary.sources.jsonl).

A line of the sidecar is read when its concept is shown. Malformed lines were already
skipped (the concept shows the sources glossary.txt keeps), but a line nested thousands deep
raised RecursionError out of the page handler (a server error instead of the page).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.review_support import BALANCE, make_build, make_client, make_session


@pytest.mark.parametrize("line", [
    b'{"id": "c81cce29bd61a", "sources": ' + b"[" * 50_000 + b"]" * 50_000 + b"}\n",
    b'{"id": "c81cce29bd61a", "total": NaN, "sources": []}\n',
    b'{"id": "c81cce29bd61a", "sources": [{"path": "\xff\xfe"}]}\n',
])
def test_a_damaged_sidecar_line_shows_the_glossary_sources(tmp_path: Path, line: bytes) -> None:
    build = make_build(tmp_path, exports=False)
    (build / "glossary.sources.jsonl").write_bytes(line)
    client, _ = make_client(make_session(build))
    page = client.get(f"/concept/{BALANCE}")
    assert page.status_code == 200
    # The glossary's own first sources are shown, as for a concept the sidecar lacks.
    assert "example-record.txt" in page.text
