"""The HTML report: one self-contained page (no network), findings filterable in the browser.

Findings are grouped by check (in the order of :data:`~termkit.check.findings.CHECKS`); each
shows its location and message, then source and target side by side with the offending span
in ``<mark>``. Check boxes for check, severity and file hide what is not wanted (a few lines
of inline script; without script everything stays visible). Input errors come last. Control
characters are shown as their Unicode pictures (␉ for a tab) one for one, so spans keep their
offsets; line breaks show as ⏎ and break the line. The output is deterministic.

Each finding is an ``<article class="finding">`` with ``data-check``, ``data-severity`` and
``data-file``; filters are ``<input type="checkbox" data-filter="check|severity|file"
value="…">``. Tests drive the page through these names.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable, Iterator

from termkit.check.config import Options
from termkit.check.findings import CHECKS, Finding
from termkit.check.report import Summary, unit_label

_PICTURES = {i: chr(0x2400 + i) for i in range(32) if i not in (10,)}
_PICTURES[0x7F] = "\u2421"

_STYLE = """
body{font-family:system-ui,-apple-system,"Noto Sans CJK TC","Noto Sans CJK SC",sans-serif;margin:1.5em;color:#1b1b1b}
h1{font-size:1.4em;margin:0 0 .3em}h2{font-size:1.1em;margin:1.4em 0 .4em;border-bottom:1px solid #ccc}
.summary{color:#444;margin:.2em 0 1em}
fieldset{display:inline-block;vertical-align:top;border:1px solid #ccc;margin:0 .6em .6em 0;padding:.3em .6em}
fieldset label{display:block;white-space:nowrap;font-size:.9em}
.finding{border-left:4px solid #d9822b;padding:.3em .6em;margin:.5em 0;background:#fafafa}
.finding.error{border-left-color:#c23030}
.where{font-family:ui-monospace,monospace;font-size:.85em;color:#555}
.message{margin:.2em 0}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:.6em}
.pair>div{background:#fff;border:1px solid #e3e3e3;padding:.3em .5em;white-space:pre-wrap;word-break:break-word}
.lang{display:block;font-size:.75em;color:#777}
mark{background:#ffe066;outline:1px solid #d9a400}
.sev{font-size:.8em;text-transform:uppercase;color:#c23030}.sev.warning{color:#b0651c}
.errors li{font-family:ui-monospace,monospace}
#shown{font-weight:bold}
"""

_SCRIPT = """
(function(){
  var boxes=[].slice.call(document.querySelectorAll('input[data-filter]'));
  var items=[].slice.call(document.querySelectorAll('article.finding'));
  var groups=[].slice.call(document.querySelectorAll('section.group'));
  function on(kind){var s={};boxes.forEach(function(b){if(b.dataset.filter===kind&&b.checked)s[b.value]=1;});return s;}
  function apply(){
    var c=on('check'),v=on('severity'),f=on('file'),n=0;
    items.forEach(function(a){
      var show=!!(c[a.dataset.check]&&v[a.dataset.severity]&&f[a.dataset.file]);
      a.hidden=!show; if(show)n++;
    });
    groups.forEach(function(g){g.hidden=!g.querySelector('article.finding:not([hidden])');});
    document.getElementById('shown').textContent=String(n);
  }
  boxes.forEach(function(b){b.addEventListener('change',apply);});
  apply();
})();
"""


def _show(text: str) -> str:
    """Escaped text with control characters as pictures and line breaks marked."""
    return html.escape(text.translate(_PICTURES), quote=False).replace("\n", "⏎\n")


def _marked(text: str, span: tuple[int, int] | None) -> str:
    if span is None or not (0 <= span[0] <= span[1] <= len(text)):
        return _show(text)
    start, end = span
    return f"{_show(text[:start])}<mark>{_show(text[start:end])}</mark>{_show(text[end:])}"


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


def _boxes(kind: str, values: Iterable[tuple[str, str, int]]) -> str:
    rows = [
        f'<label><input type="checkbox" data-filter="{kind}" value="{_attr(value)}" checked> '
        f"{html.escape(label)} ({count})</label>"
        for value, label, count in values
    ]
    return f'<fieldset><legend>{kind}</legend>{"".join(rows)}</fieldset>'


def _finding(f: Finding) -> str:
    where = f.path
    if f.line is not None:
        where += f":{f.line}" + (f":{f.column}" if f.column is not None else "")
    label = unit_label(f.unit, 60)
    unit = f" [unit {html.escape(label)}]" if label else ""
    parts = [
        f'<article class="finding {f.severity.value}" data-check="{_attr(f.check)}" '
        f'data-severity="{f.severity.value}" data-file="{_attr(f.path)}">',
        f'<div class="where">{html.escape(where)}{unit} '
        f'<span class="sev {f.severity.value}">{f.severity.value}</span></div>',
        f'<div class="message">{html.escape(f.message)}</div>',
    ]
    if f.source or f.target or f.unit is not None:
        parts.append(
            '<div class="pair">'
            f'<div class="source"><span class="lang">source [{html.escape(f.source_lang or "")}]</span>'
            f"{_marked(f.source, f.source_span)}</div>"
            f'<div class="target"><span class="lang">target [{html.escape(f.target_lang or "")}]</span>'
            f"{_marked(f.target, f.target_span)}</div>"
            "</div>"
        )
    parts.append("</article>")
    return "".join(parts)


def render_html(
    summary: Summary, *, options: Options | None = None, checks: Iterable[str] | None = None
) -> str:
    """The whole report as one HTML page (UTF-8 text)."""
    return "".join(html_chunks(summary, options=options, checks=checks))


def html_chunks(
    summary: Summary, *, options: Options | None = None, checks: Iterable[str] | None = None
) -> Iterator[str]:
    """The page of :func:`render_html` piece by piece, for writing it out as it is made: a
    unit with thousands of findings repeats its text in each, so the page can be hundreds of
    times the size of the input and is never held whole."""
    findings = summary.findings
    by_check = Counter(f.check for f in findings)
    by_sev = Counter(f.severity.value for f in findings)
    by_file = Counter(f.path for f in findings)
    n = len(findings)
    head = (
        f"{n} finding{'s' if n != 1 else ''} ({by_sev['error']} error(s), {by_sev['warning']} "
        f"warning(s)) in {len(summary.files)} file(s), {summary.units} unit(s)"
    )
    if summary.errors:
        head += f"; {len(summary.errors)} file(s) could not be read"
    if summary.baselined:
        head += f"; {summary.baselined} finding(s) hidden by the baseline"
    settings = []
    if options is not None:
        settings.append(f"cjk-latin-spacing: {options.cjk_latin_spacing}")
        settings.append(f"quote-style: {options.quote_style}")
        settings.append(f"fullwidth-digits: {'yes' if options.fullwidth_digits else 'no'}")
        settings.append(f"length: {options.length_ratio:g}x, {options.length_min} columns")
    if checks is not None:
        settings.append(f"{len(set(checks))} of {len(CHECKS)} checks on")
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>termkit check report</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>termkit check report</h1>",
        f'<p class="summary">{html.escape(head)}. Showing <span id="shown">{n}</span>.</p>',
    ]
    if settings:
        out.append(f'<p class="summary">{html.escape("; ".join(settings))}</p>')
    if findings:
        out.append('<form id="filters">')
        out.append(_boxes("check", [(c, c, by_check[c]) for c in CHECKS if by_check[c]]))
        out.append(_boxes("severity", [(s, s, by_sev[s]) for s in ("error", "warning") if by_sev[s]]))
        out.append(_boxes("file", [(p, p, by_file[p]) for p in sorted(by_file)]))
        out.append("</form>")
    for check, info in CHECKS.items():
        group = [f for f in findings if f.check == check]
        if not group:
            continue
        out.append(f'<section class="group" data-check="{_attr(check)}">')
        out.append(
            f"<h2>{html.escape(check)} ({info.severity.value}): {len(group)} — "
            f"{html.escape(info.description)}</h2>"
        )
        yield "".join(part + "\n" for part in out)
        out = []
        for f in group:
            yield _finding(f) + "\n"
        out.append("</section>")
    if summary.errors:
        out.append('<section class="errors"><h2>Files that could not be read</h2><ul>')
        out.extend(f"<li>{html.escape(str(e))}</li>" for e in summary.errors)
        out.append("</ul></section>")
    out.append(f"<script>{_SCRIPT}</script>")
    out.append("</body></html>")
    yield "".join(part + "\n" for part in out)
