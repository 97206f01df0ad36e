"""Who the client is: the one address that the API's throttles and the admin's lockout both count by."""

from rest_framework.request import Request
from rest_framework.throttling import BaseThrottle


def client_address(request: Request) -> str | None:
    """The socket peer's address, or, with TRUSTED_PROXIES set, the one the nearest trusted proxy received from.

    A client can write any X-Forwarded-For it likes; only the entries that trusted proxies append count.
    """
    return BaseThrottle().get_ident(request)
