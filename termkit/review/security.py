"""The guard in front of the review app: Host header, session token, CSRF token, headers.

Modelled on Jupyter server's rules for a local web app:

* **Host.** The ``Host`` header must name the address served — ``127.0.0.1``, ``localhost``
  or ``[::1]`` (or the ``--host`` given) with the port served — otherwise the request is
  refused (400). A page from another site whose name was re-pointed at 127.0.0.1 (DNS
  rebinding) sends its own name and is refused. When serving on every interface
  (``0.0.0.0``), an IP address with the right port is accepted as well: rebinding needs a name.
* **Token.** Every request needs the session token: ``?token=`` (the URL printed at start,
  which then sets an HttpOnly, SameSite=Strict cookie for this port and redirects to the
  address without it), the cookie, or an ``Authorization: token …`` header. Otherwise 403.
* **CSRF.** A request that changes anything (POST) must carry the CSRF token of the session, in
  the ``csrf_token`` form field or the ``X-CSRF-Token`` header (:func:`check_csrf`, called by
  the app once it has read the form), and an ``Origin`` header, when present, must be this
  server's own. Otherwise 403.
* **Headers.** Every response says ``Content-Security-Policy`` (scripts and styles only from
  this server, no framing), ``X-Content-Type-Options: nosniff``, ``Referrer-Policy:
  no-referrer`` and ``Cache-Control: no-store``.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from http.cookies import CookieError, SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
WILDCARD_HOSTS = ("0.0.0.0", "::", "")
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"

SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy",
     b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     b"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
]


def _same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


@dataclass(slots=True)
class Secrets:
    """The session's token and CSRF token, and the address it serves."""

    host: str
    port: int
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(24))

    @property
    def cookie_name(self) -> str:
        """Cookies ignore ports: one name per port keeps two sessions apart."""
        return f"termkit-review-{self.port}"

    @property
    def url(self) -> str:
        """The address to open, with the token."""
        shown = "127.0.0.1" if self.host in WILDCARD_HOSTS else _bracketed(self.host)
        return f"http://{shown}:{self.port}/?{urlencode({'token': self.token})}"

    def origins(self) -> set[str]:
        """``scheme://host:port`` of every Host accepted without the wildcard rule."""
        return {f"http://{h}" for h in self.hosts()}

    def hosts(self) -> set[str]:
        """Every ``host:port`` accepted by name."""
        names = set(LOOPBACK_NAMES)
        if self.host not in WILDCARD_HOSTS:
            names.add(_bracketed(self.host))
        return {f"{n}:{self.port}".lower() for n in names}

    def host_allowed(self, header: str) -> bool:
        """Whether a ``Host`` header names this server (see the module docstring)."""
        value = header.strip().lower()
        if value in self.hosts():
            return True
        if self.host not in WILDCARD_HOSTS:
            return False
        name, sep, port = value.rpartition(":")
        if not sep or port != str(self.port):
            return False
        try:
            ipaddress.ip_address(name.strip("[]"))
        except ValueError:
            return False
        return True

    def token_ok(self, candidate: str | None) -> bool:
        """Whether ``candidate`` is the session token."""
        return bool(candidate) and _same(candidate or "", self.token)

    def csrf_ok(self, candidate: str | None) -> bool:
        """Whether ``candidate`` is the CSRF token."""
        return bool(candidate) and _same(candidate or "", self.csrf)


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}


async def _plain(
    send: Send, status: int, text: str, extra: Sequence[tuple[bytes, bytes]] = ()
) -> None:
    body = text.encode("utf-8")
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                    (b"content-length", str(len(body)).encode()), *SECURITY_HEADERS, *extra],
    })
    await send({"type": "http.response.body", "body": body})


class Guard:
    """ASGI middleware enforcing the Host and token rules and adding the security headers."""

    def __init__(self, app: ASGIApp, secrets_: Secrets) -> None:
        """Wrap ``app``."""
        self.app = app
        self.secrets = secrets_

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check one request, then pass it on with the headers added to the response."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        if not self.secrets.host_allowed(headers.get("host", "")):
            await _plain(send, 400, "Bad Host header: this server answers only to the address "
                                    "termkit review printed.")
            return
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except CookieError:  # a malformed cookie header is just no cookie
            cookie = SimpleCookie()
        morsel = cookie.get(self.secrets.cookie_name)
        auth = headers.get("authorization", "")
        header_token = auth[6:].strip() if auth.lower().startswith("token ") else None
        if self.secrets.token_ok(query.get("token")) and scope["method"] in ("GET", "HEAD"):
            # First visit from the printed URL: keep the token in a cookie, drop it from the URL.
            rest = urlencode([(k, v) for k, v in query.items() if k != "token"])
            location = scope["path"] + (f"?{rest}" if rest else "")
            set_cookie = (f"{self.secrets.cookie_name}={self.secrets.token}; Path=/; HttpOnly; "
                          "SameSite=Strict")
            await _plain(send, 303, "See Other", [(b"location", location.encode("latin-1")),
                                                  (b"set-cookie", set_cookie.encode("latin-1"))])
            return
        if not (self.secrets.token_ok(morsel.value if morsel else None)
                or self.secrets.token_ok(header_token)
                or self.secrets.token_ok(query.get("token"))):
            await _plain(send, 403, "Forbidden: open the address with the token that "
                                    "termkit review printed when it started.")
            return
        origin = headers.get("origin")
        if scope["method"] not in ("GET", "HEAD") and origin is not None \
                and origin.lower() not in self.secrets.origins() \
                and not (self.secrets.host in WILDCARD_HOSTS
                         and self.secrets.host_allowed(origin.split("://", 1)[-1])):
            await _plain(send, 403, "Forbidden: cross-origin request.")
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def check_csrf(secrets_: Secrets, form: Mapping[str, str], headers: Mapping[str, Any]) -> bool:
    """Whether a state-changing request carries the session's CSRF token."""
    return secrets_.csrf_ok(form.get(CSRF_FIELD)) or secrets_.csrf_ok(headers.get(CSRF_HEADER))
