"""The `termkit review` command: options, errors, the address it prints, stopping cleanly."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from termkit.cli import cli
from tests.conftest import ROOT
from tests.review_support import CANDIDATE, make_build


def test_help_names_the_options() -> None:
    result = CliRunner().invoke(cli, ["review", "--help"])
    assert result.exit_code == 0
    for option in ("--reviewer NAME", "--host", "--port", "--no-browser", "GLOSSARY|BUILD_DIR"):
        assert option in result.output
    top = CliRunner().invoke(cli, ["--help"])
    assert "review" in top.output and "Review a glossary in the browser" in top.output


def test_missing_target() -> None:
    result = CliRunner().invoke(cli, ["review", "no/such/folder", "--no-browser"])
    assert result.exit_code == 1
    assert result.output.strip() == "Error: no/such/folder: no such file or folder"


def test_other_formats_are_a_usage_error(tmp_path: Path) -> None:
    csv = tmp_path / "terms.csv"
    csv.write_text("en,zh-Hant\nrealism,現實主義\n", "utf-8")
    result = CliRunner().invoke(cli, ["review", str(csv), "--no-browser"])
    assert result.exit_code == 2
    assert "termkit review edits termkit glossary files" in result.output
    assert "termkit import" in result.output


def test_port_in_use(tmp_path: Path) -> None:
    build = make_build(tmp_path, exports=False)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli, ["review", str(build), "--no-browser", "--port", str(port)])
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.output


def _start(*args: str) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen([sys.executable, "-m", "termkit", "review", *args, "--no-browser"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    url = proc.stdout.readline().strip()
    if not url:
        proc.kill()
        pytest.fail(f"no address printed: {proc.communicate()[1]}")
    return proc, url


def _get(url: str, host: str | None = None) -> int:
    base, token = url.split("/?token=")
    headers = {"Authorization": f"token {token}"}
    if host:
        headers["Host"] = host
    try:
        with urllib.request.urlopen(urllib.request.Request(base + "/", headers=headers)) as r:
            return int(r.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def test_serves_on_loopback_and_stops_on_sigterm(tmp_path: Path) -> None:
    build = make_build(tmp_path, exports=False)
    proc, url = _start(str(build / "glossary.txt"), "--reviewer", "cli-test")
    try:
        assert url.startswith("http://127.0.0.1:") and "/?token=" in url
        assert _get(url) == 200
        port = url.split(":")[2].split("/")[0]
        assert _get(url, host=f"rebind.example:{port}") == 400
        # a lone glossary has no exports: nothing to export on exit
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "Stopped." in err and "Exported" not in err
    assert "Reviewing" in err and "reviewer: cli-test" in err and "Warning" not in err


def test_other_host_warns(tmp_path: Path) -> None:
    build = make_build(tmp_path)
    proc, url = _start(str(build), "--host", "0.0.0.0")
    try:
        assert url.startswith("http://127.0.0.1:")
        assert _get(url) == 200
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "Warning: listening on 0.0.0.0, not only on this machine's loopback address" in err


def test_ctrl_c_exports_decisions_of_a_build_folder(tmp_path: Path) -> None:
    import json
    import re
    import urllib.parse

    build = make_build(tmp_path)
    proc, url = _start(str(build))
    try:
        base, token = url.split("/?token=")
        auth = {"Authorization": f"token {token}"}
        with urllib.request.urlopen(urllib.request.Request(base + "/", headers=auth)) as r:
            csrf = re.search(r'name="csrf-token" content="([^"]+)"', r.read().decode()).group(1)  # type: ignore[union-attr]
        body = urllib.parse.urlencode({"csrf_token": csrf, "action": "approve", "version": 1})
        request = urllib.request.Request(f"{base}/decide/{CANDIDATE}", data=body.encode(),
                                         headers={**auth, "Accept": "application/json"})
        with urllib.request.urlopen(request) as r:
            assert json.loads(r.read())["ok"]
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert f"Exported glossary.json, glossary.tmx, glossary.tbx, glossary.zh_TW.po, " \
           f"glossary.zh_CN.po, glossary.omegat.tsv, glossary.csv to {build}" in err
    data = json.loads((build / "glossary.json").read_text("utf-8"))
    assert next(c for c in data["concepts"] if c["id"] == CANDIDATE)["status"] == "preferred"
