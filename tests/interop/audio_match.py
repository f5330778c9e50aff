"""Does a recording hold the speech that was sent? Delay-aligned correlation, window by window.

Waveform codecs (G.711, G.722) keep the waveform, so a received window correlates with the sent one
almost perfectly once aligned; Opus is perceptual and keeps less of it. A whole-signal correlation
would hide a gap or a garbled second, and a single global delay is not enough either: a jitter buffer
may shift the stream by a frame or two during the call. So each ~250 ms window of speech is compared
on its own, allowed to slide a little around the global delay.
"""

from __future__ import annotations

import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

WINDOW_S = 0.25
SLACK_S = 0.03  # a frame or so either way, for jitter-buffer adaptation


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    """The samples of a 16-bit WAV as floats, channels averaged to mono, and its rate."""
    with wave.open(str(path)) as w:
        assert w.getsampwidth() == 2, f"{path}: not 16-bit"
        samples = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64)
        channels, rate = w.getnchannels(), w.getframerate()
    return samples.reshape(-1, channels).mean(axis=1), rate


def _correlate(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """c[k] = sum_t a[t + k] * b[t] for k = 0 .. len(a) - len(b), through the FFT."""
    size = 1 << (len(a) + len(b)).bit_length()
    full = np.fft.irfft(np.fft.rfft(a, size) * np.conj(np.fft.rfft(b, size)), size)
    return full[: len(a) - len(b) + 1]


def global_delay(sent: np.ndarray, received: np.ndarray) -> int:
    """The lag d (samples, may be negative) for which received[t] best matches sent[t - d]."""
    padded = np.concatenate([np.zeros(len(sent)), received, np.zeros(len(sent))])
    return int(np.argmax(_correlate(padded, sent))) - len(sent)


@dataclass
class Match:
    delay_s: float
    scores: np.ndarray  # best normalised correlation of each speech window
    received_s: float

    @property
    def median(self) -> float:
        return float(np.median(self.scores)) if len(self.scores) else 0.0

    def __str__(self) -> str:
        return (f"delay {self.delay_s * 1000:.1f} ms, {len(self.scores)} speech windows, median {self.median:.3f}, "
                f"scores {np.round(self.scores, 2).tolist()}, received {self.received_s:.2f} s")


def match(sent_path: Path, received_path: Path) -> Match:
    """Compares a recording with what was sent (possibly looped by the player); only windows where
    the sent side speaks are scored."""
    sent, rate = read_wav(sent_path)
    received, received_rate = read_wav(received_path)
    assert rate == received_rate, f"sent at {rate} Hz, recorded at {received_rate} Hz"
    # Periodic reference: the lag is only known modulo the sent length, and one leading copy keeps a
    # recording that started a little late (negative delay) inside the reference.
    delay = global_delay(np.tile(sent, 2), received) % len(sent)
    reference = np.tile(sent, len(received) // len(sent) + 3)
    window, slack = int(WINDOW_S * rate), int(SLACK_S * rate)
    loud = 0.3 * np.sqrt(np.mean(sent ** 2))
    scores = []
    for start in range(0, len(received) - window, window):
        at = start - delay + len(sent)
        if at - slack < 0 or at + window + slack > len(reference):
            continue
        said = reference[at - slack: at + window + slack]
        heard = received[start: start + window]
        if np.sqrt(np.mean(reference[at: at + window] ** 2)) < loud:
            continue  # a pause: nothing to compare
        energy = np.concatenate([[0.0], np.cumsum(said ** 2)])
        sliding = energy[window:] - energy[:-window]
        norm = np.sqrt(sliding * np.dot(heard, heard))
        dots = _correlate(said, heard)
        scores.append(float(np.max(np.where(norm > 0, dots / np.maximum(norm, 1e-9), 0.0))))
    return Match(delay / rate, np.array(scores), len(received) / rate)
