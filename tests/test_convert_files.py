"""Structured files: only Chinese text and language tags change, and the results still validate."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from termkit.convert import Converter
from termkit.convert.files import convert_bytes, detect_kind, retag_value
from termkit.errors import FormatError
from termkit.model import Concept, Glossary, Term
from tests.conftest import DATA, require_tool

D = DATA / "convert"
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
ASEAN = Glossary([
    Concept("asean", terms=[Term("東協", "zh-Hant-TW"), Term("东盟", "zh-Hans-CN")]),
    Concept("guard", terms=[Term("東協助", "zh-Hant"), Term("东协助", "zh-Hans")]),
])
LANG_ATTR = re.compile(r'((?:xml:)?lang|srclang|target-language)="zh[^"]*"', re.I)


def _conv(config: str = "tw2sp") -> Converter:
    return Converter(config, ASEAN)


def _strip(text: str, tags: dict[str, str]) -> str:
    """The text without Han characters and with Chinese tag values (and ``tags``) masked."""
    for new, old in tags.items():
        text = text.replace(new, old)
    return HAN.sub("", LANG_ATTR.sub(r'\1="zh"', text))


def _only_chinese_and_tags_differ(before: bytes, after: bytes, tags: dict[str, str]) -> None:
    a, b = before.decode("utf-8"), after.decode("utf-8")
    assert a != b
    assert _strip(a, {}) == _strip(b, tags)


def _tmx_dtd_valid(data: bytes) -> bool:
    dtd = etree.DTD(str(D / "tmx14.dtd"))
    ok: bool = dtd.validate(etree.fromstring(data))
    return ok


def _zh_segs(data: bytes) -> list[str]:
    root = etree.fromstring(data)
    out = []
    for tuv in root.iter("tuv"):
        tag = tuv.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
        if tag.lower().startswith("zh"):
            out.append("".join(tuv.find("seg").itertext()))
    return out


@pytest.mark.parametrize("name", ["inline.tmx", "modernmt-Memory.en__zh.tmx"])
def test_tmx_tw2sp_changes_only_chinese_and_validates(name: str) -> None:
    data = (D / name).read_bytes()
    out = convert_bytes(data, name, _conv(), "tmx", retag=True)
    _only_chinese_and_tags_differ(data, out, {})
    assert _tmx_dtd_valid(out)
    tags = {m.group(0) for m in LANG_ATTR.finditer(out.decode())}
    assert tags <= {'xml:lang="zh-CN"', 'xml:lang="zh-Hans-CN"'}


def test_tmx_inline_codes_props_and_other_languages_untouched() -> None:
    data = (D / "inline.tmx").read_bytes()
    out = convert_bytes(data, "inline.tmx", _conv(), "tmx", retag=True).decode("utf-8")
    assert '&lt;b lang="軟體"&gt;' in out  # inside <bpt>: native code
    assert "<ph x=\"1\">{這個}</ph>" in out
    assert "軟體 in a prop stays" in out
    assert "<seg>這個不是中文的標記</seg>" in out  # the ja <tuv>
    assert "<seg>东盟的<bpt" in out  # locked term, entity-bearing text
    assert "现实主义 &amp; 权力平衡" in out
    assert "<![CDATA[张国城说：东协助理]]>" in out  # CDATA converts, and 東協助 is not 東協
    assert 'xml:lang="zh-CN"' in out and 'xml:lang="zh-Hans-CN"' in out


def test_tmx_without_retag_keeps_tags() -> None:
    data = (D / "modernmt-Memory.en__zh.tmx").read_bytes()
    out = convert_bytes(data, "m.tmx", _conv(), "tmx", retag=False)
    _only_chinese_and_tags_differ(data, out, {})
    assert _zh_segs(out) == ["en__zh例子之一", "这是en__zh例子二", "这是en__zh例子三", "这是en__zh例子四"]


def test_tmx_s2twp_lowercase_tags() -> None:
    data = (D / "heartsome-dejavu-utf-8.tmx").read_bytes()
    out = convert_bytes(data, "h.tmx", Converter("s2twp"), "tmx", retag=True)
    assert b'srclang="zh-tw"' in out and b'srclang="zh-cn"' not in out
    assert _tmx_dtd_valid(out)
    _only_chinese_and_tags_differ(data, out, {'"zh-tw"': '"zh-cn"'})


def test_po_tw2sp_changes_only_msgstr_and_language(tmp_path: Path) -> None:
    msgfmt = require_tool("msgfmt")
    for name in ("opencc-0.1.2-zh_TW.po", "plural.po"):
        data = (D / name).read_bytes()
        out = convert_bytes(data, name, _conv(), "po")
        _only_chinese_and_tags_differ(data, out, {"Language: zh_CN": "Language: zh_TW"})
        before, after = data.decode().splitlines(), out.decode().splitlines()
        assert len(before) == len(after)
        for a, b in zip(before, after, strict=True):
            if a != b:  # only msgstr lines (or their continuations) and the header Language
                assert a.startswith(('msgstr', '"', '#~ msgstr', '#~ "')), a
        target = tmp_path / name
        target.write_bytes(out)
        subprocess.run([msgfmt, "-c", "-o", "/dev/null", str(target)], check=True)


def test_po_details() -> None:
    out = convert_bytes((D / "plural.po").read_bytes(), "plural.po", _conv(), "po").decode()
    assert 'msgstr[0] "%d 个文件"' in out
    assert 'msgid "%d file"' in out
    # The msgstr wrapped inside 權力平衡 converts as one text, and the escapes survive.
    assert '"…权力平' in out.replace('"这是一段关于现实主义与权力平衡的很长的说明，它被拆成两行，而且在词语的中间换行：', '"…')
    assert '"衡。\\"引号\\"与\\\\反斜线\\n"' in out
    assert 'msgstr "东盟"' in out
    assert "Last-Translator: 張國城" in out  # the header is not converted
    assert "Language: zh_CN" in out


def test_po_with_utf8_bom_converts_and_keeps_the_bom() -> None:
    # Editors on Windows save PO files with a UTF-8 BOM; check, import and tm read them, and
    # convert refused them ("PO syntax error: unknown keyword '\\ufeff'").
    data = (D / "opencc-0.1.2-zh_TW.po").read_bytes()
    plain = convert_bytes(data, "x.po", _conv(), "po")
    with_bom = convert_bytes(b"\xef\xbb\xbf" + data, "x.po", _conv(), "po")
    assert plain != data
    assert with_bom == b"\xef\xbb\xbf" + plain


def _xliff_schema() -> etree.XMLSchema:
    class Local(etree.Resolver):
        def resolve(self, url, pubid, context):  # type: ignore[no-untyped-def]
            if url.endswith("xml.xsd"):
                return self.resolve_filename(str(D / "xml.xsd"), context)
            return None

    parser = etree.XMLParser()
    parser.resolvers.add(Local())
    return etree.XMLSchema(etree.parse(str(D / "xliff-core-1.2-transitional.xsd"), parser))


def test_xliff_tw2sp_targets_only_and_validates() -> None:
    data = (D / "sample.xlf").read_bytes()
    out = convert_bytes(data, "sample.xlf", _conv(), "xliff", retag=True)
    _only_chinese_and_tags_differ(data, out, {'"zh-CN"': '"zh-TW"'})
    text = out.decode()
    assert "<target state=\"translated\">保存软件设置</target>" in text
    assert '<g id="1">这个文件</g>' in text and "&lt;資訊&gt;" in text
    assert "說明：這裡的中文不轉換" in text and 'resname="軟體"' in text and "網路 note" in text
    assert 'target-language="zh-CN"' in text and 'source-language="en"' in text
    assert _xliff_schema().validate(etree.fromstring(out))


def test_tbx_s2twp_converts_chinese_langsets() -> None:
    data = (D / "heartsome-ImportTBXTest.part1.tbx").read_bytes()
    out = convert_bytes(data, "t.tbx", Converter("s2twp"), "tbx", retag=True)
    _only_chinese_and_tags_differ(data, out, {'"zh-TW"': '"zh-CN"'})
    assert "測'試'修'改'日'期" in out.decode()
    assert etree.fromstring(out) is not None


def test_csv_and_tsv_columns() -> None:
    out = convert_bytes((D / "terms.csv").read_bytes(), "t.csv", _conv(), "csv", retag=True).decode()
    assert out == ('en,zh-CN,note\nsoftware,软件,"網路, 保持"\n'
                   '"balance, of power","权力平衡 ""引号""",資訊\n')
    out = convert_bytes((D / "terms.tsv").read_bytes(), "t.tsv", _conv(), "tsv").decode()
    assert out == "en\tzh_TW\tnote\nsoftware\t软件\t網路\nASEAN\t东盟\t資訊\n"


def test_malformed_xml_has_position() -> None:
    with pytest.raises(FormatError) as info:
        convert_bytes(b"<tmx>\n<body><tuv xml:lang='zh'><seg>x</tuv></tmx>", "bad.tmx", _conv(), "tmx")
    assert info.value.path == "bad.tmx" and info.value.line == 2


def test_kinds_and_retag_spelling() -> None:
    assert detect_kind("a.TMX") == "tmx" and detect_kind("a.xlf") == "xliff"
    assert detect_kind("a.txt") == "text" and detect_kind("a.po", "text") == "text"
    assert retag_value("zh_TW", "zh-Hans-CN") == "zh_CN"
    assert retag_value("zh-tw", "zh-Hans-CN") == "zh-cn"
    assert retag_value("zh-Hant-TW", "zh-Hans-CN") == "zh-Hans-CN"
    assert retag_value("zh", "zh-Hans-CN") == "zh-CN"


def test_xliff2_targets_by_trglang() -> None:
    data = ('<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
            'srcLang="en" trgLang="zh-TW"><file id="f"><unit id="u"><segment>'
            '<source>Software <pc id="1">info</pc></source>'
            '<target>軟體<pc id="1">資訊</pc><ph id="2"/>東協</target></segment></unit></file></xliff>\n')
    out = convert_bytes(data.encode(), "x.xlf", _conv(), "xliff", retag=True).decode()
    assert 'trgLang="zh-CN"' in out and 'srcLang="en"' in out
    assert "<target>软件<pc id=\"1\">信息</pc><ph id=\"2\"/>东盟</target>" in out


XML_HOSTILE = st.text(st.sampled_from(list("軟體資訊東協與這個乾燥髮型&<>\"' ]]>\t")), max_size=40)


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(XML_HOSTILE, min_size=1, max_size=4))
def test_tmx_property_segs_equal_opencc(texts: list[str]) -> None:
    from xml.sax.saxutils import escape

    import opencc

    body = "".join(
        f'<tu><tuv xml:lang="en"><seg>{escape(t)}</seg></tuv>'
        f'<tuv xml:lang="zh-TW"><seg>{escape(t)}</seg></tuv></tu>' for t in texts
    )
    data = f'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header/><body>{body}</body></tmx>'
    out = convert_bytes(data.encode(), "p.tmx", Converter("tw2sp"), "tmx")
    root = etree.fromstring(out)
    cc = opencc.OpenCC("tw2sp.json")
    segs = [("".join(s.itertext())) for s in root.iter("seg")]
    assert segs[0::2] == texts  # English side untouched
    assert segs[1::2] == [cc.convert(t) for t in texts]
