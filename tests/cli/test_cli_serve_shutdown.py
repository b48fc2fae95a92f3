"""`veille serve` stops promptly on SIGTERM, even with a client holding a request open (issue 10)."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import httpx

from veille.cli.serve import SHUTDOWN_GRACE_S


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_sigterm_stops_the_server_within_its_grace_period(store_path):
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "veille.cli.main", "serve", "--port", str(port),
                                "--db", str(store_path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=os.environ | {"VEILLE_TOKEN": ""})
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                assert httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and process.poll() is None
                time.sleep(0.2)
        slow = socket.create_connection(("127.0.0.1", port))
        slow.sendall(b"GET /api/events?actor=Mali HTTP/1.1\r\nHost: x\r\n")  # headers never finished
        time.sleep(0.3)
        process.send_signal(signal.SIGTERM)
        started = time.monotonic()
        assert process.wait(timeout=SHUTDOWN_GRACE_S + 5) in (0, -signal.SIGTERM)  # uvicorn re-raises the signal
        assert time.monotonic() - started < SHUTDOWN_GRACE_S + 2
        slow.close()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
