"""XML safety of the TMX, TBX and XLIFF readers: no external entities, no entity bombs, no network."""

from __future__ import annotations

import http.server
import io
import re
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest

from termkit.errors import FormatError
from termkit.formats import tbx, tmx, xliff

SECRET = "termkit-secret-4c1d"


def _tmx(doctype: str, seg: str) -> bytes:
    return (f'<?xml version="1.0"?>\n{doctype}\n<tmx version="1.4"><header creationtool="x" '
            'creationtoolversion="1" segtype="phrase" o-tmf="x" adminlang="en" srclang="en" '
            f'datatype="plaintext"/><body><tu><tuv xml:lang="en"><seg>{seg}</seg></tuv></tu>'
            '</body></tmx>').encode()


def _tbx(doctype: str, seg: str) -> bytes:
    return (f'<?xml version="1.0"?>\n{doctype}\n<tbx xmlns="urn:iso:std:iso:30042:ed-2" '
            'type="TBX-Basic" style="dca" xml:lang="en"><tbxHeader><fileDesc><sourceDesc><p>x</p>'
            '</sourceDesc></fileDesc></tbxHeader><text><body><conceptEntry id="c1">'
            f'<langSec xml:lang="en"><termSec><term>{seg}</term></termSec></langSec>'
            '</conceptEntry></body></text></tbx>').encode()


def _xliff(doctype: str, seg: str) -> bytes:
    return (f'<?xml version="1.0"?>\n{doctype}\n<xliff version="1.2" '
            'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="f" source-language="en" '
            f'datatype="plaintext"><body><trans-unit id="1"><source>{seg}</source></trans-unit>'
            '</body></file></xliff>').encode()


def _texts_tmx(data: bytes) -> list[str]:
    return [v.text for u in tmx.iter_units(io.BytesIO(data), "t.tmx") for v in u.variants]


def _texts_tmx_glossary(data: bytes) -> list[str]:
    return [t.text for c in tmx.read_glossary(io.BytesIO(data), "t.tmx").concepts for t in c.terms]


def _texts_tbx(data: bytes) -> list[str]:
    return [t.text for c in tbx.read_glossary(io.BytesIO(data), "t.tbx").concepts for t in c.terms]


def _texts_xliff(data: bytes) -> list[str]:
    return [v.text for u in xliff.iter_units(io.BytesIO(data), "t.xlf") for v in u.variants]


READERS: list[tuple[str, Callable[[str, str], bytes], Callable[[bytes], list[str]]]] = [
    ("tmx-units", _tmx, _texts_tmx),
    ("tmx-glossary", _tmx, _texts_tmx_glossary),
    ("tbx", _tbx, _texts_tbx),
    ("xliff", _xliff, _texts_xliff),
]
IDS = [r[0] for r in READERS]


@pytest.mark.parametrize(("name", "make", "read"), READERS, ids=IDS)
def test_plain_document_reads(name: str, make: Callable[[str, str], bytes],
                              read: Callable[[bytes], list[str]]) -> None:
    # control: the same documents without tricks read fine, so the refusals below are real
    assert read(make("", "hello")) == ["hello"]


@pytest.mark.parametrize(("name", "make", "read"), READERS, ids=IDS)
def test_external_file_entity_is_not_resolved(tmp_path: Path, name: str,
                                              make: Callable[[str, str], bytes],
                                              read: Callable[[bytes], list[str]]) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    root = {"tmx-units": "tmx", "tmx-glossary": "tmx", "tbx": "tbx", "xliff": "xliff"}[name]
    for target in (secret.as_uri(), "file:///etc/passwd"):
        data = make(f'<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "{target}">]>', "a&xxe;b")
        with pytest.raises(FormatError, match="entity declarations are not allowed") as info:
            read(data)
        assert SECRET not in str(info.value) and "root:" not in str(info.value)


@pytest.mark.parametrize(("name", "make", "read"), READERS, ids=IDS)
def test_billion_laughs_is_refused_quickly(name: str, make: Callable[[str, str], bytes],
                                          read: Callable[[bytes], list[str]]) -> None:
    root = {"tmx-units": "tmx", "tmx-glossary": "tmx", "tbx": "tbx", "xliff": "xliff"}[name]
    ents = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)]
    data = make(f"<!DOCTYPE {root} [{''.join(ents)}]>", "&lol9;")
    start = time.perf_counter()
    with pytest.raises(FormatError):
        read(data)
    assert time.perf_counter() - start < 2.0


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Recorder.hits.append(self.path)
        body = b'<!ENTITY leak "NETWORK">'
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # silence
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    _Recorder.hits = []
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize(("name", "make", "read"), READERS, ids=IDS)
def test_no_network_access(server: str, name: str, make: Callable[[str, str], bytes],
                           read: Callable[[bytes], list[str]]) -> None:
    root = {"tmx-units": "tmx", "tmx-glossary": "tmx", "tbx": "tbx", "xliff": "xliff"}[name]
    # an external DTD by URL: parsing goes on without fetching it
    texts = read(make(f'<!DOCTYPE {root} SYSTEM "{server}/schema.dtd">', "plain"))
    assert texts == ["plain"]
    # a parameter entity that would pull in a remote DTD
    try:
        texts = read(make(f'<!DOCTYPE {root} [<!ENTITY % remote SYSTEM "{server}/evil.dtd"> %remote;]>',
                          "plain"))
        assert "NETWORK" not in "".join(texts)
    except FormatError:
        pass
    assert _Recorder.hits == []


# --------------------------------------------------------------------------- the CLI's view

MALFORMED = {
    "bad.tmx": b'<?xml version="1.0"?>\n<tmx version="1.4">\n<header/>\n<body><tu><seg>a</tu>',
    "bad.tbx": b'<?xml version="1.0"?>\n<tbx xmlns="urn:iso:std:iso:30042:ed-2">\n<text>\n<body></tbx>',
    "bad.xlf": b'<?xml version="1.0"?>\n<xliff version="1.2">\n<file>\n<body></file></xliff>',
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_import_of_malformed_file_reports_line_and_column_and_writes_nothing(
        tmp_path: Path, name: str) -> None:
    from click.testing import CliRunner

    from termkit.cli import cli

    bad = tmp_path / name
    bad.write_bytes(MALFORMED[name])
    out = tmp_path / "out.tkg"
    result = CliRunner().invoke(cli, ["import", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert re.fullmatch(rf"Error: {re.escape(str(bad))}:4:\d+: malformed XML: .+\n", result.stderr)
    assert not out.exists() and list(tmp_path.iterdir()) == [bad]
