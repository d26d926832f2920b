"""`termkit review` is safe by default: token, CSRF, Host, stale edits, path safety (HTTP level)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.routing import Route

from termkit.review.app import ReviewApp
from termkit.review.security import Secrets
from termkit.review.server import prepare
from tests.review_support import (
    BALANCE,
    CANDIDATE,
    CONFLICT,
    LIBRARY,
    PORT,
    REALISM,
    csrf_of,
    make_build,
    make_client,
    make_session,
    version_of,
)

JSON = {"Accept": "application/json"}


@pytest.fixture()
def build(tmp_path: Path) -> Path:
    return make_build(tmp_path)


# --------------------------------------------------------------------------- token


def test_every_route_needs_the_token(build: Path) -> None:
    client, secrets = make_client(make_session(build), authorize=False)
    for path in ("/", f"/concept/{BALANCE}", f"/api/card/{BALANCE}", "/api/contexts?ids=" + BALANCE,
                 "/static/review.js", "/static/review.css"):
        r = client.get(path)
        assert r.status_code == 403, path
        assert "token" in r.text
        assert client.get(path, headers={"Authorization": "token wrong"}).status_code == 403
        assert client.get(path, params={"token": secrets.token[:-1]}).status_code == 403
    for path in (f"/decide/{BALANCE}", "/undo", "/export"):
        r = client.post(path, data={"csrf_token": secrets.csrf, "action": "approve"})
        assert r.status_code == 403, path


def test_token_in_the_url_becomes_a_cookie(build: Path) -> None:
    client, secrets = make_client(make_session(build), authorize=False)
    r = client.get("/", params={"token": secrets.token, "status": "candidate"},
                   follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == "/?status=candidate"  # the token leaves the address bar
    cookie = r.headers["set-cookie"]
    assert cookie.startswith(f"termkit-review-{PORT}={secrets.token};")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert client.get("/").status_code == 200  # the client keeps the cookie
    # a cookie of another session (another port) is not this one's
    other, _ = make_client(make_session(build), authorize=False)
    other.cookies.set(f"termkit-review-{PORT + 1}", secrets.token)
    assert other.get("/").status_code == 403


def test_token_header(build: Path) -> None:
    client, secrets = make_client(make_session(build), authorize=False)
    assert client.get("/", headers={"Authorization": f"token {secrets.token}"}).status_code == 200


def test_tokens_are_random_per_session() -> None:
    a, b = Secrets("127.0.0.1", 1), Secrets("127.0.0.1", 1)
    assert a.token != b.token and a.csrf != b.csrf and a.token != a.csrf
    assert len(a.token) >= 32


# --------------------------------------------------------------------------- CSRF


def test_every_post_route_needs_the_csrf_token(build: Path) -> None:
    session = make_session(build)
    client, secrets = make_client(session)
    app = ReviewApp(session, secrets)
    posts = [r.path for r in app.starlette.routes if isinstance(r, Route) and "POST" in (r.methods or ())]
    assert sorted(posts) == ["/decide/{cid}", "/export", "/undo"]
    before = (build / "glossary.txt").read_bytes()
    exports = {p.name: p.read_bytes() for p in build.iterdir()}
    for path in (f"/decide/{CANDIDATE}", "/export", "/undo"):
        form = {"action": "approve", "version": "1"}
        assert client.post(path, data=form, headers=JSON).status_code == 403, path
        r = client.post(path, data={**form, "csrf_token": "x" + secrets.csrf}, headers=JSON)
        assert r.status_code == 403 and "CSRF" in r.json()["error"]
        r = client.post(path, data=form, headers={**JSON, "X-CSRF-Token": secrets.token})
        assert r.status_code == 403, "the session token is not the CSRF token"
    assert (build / "glossary.txt").read_bytes() == before
    assert {p.name: p.read_bytes() for p in build.iterdir()} == exports


def test_csrf_token_in_header_or_form(build: Path) -> None:
    client, secrets = make_client(make_session(build))
    assert secrets.csrf == csrf_of(client.get("/").text)
    r = client.post(f"/decide/{CANDIDATE}", data={"action": "approve", "version": "1"},
                    headers={**JSON, "X-CSRF-Token": secrets.csrf})
    assert r.status_code == 200
    r = client.post(f"/decide/{REALISM}", data={"action": "reject", "version": "1",
                                                 "csrf_token": secrets.csrf}, headers=JSON)
    assert r.status_code == 200


def test_cross_origin_posts_are_refused(build: Path) -> None:
    client, secrets = make_client(make_session(build))
    form = {"action": "approve", "version": "1", "csrf_token": secrets.csrf}
    for origin in ("http://evil.example", f"http://127.0.0.1:{PORT + 1}", "null"):
        r = client.post(f"/decide/{CANDIDATE}", data=form, headers={"Origin": origin})
        assert r.status_code == 403, origin
    r = client.post(f"/decide/{CANDIDATE}", data=form,
                    headers={**JSON, "Origin": f"http://127.0.0.1:{PORT}"})
    assert r.status_code == 200


# --------------------------------------------------------------------------- Host


@pytest.mark.parametrize("host", [
    "evil.example", f"evil.example:{PORT}", f"127.0.0.1:{PORT + 1}", "127.0.0.1", "",
    f"localhost.evil.example:{PORT}", f"127.0.0.2:{PORT}", f"192.168.1.5:{PORT}",
])
def test_foreign_host_headers_are_refused(build: Path, host: str) -> None:
    client, _ = make_client(make_session(build))
    r = client.get("/", headers={"Host": host})
    assert r.status_code == 400
    assert "Host" in r.text and "<" not in r.text


@pytest.mark.parametrize("host", [f"127.0.0.1:{PORT}", f"localhost:{PORT}", f"[::1]:{PORT}",
                                  f"LOCALHOST:{PORT}"])
def test_loopback_host_headers_are_served(build: Path, host: str) -> None:
    client, _ = make_client(make_session(build))
    assert client.get("/", headers={"Host": host}).status_code == 200


def test_wildcard_host_accepts_addresses_not_names(build: Path) -> None:
    client, _ = make_client(make_session(build), host="0.0.0.0")
    assert client.get("/", headers={"Host": f"192.168.1.5:{PORT}"}).status_code == 200
    assert client.get("/", headers={"Host": f"[fe80::1]:{PORT}"}).status_code == 200
    assert client.get("/", headers={"Host": f"attacker.example:{PORT}"}).status_code == 400
    assert client.get("/", headers={"Host": f"192.168.1.5:{PORT + 1}"}).status_code == 400


def test_named_host_is_served(build: Path) -> None:
    client, _ = make_client(make_session(build), host="review.lan")
    assert client.get("/", headers={"Host": f"review.lan:{PORT}"}).status_code == 200
    assert client.get("/", headers={"Host": f"other.lan:{PORT}"}).status_code == 400


def test_security_headers(build: Path) -> None:
    client, _ = make_client(make_session(build))
    for path in ("/", "/static/review.js"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


# --------------------------------------------------------------------------- loopback


def test_bound_to_loopback_by_default(build: Path) -> None:
    prepared = prepare(make_session(build))
    try:
        host, port = prepared.sock.getsockname()[:2]
        assert host == "127.0.0.1" and port > 0
        assert prepared.url.startswith(f"http://127.0.0.1:{port}/?token=")
    finally:
        prepared.sock.close()


# --------------------------------------------------------------------------- stale edits


def test_second_tab_edit_of_the_same_concept_is_refused(build: Path) -> None:
    session = make_session(build)
    tab1, secrets = make_client(session)
    tab2, _ = make_client(session, secrets=secrets)
    v1 = version_of(tab1.get("/").text, CANDIDATE)
    v2 = version_of(tab2.get("/").text, CANDIDATE)
    assert v1 == v2 == 1
    form = {"csrf_token": secrets.csrf}
    r = tab1.post(f"/decide/{CANDIDATE}", data={**form, "action": "approve", "version": v1}, headers=JSON)
    assert r.status_code == 200
    after_first = (build / "glossary.txt").read_bytes()
    r = tab2.post(f"/decide/{CANDIDATE}", data={**form, "action": "reject", "version": v2}, headers=JSON)
    assert r.status_code == 409
    body = r.json()
    assert "changed in another tab or window" in body["error"]
    assert "nothing was saved" in body["error"]
    assert body["version"] == 2
    assert (build / "glossary.txt").read_bytes() == after_first
    # other concepts are not affected, and the refreshed card lets tab 2 decide again
    assert tab2.post(f"/decide/{REALISM}", data={**form, "action": "reject", "version": 1},
                     headers=JSON).status_code == 200
    card = tab2.get(f"/api/card/{CANDIDATE}").json()
    assert card["version"] == 2 and 'data-version="2"' in card["html"]
    assert tab2.post(f"/decide/{CANDIDATE}", data={**form, "action": "reject", "version": 2},
                     headers=JSON).status_code == 200


def test_decision_without_a_version_is_not_checked_but_a_bad_one_is(build: Path) -> None:
    client, secrets = make_client(make_session(build))
    r = client.post(f"/decide/{CANDIDATE}", data={"csrf_token": secrets.csrf, "action": "approve",
                                                  "version": "two"}, headers=JSON)
    assert r.status_code == 409


def test_undo_of_a_decision_overtaken_by_another_tab_is_refused(build: Path) -> None:
    session = make_session(build)
    client, secrets = make_client(session)
    form = {"csrf_token": secrets.csrf}
    seq = client.post(f"/decide/{CONFLICT}", data={**form, "action": "pick", "version": 1,
                                                   "rendering": "civil reading"}, headers=JSON).json()["seq"]
    client.post(f"/decide/{CONFLICT}", data={**form, "action": "note", "version": 2,
                                             "note": "from the other tab"}, headers=JSON)
    saved = (build / "glossary.txt").read_bytes()
    r = client.post("/undo", data={**form, "seq": seq}, headers=JSON)
    assert r.status_code == 409 and "another tab or window" in r.json()["error"]
    assert (build / "glossary.txt").read_bytes() == saved
    r = client.post("/undo", data={**form, "seq": 99}, headers=JSON)
    assert r.status_code == 409 and "cannot be undone" in r.json()["error"]


def test_glossary_changed_on_disk_is_not_overwritten(build: Path) -> None:
    client, secrets = make_client(make_session(build))
    path = build / "glossary.txt"
    changed = path.read_text("utf-8").replace("reader service", "reader services")
    path.write_text(changed, "utf-8")
    r = client.post(f"/decide/{CANDIDATE}", data={"csrf_token": secrets.csrf, "action": "approve",
                                                  "version": 1}, headers=JSON)
    assert r.status_code == 409
    assert "changed on disk by another program" in r.json()["error"]
    assert path.read_text("utf-8") == changed


# --------------------------------------------------------------------------- path safety


@pytest.mark.parametrize("path", [
    "/static/../glossary.txt", "/static/%2e%2e/glossary.txt", "/static/..%2fglossary.txt",
    "/static/%2e%2e%2f%2e%2e%2fsecret.txt", "/static/review.js/../../secret.txt",
    "/static//etc/passwd", "/static/%2fetc%2fpasswd", "/static/__init__.py", "/static/",
    "/static/review.JS", "/glossary.txt", "/records.jsonl", "/../secret.txt",
    "/concept/..%2f..%2fsecret.txt",
])
def test_no_path_reaches_a_file(build: Path, path: str) -> None:
    client, _ = make_client(make_session(build))
    r = client.get(path)
    assert r.status_code == 404, path
    assert b"SECRET" not in r.content


class _Opened:
    """Every file opened (and renamed) while active, from Python's audit events."""

    active: _Opened | None = None
    installed = False

    def __init__(self) -> None:
        self.reads: list[str] = []
        self.writes: list[str] = []

    @classmethod
    def hook(cls, event: str, args: tuple[object, ...]) -> None:
        me = cls.active
        if me is None:
            return
        if event == "open" and isinstance(args[0], str | bytes | os.PathLike):
            path = os.path.abspath(os.fsdecode(args[0]))  # type: ignore[arg-type]
            mode, flags = args[1], args[2]
            writing = (isinstance(mode, str) and any(m in mode for m in "wax+")) or (
                isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))
            (me.writes if writing else me.reads).append(path)
        elif event in ("os.rename", "os.replace"):
            me.writes.append(os.path.abspath(os.fsdecode(args[1])))  # type: ignore[arg-type]

    def __enter__(self) -> _Opened:
        if not _Opened.installed:
            sys.addaudithook(_Opened.hook)
            _Opened.installed = True
        _Opened.active = self
        return self

    def __exit__(self, *exc: object) -> None:
        _Opened.active = None


@pytest.fixture()
def watched(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("SECRET\n", "utf-8")
    yield make_build(tmp_path), outside


def test_only_the_glossary_its_exports_and_its_sources_are_touched(watched) -> None:  # type: ignore[no-untyped-def]
    build, outside = watched
    root = build.parent
    session = make_session(build, base_dirs=[build, outside])
    client, secrets = make_client(session)
    form = {"csrf_token": secrets.csrf}
    with _Opened() as opened:
        html = client.get("/").text
        client.get("/api/contexts", params={"ids": ",".join([CONFLICT, CANDIDATE, BALANCE, LIBRARY,
                                                             "../outside/secret.txt"])})
        client.get(f"/concept/{LIBRARY}")
        client.get("/api/contexts", params={"ids": "../../outside/secret.txt"})
        client.get("/concept/..%2Foutside%2Fsecret.txt")
        client.post(f"/decide/{CANDIDATE}", data={**form, "action": "approve", "version": 1})
        client.post(f"/decide/{CONFLICT}", data={**form, "action": "pick", "version": 1,
                                                 "rendering": "civil reading",
                                                 "back": "/../outside/secret.txt"})
        client.post(f"/decide/{REALISM}", data={**form, "action": "edit", "version": 1,
                                                "en": "../outside/secret.txt"})
        client.post("/undo", data=form)
        client.post("/export", data=form)
    assert "SECRET" not in html
    named = {build / "records.jsonl", build / "example-record.txt", build / "glossary.sources.jsonl",
             build / "glossary.txt"}
    read_here = {Path(p) for p in opened.reads if Path(p).is_relative_to(root)}
    assert read_here <= named, read_here
    assert build / "records.jsonl" in read_here and build / "example-record.txt" in read_here
    written = {Path(p) for p in opened.writes}
    assert written, "decisions were saved"
    for p in written:
        assert p.parent == build, p
        assert p.name in {"glossary.txt", "glossary.json", "glossary.tmx", "glossary.tbx",
                          "glossary.zh_TW.po", "glossary.zh_CN.po", "glossary.omegat.tsv",
                          "glossary.csv"} or (p.name.startswith(".glossary.") and p.name.endswith(".tmp")), p
    assert sorted(q.name for q in build.iterdir()) == sorted(
        ["glossary.txt", "glossary.sources.jsonl", "records.jsonl", "example-record.txt",
         "glossary.json", "glossary.tmx", "glossary.tbx", "glossary.zh_TW.po", "glossary.zh_CN.po",
         "glossary.omegat.tsv", "glossary.csv"])
    assert sorted(q.name for q in outside.iterdir()) == ["secret.txt"]


def test_sources_that_are_not_regular_files_are_not_read(tmp_path: Path) -> None:
    build = make_build(tmp_path)
    text = (build / "glossary.txt").read_text("utf-8")
    text = text.replace("source: records.jsonl record=kwrec-C056\nprop evidence",
                        "source: /dev/zero record=kwrec-C056\nsource: . record=x\nprop evidence")
    (build / "glossary.txt").write_text(text, "utf-8")
    (build / "glossary.sources.jsonl").unlink()
    session = make_session(build)
    client, _ = make_client(session)
    html = client.get(f"/concept/{CANDIDATE}").text
    assert html.count("file not found") == 2
    assert session.records.opened == []
