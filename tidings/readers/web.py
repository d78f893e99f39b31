"""Downloads: URLs, feeds and feed items, politely and with clear failures.

Every request carries a descriptive User-Agent, has a timeout, and is retried
(with exponential backoff) only when trying again can help: a timeout, a
dropped connection, HTTP 429 or a 5xx answer. At most ``fetch_concurrency``
downloads are in flight and at most ``fetch_per_host`` of them to one host.
A response is read in chunks and abandoned as soon as it passes
``max_html_bytes``, so a 50 MB "page" costs 5 MB of traffic, not 50.
Results come back in the order the URLs were given.
"""

from __future__ import annotations

import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tidings.config import Settings
from tidings.errors import InputError

RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
MAX_REDIRECTS = 10
ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"


@dataclass(frozen=True, slots=True)
class Download:
    url: str  # as requested
    final_url: str  # after redirects
    status: int
    content_type: str  # lower-cased media type without parameters, "" when not given
    charset: str | None
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)  # the response's headers (lower-case names)


class DownloadError(InputError):
    """A download that failed ([T060]), with the HTTP status when the server answered one and the
    seconds its ``Retry-After`` asked for (``tidings watch`` postpones a feed by them)."""

    def __init__(self, message: str, *, status: int | None = None, retry_after: float | None = None) -> None:
        super().__init__("T060", message)
        self.status = status
        self.retry_after = retry_after


def retry_after(value: str, now: float | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks to wait: a number of seconds or an HTTP date; None when unreadable."""
    value = value.strip()
    if value.isdigit():
        return float(value)
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def user_agent(settings: Settings) -> str:
    from tidings.version import __version__

    return settings.user_agent or f"tidings/{__version__} (political event coder; python-httpx)"


def is_url(text: str) -> bool:
    try:
        parts = urlsplit(text.strip())
    except ValueError:  # "http://[::1": a bracket left open
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in text.strip()


def endpoint(url: str) -> tuple[str, int | None]:
    """A URL's lower-case host and port (None when it has none, or a bad one)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return "", None
    return (parts.hostname or "").lower(), port


def is_private(host: str) -> bool:
    """The host is, or resolves to, an address that is not on the public internet (loopback,
    private, link-local, carrier-grade NAT, unspecified, multicast): where a link from a feed
    must not lead a crawler (the cloud's metadata service at 169.254.169.254, a router's page)."""
    import ipaddress
    import socket

    try:
        addresses = [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        try:
            infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
        except (OSError, UnicodeError):
            return False  # no address: the download fails on its own ([T060])
        addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    for addr in addresses:
        mapped = getattr(addr, "ipv4_mapped", None)
        addr = mapped or addr
        if not addr.is_global or addr.is_multicast:
            return True
    return False


class Fetcher:
    """A pooled HTTP client with per-host limits; one per batch, closed at its end."""

    def __init__(
        self,
        settings: Settings,
        *,
        sleep: Callable[[float], None] = time.sleep,
        guard: Callable[[str], None] | None = None,
    ) -> None:
        """``guard(url)`` is asked before every request, redirects included; it raises to refuse one."""
        import httpx

        self.settings = settings
        self._sleep = sleep
        self._guard = guard
        timeout = settings.fetch_timeout
        hooks = {"request": [lambda request: guard(str(request.url))]} if guard is not None else {}
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            headers={"User-Agent": user_agent(settings), "Accept": ACCEPT},
            event_hooks=hooks,
        )
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _host(self, url: str) -> threading.BoundedSemaphore:
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            sem = self._hosts.get(host)
            if sem is None:
                sem = self._hosts[host] = threading.BoundedSemaphore(max(1, self.settings.fetch_per_host))
            return sem

    def fetch(self, url: str, *, headers: Mapping[str, str] | None = None, max_wait: float | None = None) -> Download:
        """One URL, retried when that can help; InputError (T060, T004) when it cannot be had.

        ``headers`` go with the request (``If-None-Match``: a 304 answer is a :class:`Download`
        with status 304 and no body). A ``Retry-After`` over ``max_wait`` seconds ends the tries at
        once (:class:`DownloadError` carries it) instead of waiting 30 s and trying again.
        """
        import httpx

        if not is_url(url):
            scheme = url.strip().split("://", 1)[0] if "://" in url else ""
            if re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", scheme) and scheme.lower() not in ("http", "https"):
                raise InputError("T095", f"{url}: refused: only http(s) links are followed, not {scheme}://")
            raise InputError("T060", f"{url}: not an http(s) URL")
        tries = 1 + max(0, self.settings.fetch_retries)
        for attempt in range(tries):
            wait = self.settings.fetch_backoff * (2**attempt)
            try:
                with self._host(url):
                    return self._get(url, headers)
            except _Retry as exc:
                impatient = max_wait is not None and exc.retry_after is not None and exc.retry_after > max_wait
                if attempt == tries - 1 or impatient:
                    raise DownloadError(
                        f"{url}: {exc.reason} (after {attempt + 1} tries)",
                        status=exc.status,
                        retry_after=exc.retry_after,
                    ) from None
                if exc.retry_after is not None:
                    wait = min(max(wait, exc.retry_after), 30.0)
            except httpx.TooManyRedirects as exc:
                raise InputError("T060", f"{url}: too many redirects (a redirect loop?)") from exc
            except httpx.TimeoutException as exc:
                if attempt == tries - 1:
                    raise InputError(
                        "T060", f"{url}: timed out after {self.settings.fetch_timeout:g} s (after {tries} tries)"
                    ) from exc
            except (httpx.RemoteProtocolError, httpx.ReadError) as exc:  # the connection dropped mid-download
                if attempt == tries - 1:
                    raise InputError(
                        "T060", f"{url}: the connection dropped ({type(exc).__name__}: {exc}) (after {tries} tries)"
                    ) from exc
            except httpx.TransportError as exc:
                if attempt == tries - 1:
                    raise InputError("T060", f"{url}: cannot connect ({type(exc).__name__}: {exc})") from exc
            except (httpx.HTTPError, httpx.InvalidURL) as exc:  # bad URL, bad encoding: a retry will not help
                raise InputError("T060", f"{url}: download failed ({type(exc).__name__}: {exc})") from exc
            self._sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def _get(self, url: str, headers: Mapping[str, str] | None = None) -> Download:
        cap = self.settings.max_html_bytes
        with self._client.stream("GET", url, headers=headers) as resp:
            if resp.status_code in RETRY_STATUS:
                after = retry_after(resp.headers.get("retry-after", ""))
                raise _Retry(f"HTTP {resp.status_code}", after, resp.status_code)
            if resp.status_code >= 400:
                raise DownloadError(
                    f"{url}: HTTP {resp.status_code} {resp.reason_phrase}".rstrip(), status=resp.status_code
                )
            declared = resp.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > cap:
                raise InputError("T004", f"{url}: page too large ({int(declared):,} bytes; the limit is {cap:,})")
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes(65536):
                size += len(chunk)
                if size > cap:
                    raise InputError("T004", f"{url}: page too large (over {cap:,} bytes; download stopped)")
                chunks.append(chunk)
            media = resp.headers.get("content-type", "")
            return Download(
                url=url,
                final_url=str(resp.url),
                status=resp.status_code,
                content_type=media.split(";")[0].strip().lower(),
                charset=resp.charset_encoding,
                body=b"".join(chunks),
                headers={k.lower(): v for k, v in resp.headers.items()},
            )

    def fetch_many(self, urls: Iterable[str]) -> Iterator[tuple[str, Download | InputError]]:
        """Download concurrently, yielding ``(url, result)`` in input order with a bounded look-ahead."""
        workers = max(1, self.settings.fetch_concurrency)
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="tidings-fetch")
        pool = self._pool
        window: deque[tuple[str, Future[Download]]] = deque()
        for url in urls:
            window.append((url, pool.submit(self.fetch, url)))
            if len(window) >= 2 * workers:
                yield _result(*window.popleft())
        while window:
            yield _result(*window.popleft())


def _result(url: str, future: Future[Download]) -> tuple[str, Download | InputError]:
    try:
        return url, future.result()
    except InputError as exc:
        return url, exc
    except Exception as exc:  # noqa: BLE001 - one odd download (bad IDNA host, ...) must not sink the batch
        return url, InputError("T060", f"{url}: download failed ({type(exc).__name__}: {exc})")


class _Retry(Exception):
    def __init__(self, reason: str, retry_after: float | None, status: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after
        self.status = status
