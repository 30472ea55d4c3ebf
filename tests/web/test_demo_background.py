"""``serve --demo`` loads the demo data in the background: the server answers first, the
pages and ``/api/demo-status`` show the progress, and the status ends ``done``."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient

from dermavigil.demo.full import (
    STEPS,
    _StatusWriter,
    load_demo_in_background,
    read_status,
    status_path,
)
from dermavigil.settings import load_settings


def test_banner_and_status_while_loading_then_gone(client: TestClient, web_settings) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/api/demo-status").json()["loading"] is False
    assert "demo-progress" not in client.get("/login").text
    writer = _StatusWriter(web_settings)
    writer.write("loading", "vaers")
    page = client.get("/login").text
    assert 'id="demo-progress"' in page and "<strong data-demo-current>vaers</strong>" in page
    assert '<script src="/static/demo-progress.js"></script>' in page
    assert client.get("/static/demo-progress.js").status_code == 200
    status = client.get("/api/demo-status").json()
    assert status == {
        "loading": True,
        "state": "loading",
        "current": "vaers",
        "done": 0,
        "total": len(STEPS),
    }
    writer.write("done", None)
    assert "demo-progress" not in client.get("/login").text
    assert client.get("/api/demo-status").json()["loading"] is False


def test_a_load_left_by_a_dead_process_shows_no_banner(web_settings) -> None:  # type: ignore[no-untyped-def]
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    doc = {"state": "loading", "pid": int(dead.stdout), "current": "vaers", "done": 2, "total": 5}
    status_path(web_settings).write_text(json.dumps(doc))
    assert read_status(web_settings)["loading"] is False


def test_background_load_waits_for_the_server_then_finishes(dv_home: Path, tmp_path: Path) -> None:
    settings = load_settings(
        {"DERMAVIGIL_HOME": str(dv_home), "DERMAVIGIL_SHARED_DATA": str(tmp_path / "none")}
    )
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    lines: list[str] = []
    thread = load_demo_in_background(settings, "127.0.0.1", port, say=lines.append)
    thread.join(0.5)
    assert thread.is_alive() and not lines, "started before the server answered"
    status = read_status(settings)
    assert status is not None and status["loading"] and status["pid"] == os.getpid()
    listener.listen()
    thread.join(120)
    listener.close()
    assert not thread.is_alive()
    status = read_status(settings)
    assert status["state"] == "done" and not status["loading"]
    assert [s["step"] for s in status["steps"]] == list(STEPS)
    assert status["steps"][0]["status"] == "done"  # the seed case
    assert status["steps"][1]["status"] == "skipped"  # no shared data here
    assert any(line.startswith("demo: seed case: done") for line in lines)
