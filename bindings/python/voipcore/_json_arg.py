"""The JSON objects the Python API accepts (config, event detail), encoded for the C ABI."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Union

JsonObjectArg = Union[Mapping[str, Any], str, None]
"""None (NULL for the library), a mapping, or the same already written as a JSON string."""


def encode_json_object(value: JsonObjectArg, what: str) -> bytes | None:
    """UTF-8 JSON for the library, or None. Validation stays with the library, whose messages name bad keys."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.encode()
    if isinstance(value, Mapping):
        # json only serializes real dicts; any other Mapping is converted at the top level.
        return json.dumps(dict(value)).encode()
    raise TypeError(f"{what} must be a mapping, a JSON string or None, not {type(value).__name__}")
