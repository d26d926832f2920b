"""`tm delete --origin`: the path as recorded, or its last names; a name of several is refused."""

from __future__ import annotations

from pathlib import Path

from tests.inprocess import invoke

HEAD = "en\tzh-CN\n"


def test_origin_by_name_by_custom_value_and_ambiguous(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "ui.tsv").write_text(HEAD + f"Open {folder}\t打开{folder}\n"
                                                  f"Save {folder}\t保存{folder}\n",
                                                  encoding="utf-8")
        code, _, err = invoke("tm", "import", "--db", "tm.sqlite", "-q", f"{folder}/ui.tsv",
                              cwd=tmp_path)
        assert code == 0, err
    (tmp_path / "c.tsv").write_text(HEAD + "Close\t关闭\nQuit\t退出\n", encoding="utf-8")
    code, _, err = invoke("tm", "import", "--db", "tm.sqlite", "-q", "--origin", "client x",
                          "c.tsv", cwd=tmp_path)
    assert code == 0, err

    def dry(origin: str) -> tuple[int, str, str]:
        return invoke("tm", "delete", "--db", "tm.sqlite", "--origin", origin, "--dry-run",
                      cwd=tmp_path)

    code, out, _ = dry("./b/ui.tsv")
    assert code == 0 and out.splitlines()[-1] == "2 units would be deleted (dry run)"
    code, out, _ = dry("client x")
    assert code == 0 and out.splitlines()[-1] == "2 units would be deleted (dry run)"
    code, out, err = dry("ui.tsv")
    assert code == 2 and out == ""
    assert "origin 'ui.tsv' names 2 imported files: a/ui.tsv, b/ui.tsv" in err
    code, out, _ = dry("c/ui.tsv")
    assert code == 0 and out.splitlines()[-1] == "0 units would be deleted (dry run)"
