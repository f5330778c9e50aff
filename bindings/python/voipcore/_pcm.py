"""Mono 16-bit PCM samples across the C ABI: what Call.pcm_push takes and Call.pcm_pull gives."""

from __future__ import annotations

import ctypes
from array import array
from typing import Union

Samples = Union[bytes, bytearray, memoryview, "array[int]"]
"""Native-endian int16 samples: array('h'), raw bytes, or anything else with the buffer protocol
whose items are int16 ('h', e.g. a numpy int16 array) or bytes."""

# Buffer formats accepted: int16 items, or raw bytes taken two at a time.
_INT16_FORMATS = frozenset({"h", "@h", "=h"})
_BYTE_FORMATS = frozenset({"B", "b", "c"})


def int16_array(samples: Samples) -> ctypes.Array[ctypes.c_int16]:
    """A ctypes copy of `samples`; refuses buffers of another item type rather than reinterpret them."""
    with memoryview(samples) as view:
        if view.format not in _INT16_FORMATS | _BYTE_FORMATS:
            raise TypeError(f"samples must hold int16 items or bytes, not items of format {view.format!r}")
        if view.nbytes % 2:
            raise ValueError(f"samples are {view.nbytes} bytes, not a whole number of int16 samples")
        with view.cast("B") as raw:
            return (ctypes.c_int16 * (raw.nbytes // 2)).from_buffer_copy(raw)


def to_array(buffer: ctypes.Array[ctypes.c_int16], count: int) -> array[int]:
    """The first `count` samples of `buffer` as an array('h')."""
    pulled = array("h")
    pulled.frombytes(ctypes.string_at(buffer, count * ctypes.sizeof(ctypes.c_int16)))
    return pulled
