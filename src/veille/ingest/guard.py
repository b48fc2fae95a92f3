"""The network layer under the fetcher: every connection checked, every socket wait bounded.

    deadline = Deadline()
    backend = GuardedBackend(deadline, allow_private=False)   # an httpcore network backend
    with deadline.running(15.0):
        ...  # any connect, TLS handshake, read or write ends by then (httpcore's timeouts)

``is_public(ip)`` is the address rule: only globally routable unicast addresses are public. Loopback
(127/8, ::1), private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with the cloud
metadata address 169.254.169.254, fe80::/10), shared (100.64/10), unspecified, reserved, multicast and
IPv4-mapped forms of them are not.
"""
from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import httpcore
from httpcore import NetworkStream
from httpcore._backends.sync import SyncBackend, SyncStream


class RefusedAddress(Exception):
    """A host that resolves only to addresses the fetcher may not reach."""


def is_public(address: str) -> bool:
    """True for a globally routable unicast address ("93.184.216.34"), False for "127.0.0.1",
    "10.0.0.1", "169.254.169.254", "::ffff:127.0.0.1", "fd00:ec2::254"..."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


class Deadline:
    """The end time of the fetch running on this thread (None: no fetch running)."""

    def __init__(self) -> None:
        self._local = threading.local()

    @contextmanager
    def running(self, seconds: float) -> Iterator[None]:
        self._local.end = time.monotonic() + seconds
        try:
            yield
        finally:
            self._local.end = None

    def remaining(self, timeout: float | None) -> float | None:
        """The time a socket operation may wait: its own timeout, cut to what the fetch has left;
        raise a timeout when nothing is left."""
        end = getattr(self._local, "end", None)
        if end is None:
            return timeout
        left = end - time.monotonic()
        if left <= 0:
            raise httpcore.ReadTimeout("the fetch ran out of time")
        return left if timeout is None else min(timeout, left)

    def check(self) -> None:
        self.remaining(None)


class _GuardedStream(NetworkStream):
    def __init__(self, stream: NetworkStream, deadline: Deadline):
        self._stream, self._deadline = stream, deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._deadline.remaining(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._deadline.remaining(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context, server_hostname: str | None = None, timeout: float | None = None):
        stream = self._stream.start_tls(ssl_context, server_hostname, self._deadline.remaining(timeout))
        return _GuardedStream(stream, self._deadline)

    def get_extra_info(self, info: str):
        return self._stream.get_extra_info(info)


class GuardedBackend(SyncBackend):
    """httpcore's socket backend, resolving names itself and connecting only to allowed addresses,
    with every wait cut to the running fetch's deadline."""

    def __init__(self, deadline: Deadline, *, allow_private: bool = False,
                 allowed: Callable[[str], bool] | None = None):
        self.deadline = deadline
        self.allowed = allowed or ((lambda address: True) if allow_private else is_public)

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options=None) -> NetworkStream:
        addresses = self._allowed(host, port)
        last: OSError | None = None
        for family, address in addresses:
            sock = socket.socket(family, socket.SOCK_STREAM)
            try:
                sock.settimeout(self.deadline.remaining(timeout))
                sock.connect(address)
            except socket.timeout:
                sock.close()
                raise httpcore.ConnectTimeout(f"connecting to {host} timed out") from None
            except OSError as exc:
                sock.close()
                last = exc
                continue
            for option in socket_options or ():
                sock.setsockopt(*option)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            return _GuardedStream(SyncStream(sock), self.deadline)
        raise httpcore.ConnectError(f"cannot connect to {host}: {last}")

    def _allowed(self, host: str, port: int) -> list[tuple[int, tuple]]:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from None
        found = [(family, sockaddr) for family, _, _, _, sockaddr in infos]
        allowed = [(f, a) for f, a in found if self.allowed(a[0])]
        if not allowed:
            shown = ", ".join(sorted({a[0] for _, a in found}))
            raise RefusedAddress(f"{host} is a private, loopback, link-local or reserved address ({shown})")
        return allowed
