"""The dates the report gives, as (day, precision) pairs; a week is stored as its Monday. A line that gives no date
is UNDATED: the statement is placed in time by the date of the report that carries it (`reported`)."""

import datetime

REPORTED = (datetime.date(2025, 10, 24), "day")
THIS_WEEK = (datetime.date(2025, 10, 20), "week")
TWO_WEEKS_AGO = (datetime.date(2025, 10, 6), "week")
UNDATED = None
