"""HTTP fetching for URLs and feed links: a real User-Agent, one total deadline per fetch, size caps
before and after decompression, redirects followed and re-checked, a polite minimum interval between
requests to the same host, and no private addresses.

Every connection, the first one and each redirect's, goes through ``guard.GuardedBackend``: the host
name is resolved once, each address is checked (loopback, private, link-local, cloud metadata and other
non-public addresses are refused unless ``fetch.allow_private_urls``), and the socket connects to the
address that was checked, so a second DNS answer cannot point elsewhere. Each socket operation waits
at most until the fetch's deadline: a server dripping one byte, or one header line, at a time cannot
hold a fetch longer than ``fetch.timeout_s``.
"""
from __future__ import annotations

import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpcore
import httpx

from veille.config import FetchSettings
from veille.errors import RejectedInput
from veille.ingest.decode import charset_from_content_type
from veille.ingest.guard import Deadline, GuardedBackend, RefusedAddress

CHUNK = 1 << 16
ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8"
MAX_REDIRECTS = 10


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str | None
    charset: str | None


def is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


class Fetcher:
    """One HTTP client and the time of the last request to each host. Close it when done."""

    def __init__(self, settings: FetchSettings, *, allowed: Callable[[str], bool] | None = None):
        """``allowed`` (an IP address -> may it be reached?) replaces the settings' rule: tests use it
        to allow one loopback address and no other."""
        self.settings = settings
        self._allowed = allowed
        self._last: dict[str, float] = {}
        self._client: httpx.Client | None = None  # made on first use: most runs read files only
        self._deadline = Deadline()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _http(self) -> httpx.Client:
        if self._client is None:
            backend = GuardedBackend(self._deadline, allow_private=self.settings.allow_private_urls,
                                     allowed=self._allowed)
            transport = httpx.HTTPTransport()
            transport._pool = httpcore.ConnectionPool(network_backend=backend, max_connections=10,
                                                      max_keepalive_connections=5)
            self._client = httpx.Client(
                transport=transport,
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                trust_env=False,  # no proxy from the environment: the guard checks the address connected to
                timeout=httpx.Timeout(self.settings.timeout_s),
                headers={"User-Agent": self.settings.user_agent, "Accept": ACCEPT,
                         "Accept-Encoding": "gzip, deflate"},
            )
        return self._client

    def _wait_turn(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            delay = last + self.settings.per_host_interval_s - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        self._last[host] = time.monotonic()

    def fetch(self, url: str) -> Fetched:
        """GET ``url`` within ``timeout_s`` in all; raise RejectedInput with a reason a person can act on."""
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise RejectedInput(f"invalid URL {url[:200]!r}; give a full http(s):// address")
        self._wait_turn(parts.hostname)
        try:
            with self._deadline.running(self.settings.timeout_s):
                return self._get(url)
        except RefusedAddress as exc:
            raise RejectedInput(f"refused to fetch {url[:200]}: {exc}; to read from a server on this machine or "
                                "network, pass --allow-private-urls (or set VEILLE_ALLOW_PRIVATE_URLS=1)") from None
        except httpx.TimeoutException:
            raise RejectedInput(
                f"timed out after {self.settings.timeout_s:g} s fetching {url[:200]}; the site is slow or down: "
                "try again later or raise fetch.timeout_s"
            ) from None
        except httpx.TooManyRedirects:
            raise RejectedInput(f"too many redirects fetching {url[:200]}; open it in a browser to check") from None
        except (httpx.HTTPError, httpx.InvalidURL, zlib.error) as exc:
            raise RejectedInput(f"could not fetch {url[:200]} ({type(exc).__name__}: {exc}); "
                                "check the URL and the network") from None

    def _get(self, url: str) -> Fetched:
        cap = self.settings.max_bytes
        with self._http().stream("GET", url) as response:
            if response.status_code >= 400:
                raise RejectedInput(f"HTTP {response.status_code} {response.reason_phrase} for {url}; check the URL")
            declared = response.headers.get("Content-Length", "").strip()
            if declared.isdigit() and int(declared) > cap:
                raise RejectedInput(_too_large(url, cap))
            inflate = _inflater(response.headers.get("Content-Encoding", ""), url)
            body, raw = bytearray(), 0
            for chunk in response.iter_raw(CHUNK):
                raw += len(chunk)
                if raw > cap:  # before decompression
                    raise RejectedInput(_too_large(url, cap))
                body += chunk if inflate is None else inflate.decompress(chunk, cap + 1 - len(body))
                if len(body) > cap or (inflate is not None and inflate.unconsumed_tail):  # after decompression
                    raise RejectedInput(_too_large(url, cap, inflated=inflate is not None))
                self._deadline.check()
            content_type = response.headers.get("Content-Type")
            return Fetched(str(response.url), bytes(body), content_type, charset_from_content_type(content_type))


def _inflater(encoding: str, url: str):
    """A bounded decompressor for the response's Content-Encoding (None: the body is as sent)."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj()
    raise RejectedInput(f"{url} came with an encoding veille cannot read ({encoding[:40]}); save the page to a file")


def _too_large(url: str, cap: int, inflated: bool = False) -> str:
    what = "once decompressed, " if inflated else ""
    return (f"too large: {what}{url} is more than {cap / 1e6:.1f} MB (limit fetch.max_bytes); "
            "save the part you need to a file")
