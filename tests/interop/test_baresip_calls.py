"""Calls with baresip, each side the caller once, per codec: speech goes both ways and arrives intact.

baresip's aufile plays one sentence and hangs up at its end; we play another sentence (looped) and
record what we receive, baresip's sndfile records what it decodes. Each recording must match the other
side's sentence, window by window (audio_match).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from audio_match import match
from conftest import call_state
from ports import free_port

# Median of the per-window correlations, measured on loopback (no loss), against about 0.1 for the
# wrong sentence:
#   G.711 1.000 and G.722 0.998-0.999 both ways: the waveform survives, so 0.8 leaves room for a
#   jitter-buffer hiccup without letting a garbled or misaligned stream through.
#   Opus 0.945 ours -> baresip and 0.998 baresip -> us. A perceptual codec keeps the spectrum more
#   than the waveform, and our encoder runs in VOIP mode (libopus alone round-trips this speech at
#   0.95 in VOIP mode, 0.99 in AUDIO mode, baresip's default); 0.7 leaves the same margin.
THRESHOLDS = {"pcmu": 0.8, "g722": 0.8, "opus": 0.7}
CODEC_NAMES = {"pcmu": "PCMU", "g722": "G722", "opus": "opus"}


def assert_speech_both_ways(phone, agent, codec: str, speech, our_recording: Path) -> None:
    """The call connected with the codec, baresip ended it, and each side heard the other's sentence."""
    phone.wait_for(call_state(3))
    assert phone.finish(timeout=30) == 0
    ended = phone.wait_for(call_state(7))
    assert ended["value2"] == 3, ended  # straight from connected: baresip's BYE (ours would pass through terminating)
    assert ended["detail"]["stats"]["codec"] == CODEC_NAMES[codec], ended
    agent.wait_for(r"terminated \(duration")
    agent.stop()

    heard_by_us = match(speech("peer", codec), our_recording)
    heard_by_baresip = match(speech("ours", codec), agent.recording("dec"))
    for heard in (heard_by_us, heard_by_baresip):
        assert len(heard.scores) >= 8, heard  # at least 2 s of speech compared
        assert heard.median > THRESHOLDS[codec], heard


@pytest.mark.parametrize("codec", ["opus", "g722", "pcmu"])
def test_we_call_baresip(vcphone, baresip, speech, tmp_path: Path, codec: str) -> None:
    agent = baresip(codec, speech("peer", codec))
    recording = tmp_path / "heard.wav"
    phone = vcphone("--listen", f"udp:127.0.0.1:{free_port()}", "--call", agent.uri, "--codec", codec,
                    "--play", str(speech("ours", codec)), "--record", str(recording), "--stats", "--duration", "30")
    assert_speech_both_ways(phone, agent, codec, speech, recording)


@pytest.mark.parametrize("codec", ["opus", "g722", "pcmu"])
def test_baresip_calls_us(vcphone, baresip, speech, tmp_path: Path, codec: str) -> None:
    port = free_port()
    recording = tmp_path / "heard.wav"
    phone = vcphone("--listen", f"udp:127.0.0.1:{port}", "--auto-answer", "--codec", codec,
                    "--play", str(speech("ours", codec)), "--record", str(recording), "--stats", "--duration", "30")
    phone.wait_for(lambda e: e["event"] == "listening")
    agent = baresip(codec, speech("peer", codec), dial=f"sip:alice@127.0.0.1:{port}")
    assert_speech_both_ways(phone, agent, codec, speech, recording)
