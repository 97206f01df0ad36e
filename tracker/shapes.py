"""The types of what the read path passes around: `.values()` rows in, JSON-ready dicts out.

Both are plain dicts: a row's keys are the columns its `Rows` reads, a shaped resource's the fields of its read
serializer (the `Rows.serializer_class` that shapes it), both declared there, so these types say no more.
"""

from typing import Any, TypeAlias

# One row read by `.values()`: the model's field names (and `__`-paths) to their values.
Row: TypeAlias = dict[str, Any]

# One resource as the API shows it, ready for the JSON encoder.
Shaped: TypeAlias = dict[str, Any]
