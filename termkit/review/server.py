"""Serving a review session: uvicorn on a free port of the loopback address.

:func:`prepare` binds the socket (port 0 asks the system for a free one, so there is no race
between choosing a port and using it) and builds the app; :func:`serve` runs uvicorn on that
socket until Ctrl-C (SIGINT) or SIGTERM, which uvicorn turns into a graceful shutdown.
"""

from __future__ import annotations

import ipaddress
import signal
import socket
import threading
from dataclasses import dataclass
from typing import Any

from termkit.errors import UsageError
from termkit.review.security import WILDCARD_HOSTS, Secrets
from termkit.review.session import ReviewSession


@dataclass(slots=True)
class Prepared:
    """A bound socket, the session's secrets and the app to serve."""

    sock: socket.socket
    secrets: Secrets
    app: Any

    @property
    def url(self) -> str:
        """The address to open (with the token)."""
        return self.secrets.url


def is_loopback(host: str) -> bool:
    """Whether ``host`` is a loopback address or ``localhost``."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (port 0: a free one)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        infos = socket.getaddrinfo(host or None, port, family, socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise UsageError(f"cannot resolve host {host!r}: {exc.strerror}") from None
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(infos[0][4])
    except OSError as exc:
        sock.close()
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def prepare(session: ReviewSession, host: str = "127.0.0.1", port: int = 0) -> Prepared:
    """Bind the socket and build the guarded app for ``session``."""
    from termkit.review.app import create_app

    sock = bind(host, port)
    secrets_ = Secrets(host=host if host not in WILDCARD_HOSTS else "0.0.0.0",
                       port=sock.getsockname()[1])
    return Prepared(sock, secrets_, create_app(session, secrets_))


class _Terminated(Exception):
    """SIGTERM, re-raised by uvicorn once it has shut down."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise _Terminated


def serve(prepared: Prepared) -> None:
    """Run uvicorn on the prepared socket until Ctrl-C or SIGTERM; returns after a clean stop.

    uvicorn shuts down gracefully on either signal, then raises it again with the handler
    that was there before it started: KeyboardInterrupt for SIGINT, and for SIGTERM the
    handler set here, so the caller still gets to export before the process ends.
    """
    import uvicorn

    config = uvicorn.Config(
        prepared.app,
        log_level="warning",
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=3,
        server_header=False,
        date_header=False,
    )
    server = uvicorn.Server(config)
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _on_sigterm) if main_thread else None
    try:
        server.run(sockets=[prepared.sock])
    except (KeyboardInterrupt, _Terminated):
        pass  # the clean stop
    finally:
        prepared.sock.close()
        if main_thread:
            signal.signal(signal.SIGTERM, previous)
