"""The HTML report in a real browser: headless Chromium runs the page's own filter script.

A test-only probe is appended to a copy of the page (after the page's script); it clicks the
filter check boxes as a reviewer would (``HTMLElement.click()`` fires the same change events)
and writes what is visible, and the text inside every ``<mark>``, into the DOM, which
``--dump-dom`` returns.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path

from click.testing import CliRunner

from termkit.check import CHECKS
from termkit.cli import cli

from .conftest import require_tool

PO_A = """msgid ""
msgstr ""
"Language: zh_TW\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#, python-format
msgid "%(count)d files in <b>%s</b>"
msgstr "已刪除檔案"

msgid "Loading..."
msgstr "載入中..."

msgid "Open \\"file\\" now"
msgstr "立即開啟“檔案”"

msgid "Name:\\tValue, done"
msgstr "名稱：\\t值,完成"

msgid "_File"
msgstr "檔案"

msgid "a"
msgstr garbage
"""

PO_B = """msgid ""
msgstr ""
"Language: zh_CN\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Wait 30 seconds <i>now</i>"
msgstr "请等待 20 秒 <i>现在"
"""

_PROBE = """<script>
(function(){
  const visible = () => [...document.querySelectorAll('article.finding')].filter(a => !a.hidden);
  const box = (kind, value) => document.querySelector(`input[data-filter="${kind}"][value="${value}"]`);
  const state = () => ({n: visible().length, checks: [...new Set(visible().map(a => a.dataset.check))].sort(),
                        files: [...new Set(visible().map(a => a.dataset.file))].sort(),
                        sev: [...new Set(visible().map(a => a.dataset.severity))].sort(),
                        shown: document.getElementById('shown').textContent,
                        hiddenGroups: [...document.querySelectorAll('section.group')].filter(g => g.hidden).map(g => g.dataset.check).sort()});
  const out = {initial: state()};
  box('check', 'printf').click(); out.noPrintf = state();
  box('severity', 'warning').click(); out.errorsOnly = state();
  box('file', '%(file_b)s').click(); out.oneFile = state();
  box('check', 'printf').click(); box('severity', 'warning').click(); box('file', '%(file_b)s').click();
  out.again = state();
  out.marks = [...document.querySelectorAll('article.finding')].map(a => ({
    check: a.dataset.check,
    source: [...a.querySelectorAll('.source mark')].map(m => m.textContent),
    target: [...a.querySelectorAll('.target mark')].map(m => m.textContent)}));
  const pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"""


def _chromium_dom(page: Path, tmp: Path) -> str:
    exe = require_tool("chromium")
    result = subprocess.run(
        [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", f"--user-data-dir={tmp / 'profile'}", "--virtual-time-budget=3000",
         "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    )
    return result.stdout


def _report(tmp_path: Path, fmt: str) -> str:
    a, b = tmp_path / "a.zh_TW.po", tmp_path / "b.zh_CN.po"
    a.write_text(PO_A, "utf-8")
    b.write_text(PO_B, "utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-config", "--format", fmt, str(a), str(b)])
    assert result.exit_code == 1, result.output
    return result.stdout


def test_page_is_self_contained_and_deterministic(tmp_path: Path) -> None:
    page = _report(tmp_path, "html")
    assert page == _report(tmp_path, "html")
    assert page.startswith("<!DOCTYPE html>")
    # no network: nothing is loaded from anywhere
    assert not re.search(r"<(?:link|img|iframe)\b|\bsrc=|@import|url\(", page)
    findings = json.loads(_report(tmp_path, "json"))["findings"]
    assert page.count('<article class="finding') == len(findings)
    for f in findings:
        assert html.escape(f["message"]) in page


def test_filters_and_highlights_in_chromium(tmp_path: Path) -> None:
    page = _report(tmp_path, "html")
    findings = json.loads(_report(tmp_path, "json"))["findings"]
    file_b = str(tmp_path / "b.zh_CN.po")
    probed = tmp_path / "probed.html"
    probed.write_text(page.replace("</body>", _PROBE % {"file_b": file_b} + "</body>"), "utf-8")
    dom = _chromium_dom(probed, tmp_path)
    m = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert m, dom[-2000:]
    got = json.loads(html.unescape(m.group(1)))

    n = len(findings)
    checks = sorted({f["check"] for f in findings})
    assert got["initial"]["n"] == n and got["initial"]["shown"] == str(n)
    assert got["initial"]["checks"] == checks and got["initial"]["hiddenGroups"] == []
    printf = [f for f in findings if f["check"] == "printf"]
    assert printf, "the fixture must have printf findings"
    assert got["noPrintf"]["n"] == n - len(printf)
    assert "printf" not in got["noPrintf"]["checks"] and got["noPrintf"]["hiddenGroups"] == ["printf"]
    errors = [f for f in findings if f["severity"] == "error" and f["check"] != "printf"]
    assert got["errorsOnly"]["n"] == len(errors) and got["errorsOnly"]["sev"] == ["error"]
    only_a = [f for f in errors if f["file"] != file_b]
    assert got["oneFile"]["n"] == len(only_a) and got["oneFile"]["files"] == [str(tmp_path / "a.zh_TW.po")]
    assert got["again"] == got["initial"]

    # Highlights: in report order (grouped by check), each mark holds exactly the span's text.
    order = [f for c in CHECKS for f in findings if f["check"] == c]
    assert [g["check"] for g in got["marks"]] == [f["check"] for f in order]
    marked = 0
    for g, f in zip(got["marks"], order, strict=True):
        for side in ("source", "target"):
            span = f[f"{side}_span"]
            want = [f[side][span[0]:span[1]]] if span else []
            assert g[side] == [w.replace("\t", "\u2409").replace("\n", "⏎\n") for w in want], (f, g)
            marked += bool(span)
    assert marked >= 6
