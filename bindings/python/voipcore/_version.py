"""The version of the loaded libvoipcore."""

from __future__ import annotations

from ._native import lib


def version() -> str:
    """The library's version as "MAJOR.MINOR.PATCH", e.g. "0.1.0"."""
    text: bytes = lib.vc_version()
    return text.decode()
