"""The dates the report gives, as (day, precision) pairs; a week is stored as its Monday."""

import datetime

REPORTED = (datetime.date(2025, 10, 24), "day")
THIS_WEEK = (datetime.date(2025, 10, 20), "week")
TWO_WEEKS_AGO = (datetime.date(2025, 10, 6), "week")
