"""The address guard: watch never connects to loopback, private, link-local or reserved
addresses, except on the hosts the sources file lists by name.

A fetched feed or a redirect can point anywhere, including at services inside the
network Marsad runs in (cloud metadata at 169.254.169.254, an admin port on localhost).
Every URL is checked before its request, and every connection is checked again when it
is opened, against the addresses the name resolves to at that moment (so a name that
resolves to a public address for the check and to 127.0.0.1 for the connection, DNS
rebinding, is refused too).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

import httpcore

ALLOWED_SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}

Resolver = Callable[[str, int], list[str]]


class AddressRefused(Exception):
    """A URL or connection the guard refuses; the message is the one-line reason."""


def host_key(url: str) -> str:
    """'https://Example.com/x' -> 'example.com:443': one key per host and port."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    try:
        port = parts.port or DEFAULT_PORTS.get(parts.scheme.lower(), 0)
    except ValueError:
        port = 0
    return f"{host}:{port}"


def resolve(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def why_not_public(address: str) -> str | None:
    """None for a public unicast address, else what kind of address it is."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    # Most specific first: Python counts link-local and loopback ranges as private too.
    for kind in ("loopback", "link_local", "unspecified", "multicast", "reserved", "private"):
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    if not ip.is_global:  # 100.64.0.0/10 carrier NAT, documentation ranges, ...
        return "non-global"
    return None


def check_addresses(host: str, addresses: Iterable[str]) -> None:
    for address in addresses:
        kind = why_not_public(address)
        if kind:
            raise AddressRefused(f"{host} resolves to {address}, a {kind} address, and is not a listed host")


class AddressGuard:
    """Decides whether a URL or connection may be made; listed hosts are always allowed."""

    def __init__(self, listed: Iterable[str], resolver: Resolver = resolve):
        self.listed = frozenset(listed)
        self.resolver = resolver

    def check_url(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme.lower() not in ALLOWED_SCHEMES:
            raise AddressRefused(f"scheme {parts.scheme or '(none)'!r} is not http or https")
        if not parts.hostname:
            raise AddressRefused("the URL has no host")
        key = host_key(url)
        if key in self.listed:
            return
        self.check_host(parts.hostname, int(key.rsplit(":", 1)[1]))

    def check_host(self, host: str, port: int) -> list[str]:
        """The addresses to connect to (all checked); raises AddressRefused."""
        try:
            addresses = self.resolver(host, port)
        except OSError as exc:
            raise AddressRefused(f"{host} does not resolve ({exc.strerror or exc})") from None
        check_addresses(host, addresses)
        return addresses


class GuardedBackend(httpcore.SyncBackend):
    """Opens connections only to addresses the guard allows, to the very address it checked."""

    def __init__(self, guard: AddressGuard):
        self.guard = guard

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        if f"{host.lower()}:{port}" in self.guard.listed:
            return super().connect_tcp(host, port, timeout, local_address, socket_options)
        address = self.guard.check_host(host, port)[0]
        return super().connect_tcp(address, port, timeout, local_address, socket_options)
