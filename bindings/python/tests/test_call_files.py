"""WAV files: one engine's call plays a file, the other's (or its own) records what it hears."""

from __future__ import annotations

import time
from pathlib import Path

from audio import LOUD, dominant_frequency, loud_part, peak, read_wav, tone, write_wav
from call_peers import connect, dial, next_state, wait_until
from sip_peers import Peer
from voipcore import Call, CallState, EventType, RecordMode

RATE = 16000


def played_file(directory: Path, seconds: float, frequency: int = 700) -> Path:
    path = directory / f"tone-{frequency}hz-{seconds}s.wav"
    write_wav(path, tone(frequency, RATE, seconds), RATE)
    return path


def media_ended(peer: Peer, call: Call) -> bool:
    return any(event.call == call for event in peer.events.of_type(EventType.CALL_MEDIA_ENDED))


def test_a_played_file_is_recorded_by_both_sides(caller: Peer, callee: Peer, tmp_path: Path) -> None:
    outgoing, incoming = connect(caller, callee)
    received, both_ways = tmp_path / "received.wav", tmp_path / "both-ways.wav"
    incoming.record(received, RecordMode.RECEIVED, RATE)
    outgoing.record(str(both_ways), RecordMode.STEREO, RATE)
    recording_since = time.monotonic()
    outgoing.play(played_file(tmp_path, 1.0))

    ended = caller.events.next_of_type(EventType.CALL_MEDIA_ENDED)
    assert ended.call is outgoing
    assert time.monotonic() - recording_since >= 0.95
    time.sleep(0.2)  # the file's last frames are still on their way to the callee
    incoming.stop_record()
    outgoing.stop_record()
    recorded_for = time.monotonic() - recording_since

    rate, (heard,) = read_wav(received)
    assert rate == RATE
    # A recording runs on the media clock, a frame per 20 ms, whether anything is heard or not.
    assert abs(len(heard) / RATE - recorded_for) <= 0.1
    tone_heard = loud_part(heard, RATE)
    assert abs(len(tone_heard) / RATE - 1.0) <= 0.06
    assert abs(dominant_frequency(tone_heard, RATE) - 700) <= 10

    rate, (left_received, right_sent) = read_wav(both_ways)
    assert rate == RATE and len(left_received) == len(right_sent)
    assert abs(len(loud_part(right_sent, RATE)) / RATE - 1.0) <= 0.06
    assert peak(left_received) < LOUD  # the callee sends silence


def test_a_looped_file_plays_until_stopped(caller: Peer, callee: Peer, tmp_path: Path) -> None:
    outgoing, incoming = connect(caller, callee)
    recording = tmp_path / "looped.wav"
    incoming.record(recording, sample_rate=RATE)
    outgoing.play(played_file(tmp_path, 0.2), loop=True)
    time.sleep(1.0)
    outgoing.stop_play()
    time.sleep(0.3)
    incoming.stop_record()

    _, (heard,) = read_wav(recording)
    assert abs(len(loud_part(heard, RATE)) / RATE - 1.0) <= 0.1  # five rounds of a 0.2 s file
    assert peak(heard[-int(0.1 * RATE) :]) < LOUD  # silence once stopped
    assert not media_ended(caller, outgoing)


def test_early_media_is_heard_before_the_answer(caller: Peer, callee: Peer, tmp_path: Path) -> None:
    outgoing, incoming = dial(caller, callee)
    next_state(caller, outgoing, CallState.RINGING)
    outgoing.pcm_attach(RATE)
    incoming.play(played_file(tmp_path, 0.2), loop=True)
    time.sleep(0.3)
    assert len(outgoing.pcm_pull(RATE)) == 0  # a plain 180 Ringing: no media yet

    incoming.ring(early_media=True)
    wait_until(lambda: peak(outgoing.pcm_pull(RATE)) > LOUD, "the early media is heard")
    assert outgoing.state == incoming.state == CallState.RINGING
