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


def header_code() -> str:
    """The header without its comments, whose prose may hold braces and "name = 1"."""
    return re.sub(r"/\*.*?\*/|//[^\n]*", " ", HEADER.read_text(), flags=re.DOTALL)


def header_enum(c_name: str, prefix: str) -> dict[str, int]:
    """The constants of `typedef enum c_name {...} c_name_t;`, named without their prefix (a regex)."""
    match = re.search(rf"typedef enum {c_name} \{{([^}}]*)\}} {c_name}_t;", header_code())
    assert match, f"enum {c_name} not found in {HEADER}"
    constants = [item.strip() for item in match.group(1).split(",") if item.strip()]
    parsed = [re.fullmatch(r"(\w+) = (-?\d+)", constant) for constant in constants]
    assert all(parsed), f"enum {c_name} has a constant this parser does not understand: {constants}"
    return {re.sub(prefix, "", m.group(1)): int(m.group(2)) for m in parsed if m}


def header_struct_fields(c_name: str) -> list[str]:
    """The field names of `typedef struct c_name {...} c_name_t;`, in order."""
    match = re.search(rf"typedef struct {c_name} \{{([^}}]*)\}} {c_name}_t;", header_code())
    assert match, f"struct {c_name} not found in {HEADER}"
    declarations = [item.strip() for item in match.group(1).split(";") if item.strip()]
    names = [re.fullmatch(r"[\w\s\*]+?\b(\w+)(?:\[\d+\])?", declaration) for declaration in declarations]
    assert all(names), f"struct {c_name} has a field this parser does not understand: {declarations}"
    return [m.group(1) for m in names if m]
