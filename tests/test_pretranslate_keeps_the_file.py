"""``tm pretranslate`` writes an XML file back as it came in where it filled nothing: the
original's XML declaration (its quotes, ``standalone``, or none at all), byte order mark and
final line break, not lxml's own declaration (review17's note: a file with nothing to fill
came out with ``<?xml version='1.0' encoding='UTF-8'?>`` in place of the translator's own).

Oracles: the real files' own first bytes, and their parsed content before and after.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from lxml import etree

from termkit.tm.pretranslate import Options, pretranslate_stream
from termkit.tm.store import open_store
from tests.conftest import DATA

FRESH = DATA / "formats" / "fresh"
FILES = sorted([*FRESH.glob("*.xlf"), *FRESH.glob("*.xliff"), *FRESH.glob("*/*.xlf"),
                *FRESH.glob("*/*.xliff"), *FRESH.glob("*.sdlxliff"),
                *(DATA / "formats" / "xliff").glob("*.xlf")])


def _pretranslate(tmp_path: Path, data: bytes, name: str) -> bytes:
    """Pre-translate ``data`` from an empty memory: nothing can be filled."""
    out = io.BytesIO()
    with open_store(str(tmp_path / "tm.sqlite")) as store:
        summary = pretranslate_stream(store, data, name, out,
                                      options=Options(source_lang="en", target_lang="zh-CN"))
    assert not sum(summary.filled.values())  # type: ignore[attr-defined]
    return out.getvalue()


def _shape(data: bytes) -> tuple[object, ...]:
    """The document as nested tuples (tag, attributes, text, tail, children), comments and
    processing instructions included; a file's ``target-language``, which pre-translation
    sets where a file names none (an Angular ``messages.zh.xlf``), left out."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)

    def shape(e: etree._Element) -> tuple[object, ...]:
        attrib = {k: v for k, v in e.attrib.items() if k != "target-language"}
        return (e.tag, sorted(attrib.items()), e.text, e.tail, [shape(c) for c in e])

    return shape(etree.fromstring(data, parser))


def _declaration(data: bytes) -> bytes:
    return data.split(b"?>", 1)[0] + b"?>" if data.lstrip(b"\xef\xbb\xbf").startswith(b"<?xml") else b""


def test_the_files_are_real_and_varied() -> None:
    heads = {_declaration(f.read_bytes()) for f in FILES}
    assert len(FILES) >= 10 and len(heads) >= 4, heads  # quotes, spaces, standalone, none


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_file_with_nothing_filled_keeps_its_own_declaration_and_ends(tmp_path: Path,
                                                                       path: Path) -> None:
    data = path.read_bytes()
    out = _pretranslate(tmp_path, data, path.name)
    assert _declaration(out) == _declaration(data)
    assert out.startswith(b"\xef\xbb\xbf") == data.startswith(b"\xef\xbb\xbf")
    assert out.endswith(b"\n") == data.rstrip(b" \t").endswith(b"\n")
    assert _shape(out) == _shape(data)


@pytest.mark.parametrize("codec", ["utf-16", "gb18030"])
def test_a_file_in_another_encoding_is_written_in_utf8_and_says_so(tmp_path: Path,
                                                                   codec: str) -> None:
    original = (DATA / "formats" / "xliff" / "sample-1.2.xlf").read_text(encoding="utf-8")
    assert original.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    data = original.replace('encoding="UTF-8"', f'encoding="{codec.upper()}"', 1).encode(codec)
    out = _pretranslate(tmp_path, data, "sample.xlf")
    assert _declaration(out) == b'<?xml version="1.0" encoding="UTF-8"?>'
    assert _shape(out) == _shape(original.encode("utf-8"))
    assert out.endswith(b"\n") == original.endswith("\n")
    out.decode("utf-8")
