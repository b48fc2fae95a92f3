"""`veille serve` starts the app on the given port over the given store (a real process, real HTTP)."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, process: subprocess.Popen, seconds: float = 60) -> httpx.Response:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"veille serve exited: {process.stderr.read()}")
        try:
            return httpx.get(url, timeout=2)
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError(f"no answer from {url}")


@pytest.fixture
def served(store_path):
    def start(*extra: str):
        port = _free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "veille.cli.main", "serve", "--port", str(port), "--db", str(store_path), *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ | {"VEILLE_TOKEN": ""})
        started.append(process)
        return f"http://127.0.0.1:{port}", process

    started: list[subprocess.Popen] = []
    yield start
    for process in started:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def test_serve_is_read_only_by_default(served):
    base, process = served()
    health = _wait(base + "/api/health", process).json()
    assert health["status"] == "ok" and health["writable"] is False
    assert httpx.post(base + "/api/ingest", json={"text": "x"}).status_code == 403


def test_serve_with_a_token_turns_writing_on(served):
    base, process = served("--token", "a-long-enough-token")
    assert _wait(base + "/api/health", process).json()["writable"] is True
    assert httpx.post(base + "/api/ingest", json={"text": "x"}).status_code == 401


def test_serve_refuses_a_missing_store(tmp_path):
    result = subprocess.run([sys.executable, "-m", "veille.cli.main", "serve", "--db", str(tmp_path / "none.db")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "no store at" in result.stderr
