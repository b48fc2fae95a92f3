"""HTTP fetching for URLs and feed links: a real User-Agent, a timeout, a streamed size cap,
redirects followed, and a polite minimum interval between requests to the same host."""
from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from veille.config import FetchSettings
from veille.errors import RejectedInput
from veille.ingest.decode import charset_from_content_type

CHUNK = 1 << 16
ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8"


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

    def __init__(self, settings: FetchSettings):
        self.settings = settings
        self._last: dict[str, float] = {}
        self._client: httpx.Client | None = None  # made on first use: most runs read files only

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
            self._client = httpx.Client(
                follow_redirects=True,
                timeout=httpx.Timeout(self.settings.timeout_s),
                headers={"User-Agent": self.settings.user_agent, "Accept": ACCEPT},
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
        """GET ``url``; raise RejectedInput with a reason a person can act on when it fails."""
        host = urlsplit(url).hostname
        if not host:
            raise RejectedInput(f"invalid URL {url!r}; give a full http(s):// address")
        self._wait_turn(host)
        try:
            return self._get(url)
        except httpx.TimeoutException:
            raise RejectedInput(
                f"timed out after {self.settings.timeout_s:g} s fetching {url}; the site is slow or down: "
                "try again later or raise fetch.timeout_s"
            ) from None
        except httpx.TooManyRedirects:
            raise RejectedInput(f"too many redirects fetching {url}; open it in a browser to check") from None
        except httpx.HTTPError as exc:
            raise RejectedInput(f"could not fetch {url} ({type(exc).__name__}: {exc}); check the URL and the network") from None

    def _get(self, url: str) -> Fetched:
        cap = self.settings.max_bytes
        deadline = time.monotonic() + self.settings.timeout_s
        with self._http().stream("GET", url) as response:
            if response.status_code >= 400:
                raise RejectedInput(f"HTTP {response.status_code} {response.reason_phrase} for {url}; check the URL")
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > cap:
                raise RejectedInput(_too_large(url, cap))
            body = bytearray()
            for chunk in response.iter_bytes(CHUNK):
                body += chunk
                if len(body) > cap:
                    raise RejectedInput(_too_large(url, cap))
                if time.monotonic() > deadline:
                    raise httpx.ReadTimeout("download too slow", request=response.request)
            content_type = response.headers.get("Content-Type")
            return Fetched(str(response.url), bytes(body), content_type, charset_from_content_type(content_type))


def _too_large(url: str, cap: int) -> str:
    return f"too large: {url} is more than {cap / 1e6:.1f} MB (limit fetch.max_bytes); save the part you need to a file"
