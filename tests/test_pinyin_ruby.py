"""Ruby HTML: a complete page, rendered by a real headless Chromium with the readings laid out."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from termkit.pinyin import Style, annotate, lines_of
from termkit.pinyin.ruby import render_ruby_html
from tests.conftest import SEED, require_tool

# The example record's Chinese keywords (termkit/data/example-record.txt).
KEYWORDS = ["現實主義", "權力平衡", "越南外交政策"]

# Test-only probe: measures every <rt> after layout and writes the result into the DOM,
# so --dump-dom shows what Chromium actually rendered (the page itself has no scripts).
_PROBE = """<script>
window.addEventListener('load', () => {
  const out = [...document.querySelectorAll('ruby')].map(r => {
    const rt = r.querySelector('rt').getBoundingClientRect();
    const base = r.getBoundingClientRect();
    return {rt: r.querySelector('rt').textContent, h: rt.height, above: rt.top < base.top + base.height / 2 && rt.bottom <= base.bottom};
  });
  const pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>"""


def _chromium_dom(page: Path, tmp: Path) -> str:
    exe = require_tool("chromium")
    result = subprocess.run(
        [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         f"--user-data-dir={tmp / 'profile'}", "--virtual-time-budget=2000",
         "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    )
    return result.stdout


def test_keywords_are_in_the_seed_record() -> None:
    text = SEED.read_text("utf-8")
    assert " ; ".join(KEYWORDS) in text


def test_page_is_complete_html() -> None:
    rows = [(k, annotate(k)) for k in KEYWORDS]
    html = render_ruby_html(rows)
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"zh-Hant\">\n<head>\n<meta charset=\"utf-8\">")
    assert "<ruby>權<rt>quán</rt>力<rt>lì</rt></ruby><ruby>平<rt>píng</rt>衡<rt>héng</rt></ruby>" in html
    assert html.endswith("</html>\n")


def test_chromium_renders_the_readings(tmp_path: Path) -> None:
    rows = [(line, annotate(line)) for line in lines_of("\n".join(KEYWORDS))]
    html = render_ruby_html(rows, Style.TONE)
    page = tmp_path / "keywords.html"
    page.write_text(html.replace("</body>", _PROBE + "\n</body>"), encoding="utf-8")
    dom = _chromium_dom(page, tmp_path)
    for syllable in ["xiàn", "shí", "zhǔ", "yì", "quán", "lì", "píng", "héng", "Yuè", "nán", "wài",
                     "jiāo", "zhèng", "cè"]:
        assert f"<rt>{syllable}</rt>" in dom
    probe = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert probe is not None, "the page did not finish loading in Chromium"
    boxes = json.loads(probe.group(1).replace("&quot;", '"'))
    assert [b["rt"] for b in boxes] == ["xiàn", "zhǔ", "quán", "píng", "Yuè", "wài", "zhèng"]
    # every reading was laid out with a height, above its base text (ruby, not inline text)
    assert all(b["h"] > 0 and b["above"] for b in boxes)


def test_chromium_renders_zhuyin_page_from_the_cli(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from termkit.cli import cli

    out = tmp_path / "zhuyin.html"
    result = CliRunner().invoke(cli, ["pinyin", "--format", "ruby", "--style", "zhuyin", "-o",
                                      str(out), "權力平衡"])
    assert result.exit_code == 0, result.output
    dom = _chromium_dom(out, tmp_path)
    assert "<rt>ㄑㄩㄢˊ</rt>" in dom and "<rt>ㄏㄥˊ</rt>" in dom
