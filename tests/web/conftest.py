"""Browser fixtures: uvicorn in a thread on 127.0.0.1 (a free port) over the session's real store,
and Debian's Chromium driven by Playwright. Every request the page makes is watched: anything
not for 127.0.0.1 is blocked and recorded, and the tests assert there was none.

Screenshots go to $VEILLE_SCREENSHOTS if set, else to web-screenshots/ in pytest's temporary
folder of the run (pytest keeps the last three); the summary at the end of the run says where.
"""
from __future__ import annotations

import os
import socket
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from veille.api.main import create_app
from veille.config import Settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
_SHOTS: dict[str, Path] = {}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(store_path):
    """The app served by uvicorn in a thread; yields its base URL."""
    import uvicorn

    port = _free_port()
    config = uvicorn.Config(create_app(Settings(db_path=store_path)), host="127.0.0.1", port=port,
                            log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium (make browser, "
                    "or apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Watch:
    """What a page asked the network for, and what it complained about."""

    def __init__(self):
        self.outside: list[str] = []
        self.requests: list[str] = []
        self.errors: list[str] = []

    def route(self, route):
        url = route.request.url
        self.requests.append(url)
        if urlsplit(url).hostname != "127.0.0.1" and not url.startswith(("data:", "blob:")):
            self.outside.append(url)
            route.abort()
        else:
            route.continue_()


def _page(chromium, width: int, height: int):
    """A page of that size whose requests and console errors are watched; after the test, nothing
    may have left 127.0.0.1 and the console must be clean."""
    context = chromium.new_context(viewport={"width": width, "height": height}, service_workers="block")
    page = context.new_page()
    watch = Watch()
    context.route("**/*", watch.route)
    page.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: watch.errors.append(str(e)))
    page.watch = watch
    yield page
    context.close()
    assert watch.outside == [], f"requests left 127.0.0.1: {watch.outside}"
    assert watch.errors == [], f"console errors (CSP?): {watch.errors}"


@pytest.fixture
def ui(chromium):
    yield from _page(chromium, 1280, 900)


@pytest.fixture
def phone(chromium):
    yield from _page(chromium, 390, 844)


@pytest.fixture(scope="session")
def shots(tmp_path_factory) -> Path:
    chosen = os.environ.get("VEILLE_SCREENSHOTS")
    folder = Path(chosen).absolute() if chosen else tmp_path_factory.getbasetemp() / "web-screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    _SHOTS["folder"] = folder
    return folder


def pytest_terminal_summary(terminalreporter):
    if "folder" in _SHOTS:
        count = len(list(_SHOTS["folder"].glob("*.png")))
        terminalreporter.write_line(f"web screenshots ({count}): {_SHOTS['folder']}")
