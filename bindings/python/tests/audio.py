"""Test audio: tones to send, WAV files, and the measurements that tell what came out the far end."""

from __future__ import annotations

import math
import wave
from array import array
from pathlib import Path

import pytest

np = pytest.importorskip("numpy")

LOUD = 1000
"""A 10 ms block peaking above this is sound; codec noise on silence stays far below it."""


def tone(frequency: float, rate: int, seconds: float, amplitude: int = 8000) -> array[int]:
    step = 2 * math.pi * frequency / rate
    return array("h", (round(amplitude * math.sin(step * i)) for i in range(round(rate * seconds))))


def write_wav(path: Path, samples: array[int], rate: int) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.tobytes())


def read_wav(path: Path) -> tuple[int, list[array[int]]]:
    """(sample rate, one array per channel) of a 16-bit WAV."""
    with wave.open(str(path), "rb") as source:
        assert source.getsampwidth() == 2
        channels, rate = source.getnchannels(), source.getframerate()
        interleaved = array("h", source.readframes(source.getnframes()))
    return rate, [interleaved[channel::channels] for channel in range(channels)]


def peak(samples: array[int]) -> int:
    """The largest magnitude among `samples` (0 for none)."""
    return max((abs(sample) for sample in samples), default=0)


def loud_part(samples: array[int], rate: int) -> array[int]:
    """From the first to the last loud 10 ms block (empty if none)."""
    block = rate // 100
    loud = [start for start in range(0, len(samples), block) if peak(samples[start : start + block]) > LOUD]
    return samples[loud[0] : loud[-1] + block] if loud else array("h")


def dominant_frequency(samples: array[int], rate: int) -> float:
    """The strongest frequency of `samples` (Hann-windowed spectrum)."""
    signal = np.frombuffer(samples, dtype=np.int16) * np.hanning(len(samples))
    spectrum = np.abs(np.fft.rfft(signal))
    return float(np.fft.rfftfreq(len(samples), 1 / rate)[int(np.argmax(spectrum))])


def rms(samples: array[int]) -> float:
    return float(np.sqrt(np.mean(np.frombuffer(samples, dtype=np.int16).astype(np.float64) ** 2)))
