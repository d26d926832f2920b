"""`termkit review` over HTTP (in process): every action, and what is saved to glossary.txt."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from termkit.formats.termkit_text import read_glossary
from termkit.glossary import load_glossary
from termkit.model import Status
from tests.review_support import (
    BALANCE,
    CANDIDATE,
    CLOCK,
    CONFLICT,
    LIBRARY,
    REALISM,
    block,
    csrf_of,
    make_build,
    make_client,
    make_session,
)


@pytest.fixture()
def env(tmp_path: Path):  # type: ignore[no-untyped-def]
    build = make_build(tmp_path)
    session = make_session(build)
    client, _secrets = make_client(session)
    page = client.get("/")
    assert page.status_code == 200
    return build, session, client, csrf_of(page.text)


def _decide(client, csrf: str, cid: str, action: str, version: int | None = 1, **fields: str):  # type: ignore[no-untyped-def]
    data = {"csrf_token": csrf, "action": action, **fields}
    if version is not None:
        data["version"] = str(version)
    return client.post(f"/decide/{cid}", data=data, headers={"Accept": "application/json"})


def _concept(build: Path, cid: str):  # type: ignore[no-untyped-def]
    with open(build / "glossary.txt", "rb") as fh:
        glossary = read_glossary(fh, "glossary.txt")
    return next(c for c in glossary.concepts if c.id == cid)


def test_list_puts_conflicts_then_candidates_first(env) -> None:  # type: ignore[no-untyped-def]
    _, _, client, _ = env
    html = client.get("/").text
    ids = [part.split('"', 1)[0] for part in html.split('<article class="card')[1:]
           for part in [part.split('data-id="', 1)[1]]]
    assert ids[0] == CONFLICT
    assert ids[1] == CANDIDATE
    assert set(ids) >= {BALANCE, LIBRARY, REALISM}
    assert html.index('data-evidence="elimination"') < html.index(f'id="card-{BALANCE}"')


def test_card_shows_forms_pinyin_status_confidence_evidence(env) -> None:  # type: ignore[no-untyped-def]
    _, _, client, _ = env
    html = client.get(f"/concept/{CANDIDATE}").text
    for expected in ("活動策略", "活动策略", "huódòng cèlüè", "activity strategy",
                     'data-status="candidate"', ">0.4<", 'data-evidence="elimination"',
                     'data-evidence="position"'):
        assert expected in html, expected
    conflict = client.get(f"/concept/{CONFLICT}").text
    assert 'value="civil reading"' in conflict and 'value="reading for all"' in conflict
    assert "conflict: 2 renderings" in conflict


def test_approve_saves_status_reviewer_and_time(env) -> None:  # type: ignore[no-untyped-def]
    build, _, client, csrf = env
    r = _decide(client, csrf, CANDIDATE, "approve")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["ok"] and body["version"] == 2 and body["seq"] == 1
    assert 'data-status="preferred"' in body["html"]
    concept = _concept(build, CANDIDATE)
    assert concept.status is Status.PREFERRED
    assert [t.status for t in concept.terms_for("en")] == [Status.PREFERRED]
    assert concept.props["reviewer"] == "tester"
    assert concept.props["reviewed"] == CLOCK
    assert concept.props["decision"] == "approve"
    assert concept.props["evidence"] == "elimination position"  # kept


def test_approve_of_a_conflict_is_refused(env) -> None:  # type: ignore[no-untyped-def]
    build, _, client, csrf = env
    before = (build / "glossary.txt").read_bytes()
    r = _decide(client, csrf, CONFLICT, "approve")
    assert r.status_code == 400
    assert "pick the preferred one first" in r.json()["error"]
    assert (build / "glossary.txt").read_bytes() == before


def test_reject_deprecates_concept_and_english(env) -> None:  # type: ignore[no-untyped-def]
    build, _, client, csrf = env
    assert _decide(client, csrf, REALISM, "reject").status_code == 200
    concept = _concept(build, REALISM)
    assert concept.status is Status.DEPRECATED
    assert {t.lang: t.status for t in concept.terms} == {
        "zh-Hant": Status.PREFERRED, "zh-Hans": Status.PREFERRED, "en": Status.DEPRECATED}
    assert "prop decision: reject" in block((build / "glossary.txt").read_text("utf-8"), REALISM)


def test_edit_traditional_recomputes_simplified_and_pinyin(env) -> None:  # type: ignore[no-untyped-def]
    build, _, client, csrf = env
    r = _decide(client, csrf, REALISM, "edit", **{
        "zh-Hant": "寫實主義", "zh-Hans": "现实主义", "pinyin": "xiànshí zhǔyì", "en": "realism"})
    assert r.status_code == 200, r.text
    concept = _concept(build, REALISM)
    hant, hans = concept.first("zh-Hant"), concept.first("zh-Hans")
    assert hant is not None and hans is not None
    assert (hant.text, hant.origin) == ("寫實主義", "review")
    assert (hans.text, hans.origin) == ("写实主义", "opencc:t2s")
    assert hant.pinyin == hans.pinyin == "xiěshí zhǔyì"
    assert concept.props["edited"] == "zh-Hant"


def test_pinyin_typed_by_hand_survives_a_later_edit(env) -> None:  # type: ignore[no-untyped-def]
    build, _, client, csrf = env
    forms = {"zh-Hant": "權力平衡", "zh-Hans": "权力平衡", "en": "balance of power"}
    assert _decide(client, csrf, BALANCE, "edit", **forms, pinyin="quánlì pínghéng (IR)").status_code == 200
    r = _decide(client, csrf, BALANCE, "edit", version=2, **{**forms, "zh-Hant": "勢力均衡"},
                pinyin="quánlì pínghéng (IR)")
    assert r.status_code == 200, r.text
    concept = _concept(build, BALANCE)
    assert concept.first("zh-Hans").text == "势力均衡"  # type: ignore[union-attr]
    assert concept.first("zh-Hant").pinyin == "quánlì pínghéng (IR)"  # type: ignore[union-attr]
    assert concept.props["edited"] == "zh-Hant pinyin"


def test_edit_english(env) -> None:  # type: ignore[no-untyped-def]
    build, _, client, csrf = env
    r = _decide(client, csrf, CANDIDATE, "edit", **{
        "zh-Hant": "活動策略", "zh-Hans": "活动策略", "pinyin": "huódòng cèlüè",
        "en": "activity strategies"})
    assert r.status_code == 200, r.text
    concept = _concept(build, CANDIDATE)
    assert [(t.text, t.origin) for t in concept.terms_for("en")] == [("activity strategies", "review")]
    assert concept.status is Status.CANDIDATE  # an edit is not an approval
    assert concept.first("zh-Hant").origin == "opencc:s2t"  # type: ignore[union-attr]


def test_pick_resolves_the_conflict(env) -> None:  # type: ignore[no-untyped-def]
    build, session, client, csrf = env
    r = _decide(client, csrf, CONFLICT, "pick", rendering="reading for all")
    assert r.status_code == 200, r.text
    concept = _concept(build, CONFLICT)
    assert {t.text: t.status for t in concept.terms_for("en")} == {
        "reading for all": Status.PREFERRED, "civil reading": Status.ADMITTED}
    assert concept.status is Status.PREFERRED
    assert not [n for n in concept.notes if n.startswith("conflict:")]
    assert session.summary()["conflicts"] == 0
    bad = _decide(client, csrf, CONFLICT, "pick", version=2, rendering="public reading")
    assert bad.status_code == 400


def test_note(env) -> None:  # type: ignore[no-untyped-def]
    build, _, client, csrf = env
    assert _decide(client, csrf, LIBRARY, "note", note="  check with the librarian ").status_code == 200
    assert _concept(build, LIBRARY).notes == ["check with the librarian"]
    assert _decide(client, csrf, LIBRARY, "note", version=2, note="   ").status_code == 400


def test_unknown_action_and_concept(env) -> None:  # type: ignore[no-untyped-def]
    _, _, client, csrf = env
    assert _decide(client, csrf, LIBRARY, "promote").status_code == 400
    assert _decide(client, csrf, "c000000000000", "approve").status_code == 404
    assert client.get("/concept/c000000000000").status_code == 404


def test_undo_restores_the_file_exactly(env) -> None:  # type: ignore[no-untyped-def]
    build, _, client, csrf = env
    original = (build / "glossary.txt").read_bytes()
    assert _decide(client, csrf, CANDIDATE, "approve").status_code == 200
    assert _decide(client, csrf, CONFLICT, "pick", rendering="civil reading").status_code == 200
    r = client.post("/undo", data={"csrf_token": csrf}, headers={"Accept": "application/json"})
    assert r.status_code == 200 and r.json()["id"] == CONFLICT
    assert r.json()["undo"]["label"] == "approve 活動策略"
    r = client.post("/undo", data={"csrf_token": csrf, "seq": "1"},
                    headers={"Accept": "application/json"})
    assert r.status_code == 200 and r.json()["version"] == 3
    assert (build / "glossary.txt").read_bytes() == original
    r = client.post("/undo", data={"csrf_token": csrf}, headers={"Accept": "application/json"})
    assert r.status_code == 400 and "no decision to undo" in r.json()["error"]


def test_forms_work_without_javascript(env) -> None:  # type: ignore[no-untyped-def]
    _build, _, client, csrf = env
    r = client.post(f"/decide/{CANDIDATE}", follow_redirects=False, data={
        "csrf_token": csrf, "action": "approve", "version": "1", "back": "/?status=candidate"})
    assert r.status_code == 303
    assert r.headers["location"] == f"/?status=candidate#card-{CANDIDATE}"
    r = client.post(f"/decide/{REALISM}", follow_redirects=False, data={
        "csrf_token": csrf, "action": "reject", "version": "1", "back": "//evil.example/"})
    assert r.headers["location"] == f"/#card-{REALISM}"
    r = client.post(f"/decide/{REALISM}", data={"csrf_token": csrf, "action": "reject", "version": "1"})
    assert r.status_code == 409 and "another tab or window" in r.text and "<html" in r.text


def test_export_rewrites_the_exports_with_the_decisions(env) -> None:  # type: ignore[no-untyped-def]
    build, session, client, csrf = env
    assert _decide(client, csrf, CANDIDATE, "approve").status_code == 200
    assert _decide(client, csrf, CONFLICT, "pick", rendering="reading for all").status_code == 200
    assert session.exports_stale
    r = client.post("/export", data={"csrf_token": csrf}, headers={"Accept": "application/json"})
    assert r.status_code == 200, r.text
    assert r.json()["written"] == ["glossary.json", "glossary.tmx", "glossary.tbx",
                                   "glossary.zh_TW.po", "glossary.zh_CN.po",
                                   "glossary.omegat.tsv", "glossary.csv"]
    assert not session.exports_stale
    data = json.loads((build / "glossary.json").read_text("utf-8"))
    by_id = {c["id"]: c for c in data["concepts"]}
    assert by_id[CANDIDATE]["status"] == "preferred"
    assert data["conflicts"] == []
    tbx = etree.parse(str(build / "glossary.tbx"))
    ns = {"t": "urn:iso:std:iso:30042:ed-2"}
    entry = tbx.find(f".//t:conceptEntry[@id='{CONFLICT}']", ns)
    statuses = {sec.findtext("t:term", namespaces=ns):
                sec.findtext("t:termNote[@type='administrativeStatus']", namespaces=ns)
                for sec in entry.iterfind(".//t:termSec", ns)}
    assert statuses["reading for all"] == "preferredTerm-admn-sts"
    assert statuses["civil reading"] == "admittedTerm-admn-sts"


def test_export_without_decisions_reproduces_the_build(tmp_path: Path) -> None:
    build = make_build(tmp_path)
    before = {p.name: p.read_bytes() for p in build.iterdir()}
    session = make_session(build)
    assert session.export()
    assert {p.name: p.read_bytes() for p in build.iterdir()} == before


def test_export_of_a_lone_glossary_is_refused(tmp_path: Path) -> None:
    build = make_build(tmp_path, exports=False)
    session = make_session(build / "glossary.txt")
    assert session.build_dir is None
    client, secrets = make_client(session)
    page = client.get("/").text
    assert 'id="export-form"' not in page
    r = client.post("/export", data={"csrf_token": secrets.csrf}, headers={"Accept": "application/json"})
    assert r.status_code == 400 and "not in a build folder" in r.json()["error"]


def test_sources_with_record_context_and_the_pair_highlighted(env) -> None:  # type: ignore[no-untyped-def]
    _, _, client, _ = env
    r = client.get("/api/contexts", params={"ids": f"{LIBRARY},{BALANCE},nope"})
    assert r.status_code == 200
    contexts = r.json()["contexts"]
    assert set(contexts) == {LIBRARY, BALANCE}
    library = contexts[LIBRARY]
    # the sidecar lists two records where the glossary keeps one
    assert "kwrec-C054" in library and "kwrec-C056" in library and "(2)" in library
    assert "<mark>图书馆</mark>" in library and "<mark>library</mark>" in library
    assert "On the Function of Harmony and Guidance of Library in Civil Reading" not in library
    assert "On the Function of Harmony and Guidance of <mark>Library</mark> in Civil Reading" in library
    balance = contexts[BALANCE]
    # the page source is found by its record id, the JSONL one too; both titles shown
    assert "example-record.txt:10" in balance
    assert balance.count("An Analysis of Vietnam&#39;s Foreign Policy from the Perspective of "
                         "<mark>Balance of Power</mark>") == 2
    assert "現實主義 ; <mark>權力平衡</mark> ; 越南外交政策" in balance


def test_sources_without_sidecar_use_the_glossary(tmp_path: Path) -> None:
    build = make_build(tmp_path)
    (build / "glossary.sources.jsonl").unlink()
    client, _ = make_client(make_session(build))
    library = client.get("/api/contexts", params={"ids": LIBRARY}).json()["contexts"][LIBRARY]
    assert "kwrec-C054" in library and "kwrec-C056" not in library


def test_missing_source_file_is_said(tmp_path: Path) -> None:
    build = make_build(tmp_path)
    (build / "records.jsonl").unlink()
    client, _ = make_client(make_session(build))
    html = client.get(f"/concept/{CANDIDATE}").text
    assert "file not found" in html


def test_filters_search_and_paging(env) -> None:  # type: ignore[no-untyped-def]
    build, _, client, _ = env

    def ids(**params: str) -> list[str]:
        html = client.get("/", params=params).text
        return [p.split('"', 1)[0] for p in html.split('data-id="')[1:]]

    assert ids(status="candidate") == [CONFLICT, CANDIDATE]
    assert ids(conflict="yes") == [CONFLICT]
    assert ids(evidence="position") == [CANDIDATE]
    assert ids(kind="person") and all(i not in ids(kind="person") for i in (BALANCE, CONFLICT))
    humanities = [c.id for c in load_glossary(str(build / "glossary.txt")) if "人文學" in c.domains]
    assert BALANCE in humanities and CONFLICT not in humanities
    assert ids(domain="人文學") == humanities
    for q in ("quanli pingheng", "quanlipingheng", "QUÁNLÌ", "权力平衡", "權力", "Balance of",
              BALANCE):
        assert ids(q=q) == [BALANCE], q
    assert ids(q="balance", status="deprecated") == []
    first = ids(per_page="2")
    second = ids(per_page="2", page="2")
    assert len(first) == len(second) == 2 and not set(first) & set(second)
    html = client.get("/", params={"per_page": "2", "page": "2"}).text
    assert "3–4 of" in html and 'rel="prev"' in html


def test_text_is_escaped(env) -> None:  # type: ignore[no-untyped-def]
    _build, _, client, csrf = env
    evil = '<img src=x onerror="alert(1)">'
    assert _decide(client, csrf, LIBRARY, "note", note=evil).status_code == 200
    html = client.get(f"/concept/{LIBRARY}").text
    assert evil not in html and "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html


def test_static_assets_are_served_by_the_package(env) -> None:  # type: ignore[no-untyped-def]
    _, _, client, _ = env
    page = client.get("/").text
    assert '<script src="/static/review.js" defer></script>' in page
    assert "http://" not in page.split("<body>")[0] and "https://" not in page
    js = client.get("/static/review.js")
    assert js.status_code == 200 and js.headers["content-type"].startswith("text/javascript")
    css = client.get("/static/review.css")
    assert css.status_code == 200 and "article.card" in css.text
    assert "https://" not in js.text + css.text
