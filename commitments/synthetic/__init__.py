"""A large synthetic data set for measuring the service at scale: `manage.py generate_synthetic_data`.

It is deterministic (the same sizes and seed give the same rows), skewed as real records are (a few countries,
initiatives, speakers and sources hold most of them), in English and Indonesian, and complete: every record and
link row has its history version, and every record its entry in the change feed, so `as_of`, history and the
feed see it. Rows go straight into the tables (COPY on PostgreSQL) rather than through the services, which would
take hours for a million statements; the values keep every rule the database and the services hold (statuses
and announced dates follow the events, keys are unique, a target is one thing).
"""

from .generator import Sizes, SyntheticData

__all__ = ["Sizes", "SyntheticData"]
