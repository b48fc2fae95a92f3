"""A hostile HTTP server on 127.0.0.1: it drips its headers or its body, answers with a bomb or
redirects to a forbidden address. Raw sockets, so nothing in it is polite."""
from __future__ import annotations

import gzip
import socket
import threading
import time


def _drip(conn: socket.socket, data: bytes, every_s: float, size: int = 1) -> None:
    for i in range(0, len(data), size):
        conn.sendall(data[i:i + size])
        time.sleep(every_s)


BOMB = gzip.compress(b"<html><body><p>" + b"a" * 30_000_000 + b"</p></body></html>", 9)


def _answer(conn: socket.socket, path: str, port: int) -> None:
    page = b"<html><body><p>" + "Le maire de Kita a inauguré mardi un nouveau marché couvert.".encode() * 40 + b"</p></body></html>"
    if path == "/drip-body":  # one byte every 0.2 s, forever as far as the client can tell
        conn.sendall(b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/html\r\nContent-Length: 1000000\r\n\r\n")
        _drip(conn, b"<html><body>" + b"x" * 999_988, 0.2)
    elif path == "/drip-headers":  # one header line every 0.3 s
        conn.sendall(b"HTTP/1.1 200 OK\r\nConnection: close\r\n")
        _drip(conn, b"".join(b"X-Filler-%d: yes\r\n" % i for i in range(1000)), 0.3, size=18)
    elif path == "/silent":
        time.sleep(30)
    elif path == "/bomb":
        conn.sendall(b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
                     b"Content-Length: %d\r\n\r\n" % len(BOMB) + BOMB)
    elif path.startswith("/to-metadata"):
        conn.sendall(b"HTTP/1.1 302 Found\r\nConnection: close\r\nLocation: http://169.254.169.254/latest/meta-data/\r\n"
                     b"Content-Length: 0\r\n\r\n")
    else:
        conn.sendall(b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n"
                     % len(page) + page)


class HostileServer:
    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self._serve, daemon=True).start()

    def url(self, path: str) -> str:
        return self.base + path

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        try:
            request = conn.recv(65536).decode("latin-1")
            path = request.split(" ", 2)[1] if request.count(" ") >= 2 else "/"
            _answer(conn, path, self.port)
        except OSError:
            pass  # the client gave up: what the tests want
        finally:
            conn.close()

    def close(self) -> None:
        self.sock.close()
