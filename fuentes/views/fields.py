"""Reading a field from a record (a dataclass of fuentes.model) or from a store row (a dict).

The CLI works on records, the web on rows of the same tables; the shared views read both.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def field(item: Any, name: str, default: Any = None) -> Any:
    """`item[name]` for a mapping, `item.name` otherwise; `default` when absent or None."""
    value = item.get(name) if isinstance(item, Mapping) else getattr(item, name, None)
    return default if value is None else value


def as_list(value: Any) -> list:
    """JSON list columns, tolerant of NULL and of a single value stored as a scalar."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]
