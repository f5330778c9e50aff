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


def merge_json_object(value: JsonObjectArg, what: str, keywords: Mapping[str, Any]) -> bytes | None:
    """encode_json_object() of `value` with the keywords that are not None added to it.

    A key both in a mapping and among the keywords is a TypeError, as is a JSON string with
    keywords: the library rejects repeated keys, so neither may silently win.
    """
    given = {key: item for key, item in keywords.items() if item is not None}
    if not given:
        return encode_json_object(value, what)
    if isinstance(value, str):
        raise TypeError(f"{what}: give either a JSON string or keyword arguments, not both")
    if value is not None and not isinstance(value, Mapping):
        raise TypeError(f"{what} must be a mapping, a JSON string or None, not {type(value).__name__}")
    merged = dict(value or {})
    repeated = sorted(merged.keys() & given.keys())
    if repeated:
        raise TypeError(f"{what}: {', '.join(map(repr, repeated))} given both in the mapping and as a keyword argument")
    merged.update(given)
    return json.dumps(merged).encode()


def c_string(value: str, what: str) -> bytes:
    """UTF-8 for a NUL-terminated C string; a NUL inside would silently cut it short, so it is refused."""
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    if "\0" in value:
        raise ValueError(f"{what} contains a NUL character, which a C string cannot carry")
    return value.encode()
