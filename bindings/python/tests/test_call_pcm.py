"""PCM ports: samples pushed into one engine's call come out of the other's, through each codec."""

from __future__ import annotations

import time
from array import array

import pytest

from audio import LOUD, dominant_frequency, loud_part, peak, rms, tone
from call_peers import connect
from sip_peers import Peer
from voipcore import Call, InvalidArgumentError

RATE = 16000
FRAME = RATE // 50  # 20 ms, the library's frame


def stream(sender: Call, receiver: Call, samples: array[int], tail_seconds: float = 0.3) -> array[int]:
    """Pushes `samples` into `sender` in real time, 20 ms at a time, and returns everything
    `receiver` gave meanwhile and for `tail_seconds` after (the network and jitter buffer delay)."""
    received = array("h")
    start = time.monotonic()
    frames = range(0, len(samples), FRAME)
    for index, offset in enumerate(frames):
        # Two frames ahead of the clock, so a late wake-up here never starves the sender.
        time.sleep(max(0.0, start + (index - 2) * FRAME / RATE - time.monotonic()))
        assert sender.pcm_push(samples[offset : offset + FRAME]) == len(samples[offset : offset + FRAME])
        received.extend(receiver.pcm_pull(RATE))
    tail_end = time.monotonic() + tail_seconds
    while time.monotonic() < tail_end:
        time.sleep(FRAME / RATE)
        received.extend(receiver.pcm_pull(RATE))
    return received


@pytest.mark.parametrize("codec", ["pcmu", "pcma", "g722", "opus"])
def test_a_1khz_tone_arrives_as_a_1khz_tone(caller: Peer, callee: Peer, codec: str) -> None:
    outgoing, incoming = connect(caller, callee, codecs=[codec])
    assert outgoing.stats().codec.lower() == incoming.stats().codec.lower() == codec
    outgoing.pcm_attach(RATE)
    incoming.pcm_attach(RATE)
    incoming.pcm_pull(RATE)  # what arrived before the tone

    sent = tone(1000, RATE, 1.0)
    started = time.monotonic()
    received = stream(outgoing, incoming, sent)
    elapsed = time.monotonic() - started

    # The receiving port hands out a frame per 20 ms, sound or not: as many samples as time passed.
    assert abs(len(received) - elapsed * RATE) <= 0.1 * RATE
    heard = loud_part(received, RATE)
    assert abs(len(heard) - len(sent)) <= 0.06 * RATE
    middle = heard[len(heard) // 4 : 3 * len(heard) // 4]
    assert abs(dominant_frequency(middle, RATE) - 1000) <= 10
    assert 0.7 <= rms(middle) / rms(sent) <= 1.3


def test_a_muted_call_sends_silence_until_unmuted(caller: Peer, callee: Peer) -> None:
    outgoing, incoming = connect(caller, callee, codecs=["pcmu"])
    outgoing.pcm_attach(RATE)
    incoming.pcm_attach(RATE)
    assert outgoing.muted is False

    outgoing.muted = True
    assert outgoing.muted is True
    while_muted = stream(outgoing, incoming, tone(1000, RATE, 0.4))
    assert len(while_muted) > 0.4 * RATE and peak(while_muted) < LOUD

    outgoing.muted = False
    assert len(loud_part(stream(outgoing, incoming, tone(1000, RATE, 0.4)), RATE)) >= 0.3 * RATE


def test_pcm_push_takes_bytes_and_numpy_arrays_and_stops_at_200ms(caller: Peer, callee: Peer) -> None:
    np = pytest.importorskip("numpy")
    outgoing, _ = connect(caller, callee)
    outgoing.pcm_attach(RATE)
    assert outgoing.pcm_push(b"") == 0
    assert outgoing.pcm_push(bytes(2 * FRAME)) == FRAME
    assert outgoing.pcm_push(memoryview(np.zeros(FRAME, dtype=np.int16))) == FRAME
    # Far more than 200 ms at once: the buffer takes what fits.
    accepted = outgoing.pcm_push(np.zeros(RATE, dtype=np.int16))
    assert 0 < accepted <= 0.2 * RATE


def test_pcm_pull_returns_an_int16_array_of_at_most_the_count_asked(caller: Peer, callee: Peer) -> None:
    outgoing, incoming = connect(caller, callee)
    incoming.pcm_attach(8000)
    time.sleep(0.1)
    pulled = incoming.pcm_pull(10)
    assert (type(pulled), pulled.typecode, len(pulled)) == (array, "h", 10)
    assert incoming.pcm_pull(0) == array("h")


def test_a_played_busy_tone_is_heard_as_480_and_620_hz(caller: Peer, callee: Peer) -> None:
    """The busy tone (480+620 Hz, 0.5 s on, 0.5 s off) played on one side, pulled on the other."""
    outgoing, incoming = connect(caller, callee, codecs=["pcmu"])
    outgoing.pcm_attach(8000)
    incoming.play_tone("busy")
    heard = array("h")
    deadline = time.monotonic() + 1.5
    while time.monotonic() < deadline:
        time.sleep(0.02)
        heard.extend(outgoing.pcm_pull(160))
    on = loud_part(heard, 8000)
    assert len(on) >= 2000, f"{len(on)} loud samples"
    assert dominant_frequency(on, 8000) in (pytest.approx(480, abs=15), pytest.approx(620, abs=15))
    with pytest.raises(InvalidArgumentError, match="unknown tone 'siren'"):
        incoming.play_tone("siren")
