"""Where webhooks may go: public addresses, and the internal receivers settings name.

A webhook URL is typed by an administrator, and the delivery log shows what came back, so an
unchecked URL would let the admin probe the CMS's own network (Redis, the cloud metadata
service, anything on 10.x). The same rule is applied twice:

* when an endpoint is saved (:func:`validate_destination`, a field validator), to tell the
  administrator at once and in words why an address is refused;
* when a delivery connects (:func:`resolve_checked`, used by :mod:`webhooks.transport`), on every
  address the name resolves to at that moment, because DNS may answer differently later.

``WEBHOOK_ALLOWED_INTERNAL_HOSTS`` lists internal receivers that are meant (a frontend on the same
private network): host names, IP addresses or networks in CIDR notation.
"""

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.translation import gettext_lazy as _

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

SCHEMES = ("http", "https")

# The kinds of address a webhook never goes to (unless allowed), in the words the admin shows.
REASONS = {
    "unspecified": _("unspecified address"),
    "loopback": _("loopback address"),
    "link-local": _("link-local address"),
    "multicast": _("multicast address"),
    "shared": _("shared address space (carrier-grade NAT)"),
    "private": _("private network"),
    "reserved": _("reserved address"),
}

# Names that only ever mean something inside a private network: localhost (RFC 6761), mDNS's
# .local, .home.arpa (RFC 8375), .internal (reserved for private use; Google's metadata server is
# metadata.google.internal) and the private top-level names RFC 6762 lists. A name without a
# dot is resolved through the search domains of the CMS's own network (Docker's service names).
INTERNAL_NAME_SUFFIXES = (
    "localhost",
    "localdomain",
    "local",
    "internal",
    "home.arpa",
    "intranet",
    "private",
    "corp",
    "home",
    "lan",
)

# IPv6 forms that carry an IPv4 address a gateway may turn back into IPv4: NAT64's well-known
# prefix (RFC 6052). IPv4-mapped (::ffff:0:0/96) and 6to4 (2002::/16) have ipaddress properties.
NAT64 = ipaddress.ip_network("64:ff9b::/96")
SHARED_ADDRESS_SPACE = ipaddress.ip_network("100.64.0.0/10")

REFUSED_LOG_MESSAGE = "destination refused: private address"


class DestinationRefused(Exception):
    """The address is not public and not allowed. ``reason`` is a key of :data:`REASONS`, or
    ``"internal-name"``; ``resolved`` says whether a name was looked up to find it."""

    def __init__(self, host: str, reason: str, resolved: bool = False):
        super().__init__(f"{host}: {reason}")
        self.host = host
        self.reason = reason
        self.resolved = resolved


@dataclass(frozen=True)
class AllowedInternal:
    """The parsed ``WEBHOOK_ALLOWED_INTERNAL_HOSTS``."""

    names: frozenset[str]
    networks: tuple[IPNetwork, ...]

    @classmethod
    def from_settings(cls) -> "AllowedInternal":
        names, networks = set(), []
        for entry in getattr(settings, "WEBHOOK_ALLOWED_INTERNAL_HOSTS", []):
            entry = entry.strip().strip("[]")
            try:
                networks.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                if "/" in entry or ":" in entry:
                    raise ImproperlyConfigured(
                        f"WEBHOOK_ALLOWED_INTERNAL_HOSTS: {entry!r} is neither a host name, "
                        "an IP address nor a network"
                    ) from None
                names.add(normalise_name(entry))
        return cls(frozenset(names), tuple(networks))

    def allows_name(self, host: str) -> bool:
        return normalise_name(host) in self.names

    def allows_address(self, address: IPAddress) -> bool:
        candidates = {address, embedded_ipv4(address)}
        return any(candidate in network for candidate in candidates for network in self.networks)


def normalise_name(host: str) -> str:
    return host.strip().rstrip(".").lower()


def embedded_ipv4(address: IPAddress) -> IPAddress:
    """The IPv4 address an IPv6 one stands for, if any (what a gateway would connect to)."""
    if address.version == 6:
        if address.ipv4_mapped:
            return address.ipv4_mapped
        if address.sixtofour:
            return address.sixtofour
        if address in NAT64:
            return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address


def address_reason(address: IPAddress) -> str | None:
    """Why a webhook may not go to ``address`` (a key of :data:`REASONS`), or None if public."""
    inner = embedded_ipv4(address)
    if inner != address:
        if reason := address_reason(inner):
            return reason
        # A mapped form of a public IPv4 address is as public as the address itself.
        return None
    if address.is_unspecified:
        return "unspecified"
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local"
    if address.is_multicast:
        return "multicast"
    if address in SHARED_ADDRESS_SPACE:
        return "shared"
    if address.is_reserved:
        return "reserved"
    if address.is_private or not address.is_global:
        return "private"
    return None


def is_internal_name(host: str) -> bool:
    name = normalise_name(host)
    if "." not in name:
        return True
    return any(name == suffix or name.endswith("." + suffix) for suffix in INTERNAL_NAME_SUFFIXES)


def numeric_addresses(host: str, port: int | None) -> list | None:
    """``host`` read as an IP address the way the HTTP client reads it, or None for a name.

    The C library accepts more than dotted quads — ``2130706433``, ``0x7f.1``, ``127.1``,
    ``0177.0.0.1`` all mean 127.0.0.1 — so the address is parsed by the same call that connects,
    without any DNS look-up.
    """
    try:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST)
    except (socket.gaierror, UnicodeError, ValueError):
        return None


def check_addresses(host: str, addresses: list, allowed: AllowedInternal, resolved: bool):
    for *_family_type_proto, _canonname, sockaddr in addresses:
        address = ipaddress.ip_address(sockaddr[0].split("%", 1)[0])
        reason = address_reason(address)
        if reason and not allowed.allows_address(address):
            raise DestinationRefused(host, reason, resolved=resolved)


def resolve_checked(host: str, port: int | None) -> list:
    """Every address ``host`` resolves to now, as ``getaddrinfo`` gives them, all checked.

    Raises :class:`DestinationRefused` if any of them is internal and not allowed (a name with
    one private answer among public ones is refused: the client might pick it), and
    ``socket.gaierror`` if the name does not resolve.
    """
    allowed = AllowedInternal.from_settings()
    if allowed.allows_name(host):
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    numeric = numeric_addresses(host, port)
    if numeric is not None:
        check_addresses(host, numeric, allowed, resolved=False)
        return numeric
    if is_internal_name(host):
        raise DestinationRefused(host, "internal-name")
    addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    check_addresses(host, addresses, allowed, resolved=True)
    return addresses


def refusal_message(refused: DestinationRefused) -> str:
    if refused.reason == "internal-name":
        first = _("%(host)s is a name used only inside private networks.")
    elif refused.resolved:
        first = _("%(host)s resolves to an address that is not public (%(reason)s).")
    else:
        first = _("%(host)s is not a public address (%(reason)s).")
    hint = _(
        "Webhooks are sent only to public addresses; a receiver on the internal network must "
        "be named in the WEBHOOK_ALLOWED_INTERNAL_HOSTS setting."
    )
    reason = REASONS.get(refused.reason, "")
    return f"{first % {'host': refused.host, 'reason': reason}} {hint}"


def validate_destination(url: str):
    """Field validator: refuse a webhook URL whose host is internal and not allowed.

    A name that does not resolve yet is accepted (the receiver may not be online yet); the
    delivery checks again, on the address it actually connects to.
    """
    try:
        parts = urlsplit(url)
        host, port = parts.hostname, parts.port
    except ValueError:
        return  # not a URL at all: the URL validator says so
    if not host:
        return
    if parts.scheme.lower() not in SCHEMES:
        raise ValidationError(_("Use an http:// or https:// address."), code="scheme")
    try:
        resolve_checked(host, port)
    except DestinationRefused as refused:
        raise ValidationError(refusal_message(refused), code="internal_destination") from None
    except (OSError, UnicodeError):
        return
