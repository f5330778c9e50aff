"""Reads constants out of include/voipcore.h, the contract the binding mirrors."""

from __future__ import annotations

import re
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]
HEADER = REPO_ROOT / "include" / "voipcore.h"


def header_version() -> str:
    """VC_VERSION_MAJOR.MINOR.PATCH."""
    text = HEADER.read_text()
    return ".".join(re.findall(r"#define VC_VERSION_(?:MAJOR|MINOR|PATCH) (\d+)", text))


def header_enum(c_name: str, prefix: str) -> dict[str, int]:
    """The constants of `typedef enum c_name {...}`, named without their prefix (a regex)."""
    match = re.search(rf"typedef enum {c_name} \{{(.*?)\}}", HEADER.read_text(), re.DOTALL)
    assert match, f"enum {c_name} not found in {HEADER}"
    return {re.sub(prefix, "", name): int(value) for name, value in re.findall(r"(\w+) = (-?\d+)", match.group(1))}
