"""An empty term (``"text": ""``) is refused by every glossary reader, in the
one place readers' results are checked (termkit.formats.validate).

The JSON reader took it: `import g.json -o g.glossary.txt` wrote ``term zh-Hans:`` with
nothing after it, a file the text reader then refuses ("empty term"), and `convert -g`
loaded a lock with an empty form. A control character in a term is refused there too, for
every reader (the text and JSON formats were the ones that let it through).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from termkit.errors import FormatError
from termkit.formats import get
from tests.inprocess import invoke


def _json(text: str) -> bytes:
    return json.dumps({"format": "termkit-glossary", "version": 1, "concepts": [
        {"id": "c1", "terms": [{"lang": "zh-Hans", "text": text},
                               {"lang": "zh-Hant", "text": "軟體"},
                               {"lang": "en", "text": "software"}]}]}).encode()


def test_an_empty_term_is_refused() -> None:
    with pytest.raises(FormatError) as caught:
        get("json").read_glossary(io.BytesIO(_json("")), "g.json")
    assert caught.value.path == "g.json"
    assert "concept c1: empty zh-Hans term" in str(caught.value)


@pytest.mark.parametrize("text", ["\n", "\t"])
def test_white_space_is_text_and_reads_back(tmp_path: Path, text: str) -> None:
    # A real catalog translates msgid "\n" (tests/data/po/opencc-0.1.2-zh_TW.po).
    g = tmp_path / "g.json"
    g.write_bytes(_json(text))
    code, _, err = invoke("import", g, "-o", "out.glossary.txt", cwd=tmp_path)
    assert code == 0, err
    back = get("termkit").read_glossary(io.BytesIO((tmp_path / "out.glossary.txt").read_bytes()),
                                        "out.glossary.txt")
    assert text in {t.text for c in back.concepts for t in c.terms}


@pytest.mark.parametrize("command", [["import", "{g}", "-o", "out.glossary.txt"],
                                     ["convert", "-c", "s2t", "-g", "{g}", "in.txt"]])
def test_the_commands_refuse_it(tmp_path: Path, command: list[str]) -> None:
    g = tmp_path / "g.json"
    g.write_bytes(_json(""))
    (tmp_path / "in.txt").write_text("软件\n", encoding="utf-8")
    code, out, err = invoke(*[a.replace("{g}", str(g)) for a in command], cwd=tmp_path)
    assert (code, out) == (1, "")
    assert err == f"Error: {g}: concept c1: empty zh-Hans term (a term needs text)\n"
    assert not (tmp_path / "out.glossary.txt").exists()


def test_what_import_writes_reads_back(tmp_path: Path) -> None:
    g = tmp_path / "g.json"
    g.write_bytes(_json("软件"))
    code, _, err = invoke("import", g, "-o", "out.glossary.txt", cwd=tmp_path)
    assert code == 0, err
    code, _, err = invoke("import", "out.glossary.txt", "-o", "again.json", cwd=tmp_path)
    assert code == 0, err
    terms = json.loads((tmp_path / "again.json").read_text("utf-8"))["concepts"][0]["terms"]
    assert {t["text"] for t in terms} == {"software", "软件", "軟體"}
