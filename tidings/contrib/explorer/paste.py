"""``/-/tidings/process``: paste an article (or give a URL), see it processed.

Off unless the server was started with ``--allow-process``; then only an
actor holding the token may use it (Datasette's actor and permission system:
the token form sets Datasette's signed ``ds_actor`` cookie, and scripts send
``Authorization: Bearer <token>``). The text is bounded by ``max_chars``, the
request body by a little more, and the processing by the processor's time
limit; one article at a time. The article goes through the run loop into
the served store, and the browser is sent to its article page.
"""

from __future__ import annotations

import asyncio
import re
from typing import Any
from urllib.parse import parse_qsl

from tidings.contrib.explorer import state as st
from tidings.contrib.explorer.process import PASTED, Job
from tidings.contrib.explorer.security import PROCESS_ACTOR, PROCESS_PERMISSION, token_matches
from tidings.contrib.explorer.views import STATUS, article_path, error, page_path, render
from tidings.errors import TidingsError

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def body_limit(state: st.State) -> int:
    """The largest request body the form accepts: the text at 4 bytes a character, URL-encoded (3×), and the rest."""
    return state.max_chars * 12 + 16_384


async def _form(request: Any, limit: int) -> dict[str, str]:
    """The URL-encoded form of a POST, refusing a body over ``limit`` bytes with ``[T004]``."""
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit:
        raise TidingsError(
            "T004", f"{PASTED}: the request is too large ({int(length):,} bytes; the limit is {limit:,})"
        )
    body = b""
    more = True
    while more:
        message = await request.receive()
        body += message.get("body", b"")
        more = message.get("more_body", False)
        if len(body) > limit:
            raise TidingsError("T004", f"{PASTED}: the request is too large (the limit is {limit:,} bytes)")
    return dict(parse_qsl(body.decode("utf-8", errors="replace"), keep_blank_values=True))


async def _allowed(datasette: Any, request: Any) -> bool:
    return bool(await datasette.permission_allowed(request.actor, PROCESS_PERMISSION, default=False))


def _job(form: dict[str, str], state: st.State) -> Job:
    text = form.get("text", "")
    url = form.get("url", "").strip()
    date = form.get("date", "").strip() or None
    if len(text) > state.max_chars:
        raise TidingsError("T004", f"{PASTED}: too large ({len(text):,} characters; the limit is {state.max_chars:,})")
    if not text.strip() and not url:
        raise TidingsError("T110", "paste an article's text or give its URL")
    if text.strip() and url:
        raise TidingsError("T110", "give the text or a URL, not both")
    if url and not re.match(r"https?://[^\s/]+", url):
        raise TidingsError("T110", f"url={url[:60]!r}: an http(s) URL")
    if date and not _DATE.fullmatch(date):
        raise TidingsError("T009", f"date={date[:20]!r}: a date in YYYY-MM-DD form")
    return Job(text=text if text.strip() else "", url=url, title=form.get("title", "")[:300], date=date)


async def process_page(datasette: Any, request: Any) -> Any:
    """GET: the form (or the token form, or why it is off). POST: process, then go to the article."""
    from datasette.utils.asgi import Response

    state = st.get(datasette)
    allowed = state.can_process and await _allowed(datasette, request)
    status = {
        "enabled": state.can_process,
        "allowed": allowed,
        "max_chars": state.max_chars,
        "timeout_s": state.timeout,
        "busy": bool(state.processor and state.processor.busy),
    }
    if request.method != "POST":
        context = {**status, "login_url": page_path(datasette, "login"), "filters_query": {}}
        return await render(datasette, request, "tidings/process.html", context, status, title="Paste an article")
    try:
        if not state.can_process:
            raise TidingsError("T112", "processing is off: start the server with --allow-process and a token")
        if not allowed:
            raise TidingsError("T112", "processing needs the token (the form above, or Authorization: Bearer)")
        assert state.processor is not None
        form = await _form(request, body_limit(state))
        job = _job(form, state)
        outcome = await asyncio.to_thread(state.processor.process, job)
    except TidingsError as exc:
        if request.method == "POST" and not _is_api(request):
            context = {**status, "error": str(exc), "code": exc.code, "filters_query": {}}
            context["login_url"] = page_path(datasette, "login")
            return await render(
                datasette, request, "tidings/process.html", context, {}, STATUS.get(exc.code, 400), "Paste an article"
            )
        return await error(datasette, request, exc)
    urls = [article_path(datasette, i) for i in outcome.ids]
    data = {"ok": bool(outcome.ids), "ids": outcome.ids, "article_urls": urls, "failures": outcome.failures}
    if _is_api(request) or not outcome.ids:
        context = {**status, "result": data, "filters_query": {}, "login_url": page_path(datasette, "login")}
        code = 200 if outcome.ids else 422
        return await render(datasette, request, "tidings/process.html", context, data, code, "Paste an article")
    return Response.redirect(urls[0], status=303)


def _is_api(request: Any) -> bool:
    return bool(request.url_vars.get("format")) or request.args.get("_format") == "json"


async def login_page(datasette: Any, request: Any) -> Any:
    """POST a token: on a match, Datasette's signed actor cookie (the token itself is never stored)."""
    from datasette.utils.asgi import Response

    state = st.get(datasette)
    try:
        if request.method != "POST":
            return Response.redirect(page_path(datasette, "process"))
        if not state.can_process:
            raise TidingsError("T112", "processing is off: start the server with --allow-process and a token")
        form = await _form(request, 16_384)
        if not token_matches(form.get("token", ""), state.token):
            raise TidingsError("T112", "that is not the token this server was started with")
    except TidingsError as exc:
        return await error(datasette, request, exc)
    response = Response.redirect(page_path(datasette, "process"), status=303)
    response.set_cookie("ds_actor", datasette.sign({"a": PROCESS_ACTOR}, "actor"), httponly=True, samesite="strict")
    return response
