"""`veille serve`: the web UI and the HTTP API on one port (read-only unless given a token)."""
from __future__ import annotations

import argparse
import ipaddress
import os
import sys
import threading

from veille.cli.common import add_command, add_db_argument, settings_from
from veille.errors import RejectedInput

TOKEN_ENV = "VEILLE_TOKEN"
SHUTDOWN_GRACE_S = 3.0  # on SIGTERM/SIGINT, requests still running after this are abandoned


def register(subparsers) -> None:
    serve = add_command(
        subparsers, "serve", help="serve the web UI and the HTTP API (docs at /docs)",
        example="veille serve --db veille.db --port 8000        # then open http://127.0.0.1:8000/",
        description="Serve the web UI and the HTTP API. Read-only by default; with --token (or $VEILLE_TOKEN), "
                    "POST /api/ingest is on and needs `Authorization: Bearer TOKEN`.")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    serve.add_argument("--port", type=_port, default=8000, help="port (default 8000)")
    serve.add_argument("--token", metavar="TOKEN", default=None,
                       help=f"turn on writing (ingest through the API) and require this bearer token (or ${TOKEN_ENV})")
    serve.add_argument("--request-budget", metavar="SECONDS", type=_seconds, default=None,
                       help="time a read request may take before it is stopped and answered 503 (default 5)")
    add_db_argument(serve)
    serve.set_defaults(run=run_serve)


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number: give 1 to 65535")
    return port


def _seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 < seconds <= 3600:
        raise argparse.ArgumentTypeError(f"{seconds:g} s is out of range: give more than 0 and at most 3600")
    return seconds


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from veille.api.main import create_app

    token = args.token or os.environ.get(TOKEN_ENV) or None
    if token is not None and len(token) < 12:
        raise RejectedInput("the token is too short: give at least 12 characters (e.g. `openssl rand -hex 16`)")
    settings = settings_from(args, request_budget_s=args.request_budget)
    app = create_app(settings, token=token)
    if not _is_loopback(args.host):
        print(f"note: listening on {args.host}: every machine that can reach it can read the store",
              file=sys.stderr)
    mode = "writing on (bearer token required)" if token else "read-only"
    print(f"veille: serving {settings.db_path} ({mode}) on http://{args.host}:{args.port}/  — API docs at /docs",
          file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", timeout_graceful_shutdown=SHUTDOWN_GRACE_S)
    if any(t.is_alive() and not t.daemon for t in threading.enumerate() if t is not threading.current_thread()):
        sys.stdout.flush()  # a handler thread still busy past the grace period: do not wait for it
        sys.stderr.flush()
        os._exit(0)
    return 0


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
