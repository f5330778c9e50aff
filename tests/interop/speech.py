"""Test speech made with espeak-ng and converted with sox to the format a peer needs."""

from __future__ import annotations

import subprocess
from pathlib import Path

# Each direction of a call carries a different sentence, so a recording that matches proves it came
# from the other side (and not, say, from our own player looped back).
SENTENCES = {
    "peer": "The quick brown fox jumps over the lazy dog. Seven silver swans swam silently seaward.",
    "ours": "Testing one two three, this is voip core speaking from the other side.",
}

# baresip's aufile does not resample: the WAV must have the codec's rate and channels.
FORMATS = {"pcmu": (8000, 1), "pcma": (8000, 1), "g722": (16000, 1), "opus": (48000, 2)}


def make_speech(directory: Path, sentence: str, codec: str) -> Path:
    """A 16-bit WAV of one of SENTENCES in the codec's native format (made once per directory)."""
    rate, channels = FORMATS[codec]
    path = directory / f"{sentence}-{rate}-{channels}.wav"
    if not path.exists():
        raw = directory / f"{sentence}-espeak.wav"
        if not raw.exists():
            subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(raw), SENTENCES[sentence]], check=True)
        subprocess.run(["sox", str(raw), "-b", "16", "-r", str(rate), "-c", str(channels), str(path)], check=True)
    return path
