"""The explorer's safety measures: a Content-Security-Policy on every response, and the process token.

Pages of the plugin (``/-/tidings/...``) get a strict policy: scripts and
styles only from the server itself (plus the hash of the one fixed inline
script of Datasette's page frame), no inline ``style`` attributes, no
plugins, no framing, no form posts elsewhere, images from the server (and
the tile server, when one is configured). Datasette's own pages carry inline
scripts and styles, so under ``tidings serve`` they get a policy that still
refuses every other origin. Article text is never trusted: the pages escape
it, and the policy is the second line.

The token that unlocks ``/-/tidings/process`` is compared in constant time;
a request carrying it (``Authorization: Bearer …``, or the signed actor
cookie set by the token form) acts as the actor :data:`PROCESS_ACTOR`.
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

#: The actor a valid token stands for; ``permission_allowed`` grants it "tidings-process".
PROCESS_ACTOR = {"id": "tidings-process"}
PROCESS_PERMISSION = "tidings-process"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]

_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def inline_hashes(template_source: str) -> list[str]:
    """CSP source expressions (``'sha256-…'``) of the inline scripts of a template that has no variables in them."""
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"
        for body in _SCRIPT.findall(template_source)
    ]


def tile_origin(tile_url: str | None) -> str:
    """The ``scheme://host[:port]`` of a tile URL template, for ``img-src``; empty without one."""
    if not tile_url:
        return ""
    parts = urlsplit(tile_url.replace("{s}", "a"))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    host = parts.netloc.replace("a.", "*.", 1) if "{s}." in tile_url else parts.netloc
    return f"{parts.scheme}://{host}"


def page_policy(script_hashes: list[str], tiles: str = "") -> str:
    """The policy of the plugin's own pages."""
    img = " ".join(x for x in ("'self'", "data:", tiles) if x)
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self' " + " ".join(script_hashes),
            "style-src 'self'",
            f"img-src {img}",
            "connect-src 'self'",
            "font-src 'self'",
            "form-action 'self'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
        ]
    ).replace("'self' ;", "'self';")


def site_policy() -> str:
    """The policy of Datasette's own pages under ``tidings serve`` (they need inline script and style)."""
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "object-src 'none'",
            "form-action 'self'",
            "base-uri 'self'",
            "frame-ancestors 'none'",
        ]
    )


def with_headers(
    app: ASGIApp, *, prefix: str, page_csp: Callable[[], str], site_csp: Callable[[], str | None]
) -> ASGIApp:
    """``app`` with the policies (and ``nosniff``, ``no-referrer``) added to every HTTP response."""

    async def wrapped(
        scope: Scope, receive: Callable[[], Awaitable[Message]], send: Callable[[Message], Awaitable[None]]
    ) -> None:
        if scope.get("type") != "http":
            await app(scope, receive, send)
            return
        ours = str(scope.get("path", "")).startswith(prefix)
        policy = page_csp() if ours else site_csp()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"content-security-policy"]
                if policy:
                    headers.append((b"content-security-policy", policy.encode("latin-1")))
                headers.append((b"x-content-type-options", b"nosniff"))
                headers.append((b"referrer-policy", b"no-referrer"))
                message = {**message, "headers": headers}
            await send(message)

        await app(scope, receive, send_with_headers)

    return wrapped


def token_matches(given: str | None, token: str | None) -> bool:
    """True when a token is set and ``given`` is it (constant-time)."""
    if not token or not given:
        return False
    return secrets.compare_digest(given.encode("utf-8"), token.encode("utf-8"))


def bearer(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header."""
    if not authorization or not authorization.startswith("Bearer "):
        return None
    return authorization[len("Bearer ") :].strip() or None
