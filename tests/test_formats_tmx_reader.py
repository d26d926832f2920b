"""TMX reading hot path: the streaming reader against a whole-tree lxml oracle, mixed units, batches."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from lxml import etree

from termkit.errors import FormatError
from termkit.formats import tmx
from termkit.lang import normalize
from termkit.model import Source, Unit

DATA = Path(__file__).parent / "data" / "formats"
SAMPLES = sorted((DATA / "tmx").rglob("*.tmx"))
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _units(data: bytes, path: str = "mem.tmx") -> list[Unit]:
    return list(tmx.iter_units(io.BytesIO(data), path))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_streamed_units_match_a_whole_tree_parse(path: Path) -> None:
    """Every sample: ids, lines, languages and plain segments agree with lxml's whole tree."""
    tree = etree.parse(str(path))  # the oracle: whole document, no streaming, no shortcuts
    tus = list(tree.iter("tu"))
    units = list(tmx.iter_units(path.open("rb"), str(path)))
    assert len(units) == len(tus) > 0
    for unit, tu in zip(units, tus, strict=True):
        assert unit.id == tu.get("tuid")
        assert unit.location == Source(str(path), tu.sourceline)
        tuvs = tu.findall("tuv")
        assert [v.lang for v in unit.variants] == [
            normalize(t.get(XML_LANG) or t.get("lang")) for t in tuvs]
        for variant, tuv in zip(unit.variants, tuvs, strict=True):
            segs = tuv.findall("seg")
            if len(segs) == 1 and not len(segs[0]):  # plain text: no inline codes
                assert variant.text == (segs[0].text or "")
                assert variant.markup is None
            assert variant.props.keys() == {p.get("type", "") for p in tuv.findall("prop")}
            assert variant.notes == [n.text or "" for n in tuv.findall("note")]
        assert unit.notes == [n.text or "" for n in tu.findall("note")]


MIXED = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="EN-us" creationtool="x" creationtoolversion="1"
 segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/><body>
<tu tuid="t1" srclang="*ALL*"><note>n1</note><prop type="x-a">1</prop><prop type="x-a">2</prop>
<tuv xml:lang="EN"><seg>plain</seg></tuv>
<tuv xml:lang="fr"><!-- a comment makes this tuv take the general path --><seg>avec</seg></tuv>
<tuv lang="de"><note>m</note><prop type="p">v</prop><seg>a<ph x="1">{0}</ph>b</seg></tuv>
<tuv xml:lang="es"><seg/></tuv>
<tuv xml:lang="zh_tw"><seg>中<hi>文</hi></seg></tuv>
<tuv xml:lang="it"><note>only a note</note></tuv>
</tu>
<tu srclang="zh_cn"><tuv xml:lang="zh-CN"><seg>&lt;甲&amp;乙&gt;</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>x</seg></tuv></tu>
</body></tmx>
""".encode()


def test_mixed_units_take_the_right_paths() -> None:
    first, second, third = _units(MIXED)
    assert first.id == "t1"
    assert first.source_lang == "en-US"  # srclang="*ALL*" -> the header's
    assert first.props == {"x-a": "1\n2"}
    assert first.notes == ["n1"]
    got = [(v.lang, v.text, v.markup, v.props, v.notes) for v in first.variants]
    assert got == [
        ("en", "plain", None, {}, []),
        ("fr", "avec", None, {}, []),
        ("de", "ab", 'a<ph x="1">{0}</ph>b', {"p": "v"}, ["m"]),
        ("es", "", None, {}, []),
        ("zh-Hant-TW", "中文", "中<hi>文</hi>", {}, []),
        ("it", "", None, {}, ["only a note"]),
    ]
    assert (second.id, second.source_lang, second.text("zh")) == (None, "zh-Hans-CN", "<甲&乙>")
    assert third.source_lang == "en-US"  # no srclang -> the header's
    assert [u.location.line if u.location else None for u in (first, second, third)] == [4, 12, 13]


def test_source_language_comes_from_each_files_own_header() -> None:
    """Per-file lookups: a second file with another header gets its own default."""
    body = '<body><tu><tuv xml:lang="en"><seg>a</seg></tuv></tu><tu srclang="*all*">' \
           '<tuv xml:lang="en"><seg>b</seg></tuv></tu><tu srclang="FR"><tuv xml:lang="fr">' \
           "<seg>c</seg></tuv></tu></body></tmx>"
    for header_src, want in (("de-AT", "de-AT"), ("*all*", None), ("zh-TW", "zh-Hant-TW")):
        data = f'<tmx version="1.4"><header srclang="{header_src}"/>{body}'.encode()
        assert [u.source_lang for u in _units(data)] == [want, want, "fr"]


def _many(n: int, tail: str = "") -> bytes:
    """``n`` units one per line (unit i on line i + 4); every 7th has a prop, every 5th a code."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<tmx version="1.4"><header srclang="en"/>',
             "<body>"]
    for i in range(n):
        prop = f'<prop type="x-n">{i}</prop>' if i % 7 == 0 else ""
        seg = f'v<ph x="{i}"/>{i}' if i % 5 == 0 else f"v{i}"
        lines.append(f'<tu tuid="u{i}">{prop}<tuv xml:lang="en"><seg>e{i}</seg></tuv>'
                     f'<tuv xml:lang="zh-TW"><seg>{seg}</seg></tuv></tu>')
    lines.append(tail + "</body></tmx>")
    return "\n".join(lines).encode()


def test_units_across_freed_batches_keep_their_content_and_lines() -> None:
    n = 1300  # more than two batches of freed units
    units = _units(_many(n), "many.tmx")
    assert [u.id for u in units] == [f"u{i}" for i in range(n)]
    for i, u in enumerate(units):
        assert u.location == Source("many.tmx", i + 4)
        assert u.text("en") == f"e{i}"
        assert u.text("zh-Hant") == f"v{i}"
        assert u.variants[1].markup == (f'v<ph x="{i}"/>{i}' if i % 5 == 0 else None)
        assert u.props == ({"x-n": str(i)} if i % 7 == 0 else {})


def test_unit_location_is_a_real_frozen_source() -> None:
    unit = _units(MIXED, "loc.tmx")[0]
    loc = unit.location
    assert type(loc) is Source
    assert loc == Source("loc.tmx", 4) and hash(loc) == hash(Source("loc.tmx", 4))
    assert (loc.path, loc.line, loc.record, str(loc)) == ("loc.tmx", 4, None, "loc.tmx:4")
    with pytest.raises(dataclasses.FrozenInstanceError):
        loc.line = 5  # type: ignore[misc]


def test_errors_deep_in_a_file_keep_their_position() -> None:
    bad_tuv = _many(700, tail='<tu><tuv><seg>no language</seg></tuv></tu>\n')
    seen: list[Unit] = []
    with pytest.raises(FormatError) as err:
        seen.extend(tmx.iter_units(io.BytesIO(bad_tuv), "b.tmx"))
    assert len(seen) == 700  # every unit before the bad one was delivered
    assert (err.value.line, "without xml:lang" in str(err.value)) == (704, True)

    malformed = _many(700, tail="<tu><tuv xml:lang='en'><seg>x</tuv></tu>\n")
    with pytest.raises(FormatError) as err:
        list(tmx.iter_units(io.BytesIO(malformed), "m.tmx"))
    assert err.value.line == 704 and err.value.column is not None
    assert "malformed XML" in str(err.value)
