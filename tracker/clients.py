"""Who the client is: the one address that the API's throttles and the admin's lockout both count by."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rest_framework.throttling import BaseThrottle

if TYPE_CHECKING:
    from rest_framework.request import Request


def client_address(request: Request) -> str | None:
    """The socket peer's address, or, with TRUSTED_PROXIES set, the one the nearest trusted proxy received from.

    A client can write any X-Forwarded-For it likes; only the entries that trusted proxies append count.
    """
    return BaseThrottle().get_ident(request)
