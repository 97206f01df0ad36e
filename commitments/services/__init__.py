"""Every write to the domain goes through these functions, each inside one transaction: whole or not at all."""

from . import conditions, events, initiatives, parties, pledges, sources, statements

__all__ = ["conditions", "events", "initiatives", "parties", "pledges", "sources", "statements"]
