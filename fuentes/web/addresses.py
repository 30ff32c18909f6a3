"""Which addresses the server fetches for an analyst: public ones only, unless the operator says so.

A URL typed into the workbench makes the *server* send a request, from inside whatever network
it runs in. Without a check, anyone with the token could read the cloud metadata service, an
admin page on localhost or a printer on the office network through it. So every address a
host resolves to must be public: not loopback, private, link-local, multicast, reserved or
unspecified. The check runs twice: once here, before the job starts, to answer at once with a
clear message, and again before every request of the fetch (redirect hops included) through
`ReadOptions.allow_address`. `fuentes serve --allow-private-urls` turns it off (for an intranet
news server, or the tests' localhost server). The CLI `fuentes ingest` never checks: it runs on
the operator's own machine with the operator's own reach.

A host whose DNS answer changes between the check and the connection (DNS rebinding) gets
nowhere: the fetch connects to the very address it checked (`fuentes.ingest.fetch.CheckedBackend`).
IPv6 addresses that carry an IPv4 address (mapped, 6to4, Teredo, NAT64) are judged by that address too.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from fuentes.ingest.fetch import resolve_host

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
# First match names the address kind in the message (Python counts loopback and reserved
# ranges as "private" too).
KINDS = (("is_unspecified", "an unspecified"), ("is_loopback", "a loopback"), ("is_link_local", "a link-local"),
         ("is_multicast", "a multicast"), ("is_reserved", "a reserved"), ("is_private", "a private"))
FLAG_HINT = "start the server with --allow-private-urls to fetch from private networks"


NAT64 = ipaddress.ip_network("64:ff9b::/96")  # well-known NAT64 prefix: the last 32 bits are an IPv4 address


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries and reaches: mapped, 6to4, Teredo client, NAT64."""
    if address.ipv4_mapped:
        return address.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    if address.sixtofour:
        return address.sixtofour  # 2002:7f00:1::1 tunnels to 127.0.0.1
    if address.teredo:
        return address.teredo[1]
    if address in NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def address_kind(address: Address) -> str | None:
    """Why `address` is not public ("a loopback", "a private"...), or None when it is."""
    if isinstance(address, ipaddress.IPv6Address) and embedded_ipv4(address) is not None:
        inner = address_kind(embedded_ipv4(address))
        if inner:
            return inner
    for test, kind in KINDS:
        if getattr(address, test):
            return kind
    return None if address.is_global else "a non-public"


def public_address(address: Address) -> bool:
    """The `ReadOptions.allow_address` of a server that fetches public addresses only."""
    return address_kind(address) is None


def url_problem(url: str) -> str | None:
    """Why the server refuses to fetch `url` (its host resolves to a non-public address), or None.

    A host that does not resolve is not refused here: the fetch reports it in the job.
    """
    parts = urlsplit(url)
    try:
        host, port = parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        return f"invalid URL {url[:200]!r}: {exc}"
    if not host:
        return f"invalid URL {url[:200]!r}: no host"
    try:
        addresses = resolve_host(host, port)
    except (OSError, UnicodeError, ValueError):
        return None
    for address in addresses:
        kind = address_kind(address)
        if kind:
            shown = host if host == str(address) else f"{host} ({address})"
            return f"refused to fetch {url[:200]}: {shown} is {kind} address; {FLAG_HINT}"
    return None
