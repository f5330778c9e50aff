"""LogLevel (vc_log_level_t) and its correspondence with the levels of Python's logging module."""

from __future__ import annotations

import logging
from enum import IntEnum
from typing import Callable

LogHandler = Callable[["LogLevel", str, str], None]
"""Receives (level, category, message) for each log record, on the engine's dispatch thread."""


class LogLevel(IntEnum):
    """vc_log_level_t."""

    DEBUG = 0
    INFO = 1
    WARNING = 2
    ERROR = 3
    OFF = 4

    def to_python(self) -> int:
        """The logging module level for records of this level."""
        return _PYTHON_LEVELS[self]

    @classmethod
    def from_python(cls, python_level: int) -> LogLevel:
        """The least verbose library level that still produces every record `python_level` lets through."""
        for level, threshold in _PYTHON_LEVELS.items():
            if python_level <= threshold:
                return level
        return cls.OFF


_PYTHON_LEVELS: dict[LogLevel, int] = {
    LogLevel.DEBUG: logging.DEBUG,
    LogLevel.INFO: logging.INFO,
    LogLevel.WARNING: logging.WARNING,
    LogLevel.ERROR: logging.ERROR,
}


def logging_handler(logger: logging.Logger) -> LogHandler:
    """A LogHandler that writes each record to a child of `logger` named after its category."""

    def forward(level: LogLevel, category: str, message: str) -> None:
        logger.getChild(category).log(level.to_python(), "%s", message)

    return forward
