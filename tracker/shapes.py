"""The types of what the read path passes around: `.values()` rows in, JSON-ready dicts out.

Both are plain dicts keyed by field name; their keys are declared once, by each resource's `Rows.fields` and
`shape_one`, so these types say no more than that.
"""

from typing import Any, TypeAlias

# One row read by `.values()`: the model's field names (and `__`-paths) to their values.
Row: TypeAlias = dict[str, Any]

# One resource as the API shows it, ready for the JSON encoder.
Shaped: TypeAlias = dict[str, Any]
