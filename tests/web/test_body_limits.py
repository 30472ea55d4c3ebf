"""Request body limits (issue 12, probe 2): oversized JSON, form and multipart bodies are
refused with 413 before they are parsed, on a real server, without the server's memory
growing with the body; signed-in import uploads have their own larger cap; finished
uploads are cleaned up."""

from __future__ import annotations

import os
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from webtools import Browser, bearer, served

from dermavigil.settings import load_settings
from dermavigil.web.app import create_app

MB = 1024 * 1024
LIMIT = 256 * 1024  # the test app's body limit
UPLOAD_LIMIT = 2 * MB


@pytest.fixture
def small_app(dv_home, registry):  # type: ignore[no-untyped-def]
    settings = load_settings(
        {
            "DERMAVIGIL_HOME": str(dv_home),
            "DERMAVIGIL_REQUIRE_2FA": "0",
            "DERMAVIGIL_MAX_BODY_BYTES": str(LIMIT),
            "DERMAVIGIL_MAX_UPLOAD_BYTES": str(UPLOAD_LIMIT),
        }
    )
    return create_app(settings, registry)


def _chunks(total: int, chunk: int = 64 * 1024, first: bytes = b"") -> Iterator[bytes]:
    """``total`` bytes in chunks, generated as sent (the client holds one chunk)."""
    yield first
    sent = len(first)
    block = b"a" * chunk
    while sent < total:
        yield block
        sent += chunk


def _peak_while(send) -> tuple[httpx.Response, int]:  # type: ignore[no-untyped-def]
    """The response and the peak of Python memory allocated in this process (server
    thread included) while ``send`` ran."""
    tracemalloc.start()
    try:
        response = send()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return response, peak


@pytest.mark.parametrize(
    ("path", "content_type", "first"),
    [
        ("/api/token", "application/json", b'{"username": "admin", "password": "'),
        ("/login", "application/x-www-form-urlencoded", b"username=admin&password="),
        (
            "/login",
            "multipart/form-data; boundary=xyz",
            b'--xyz\r\nContent-Disposition: form-data; name="f"; filename="a.bin"\r\n\r\n',
        ),
    ],
)
def test_a_streamed_100_mb_body_is_cut_off_without_the_memory(  # type: ignore[no-untyped-def]
    small_app, path, content_type, first
) -> None:
    with served(small_app) as url, httpx.Client(base_url=url, timeout=60) as http:

        def send() -> httpx.Response:
            try:
                return http.post(
                    path,
                    content=_chunks(100 * MB, first=first),
                    headers={"Content-Type": content_type},
                )
            except httpx.HTTPError as error:  # the server may close while we still send
                pytest.fail(f"no 413 answer: {error!r}")

        response, peak = _peak_while(send)
    assert response.status_code == 413, response.text[:200]
    assert "too large" in response.text and f"{LIMIT:,}" in response.text
    assert peak < 20 * MB, f"peak {peak / MB:.1f} MB while refusing a 100 MB body"


def test_a_declared_oversized_body_is_refused_before_reading(small_app) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    client = TestClient(small_app)
    body = b"x" * (LIMIT + 1)
    for path, media in (
        ("/api/token", "application/json"),
        ("/login", "application/x-www-form-urlencoded"),
        ("/api/cases", "application/json"),
    ):
        response = client.post(path, content=body, headers={"Content-Type": media})
        assert response.status_code == 413, path
    problem = client.post("/api/token", content=body).json()
    assert problem["status"] == 413 and "DERMAVIGIL_MAX_BODY_BYTES" in problem["detail"]
    small = client.post("/api/token", json={"username": "admin", "password": "x" * 100})
    assert small.status_code == 401  # under the limit: read and answered as usual


def test_signed_in_uploads_have_the_larger_cap(small_app, shared_data: Path) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    client = TestClient(small_app)
    admin = bearer(client, "admin")
    caers = shared_data / "caers_openebgm_subset/caers.csv"
    assert LIMIT < caers.stat().st_size < UPLOAD_LIMIT
    with caers.open("rb") as handle:
        files = {"files": ("caers.csv", handle, "text/csv")}
        accepted = client.post("/api/imports", data={"source": "caers"}, files=files, headers=admin)
    assert accepted.status_code == 202, accepted.text
    anonymous = Browser(TestClient(small_app))
    anonymous.refresh_csrf()
    with caers.open("rb") as handle:  # not signed in: the ordinary limit
        refused = anonymous.client.post(
            "/imports",
            data={"source": "caers", "csrf_token": anonymous.csrf},
            files={"files": ("caers.csv", handle, "text/csv")},
        )
    assert refused.status_code == 413
    big = os.urandom(UPLOAD_LIMIT + 1)
    over = client.post(
        "/api/imports", data={"source": "caers"}, files={"files": ("big.csv", big)}, headers=admin
    )
    assert over.status_code == 413 and "DERMAVIGIL_MAX_UPLOAD_BYTES" in over.text
    job_id = accepted.json()["job_id"]
    jobs = small_app.state.jobs
    deadline = time.monotonic() + 120
    while jobs.get(job_id).status in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(0.2)
    assert jobs.get(job_id).status == "done"
    assert not jobs.upload_dir(job_id).exists()  # the finished job's upload is gone


def test_stale_upload_folders_are_swept(tmp_path: Path) -> None:
    from dermavigil.web.jobs import STALE_UPLOAD_SECONDS, sweep_stale_uploads

    old, fresh = tmp_path / "old", tmp_path / "fresh"
    for folder in (old, fresh):
        folder.mkdir()
        (folder / "f.csv").write_text("x")
    past = time.time() - STALE_UPLOAD_SECONDS - 60
    os.utime(old, (past, past))
    assert sweep_stale_uploads(tmp_path) == [old]
    assert fresh.exists() and not old.exists()
