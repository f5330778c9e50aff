from __future__ import annotations

from collections.abc import Iterator

import pytest

from recorder import Recorder
from voipcore import Engine


@pytest.fixture
def engine() -> Iterator[Engine]:
    with Engine() as created:
        yield created


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()
