"""Loading libvoipcore and reporting its version."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import voipcore
from header import REPO_ROOT, header_version

BINDING_ROOT = Path(__file__).resolve().parents[1]


def import_in_subprocess(library: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "import voipcore; print(voipcore.library_path())"],
        cwd=BINDING_ROOT,
        env={**os.environ, voipcore.LIBRARY_ENV_VAR: library},
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_version_is_the_headers() -> None:
    assert voipcore.version() == header_version()
    assert voipcore.__version__ == voipcore.version()


def test_package_metadata_version_is_the_libraries() -> None:
    metadata = tomllib.loads((BINDING_ROOT / "pyproject.toml").read_text())
    assert metadata["project"]["version"] == voipcore.version()


@pytest.mark.skipif(voipcore.LIBRARY_ENV_VAR in os.environ, reason="the environment chooses the library")
def test_default_library_is_the_repo_build_output() -> None:
    assert voipcore.library_path() == (REPO_ROOT / "build" / "lib" / "libvoipcore.so.0").resolve()


def test_environment_variable_chooses_the_library() -> None:
    real = str(voipcore.library_path())
    result = import_in_subprocess(real)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == real


def test_missing_library_fails_with_a_clear_error() -> None:
    result = import_in_subprocess("/nonexistent/libvoipcore.so.0")
    assert result.returncode != 0
    assert "LibraryNotFoundError" in result.stderr
    assert "/nonexistent/libvoipcore.so.0" in result.stderr
    assert voipcore.LIBRARY_ENV_VAR in result.stderr
