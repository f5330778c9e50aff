"""Calls used wrongly: operations their state forbids, dead calls, and arguments caught before C."""

from __future__ import annotations

from array import array
from typing import Callable

import pytest

from call_peers import connect, dial, next_state
from sip_peers import Peer
from voipcore import (
    Call,
    CallState,
    InvalidArgumentError,
    InvalidHandleError,
    InvalidStateError,
    RecordMode,
)

Operation = Callable[[Call], object]

RINGING_FORBIDS: dict[str, Operation] = {
    "hold": Call.hold,
    "resume": Call.resume,
    "send_dtmf": lambda call: call.send_dtmf("1"),
}
CONNECTED_FORBIDS: dict[str, Operation] = {
    "answer": Call.answer,
    "reject": Call.reject,
    "forward": lambda call: call.forward("sip:carol@127.0.0.1"),
    "defer": lambda call: call.defer(1),
    "ring": Call.ring,
    "resume": Call.resume,
}
EVERY_OPERATION: dict[str, Operation] = {
    **RINGING_FORBIDS,
    **CONNECTED_FORBIDS,
    "hangup": Call.hangup,
    "state": lambda call: call.state,
    "stats": Call.stats,
    "mute": lambda call: setattr(call, "muted", True),
    "play": lambda call: call.play("/nonexistent.wav"),
    "stop_play": Call.stop_play,
    "record": lambda call: call.record("/tmp/never.wav"),
    "stop_record": Call.stop_record,
    "pcm_attach": lambda call: call.pcm_attach(16000),
    "pcm_push": lambda call: call.pcm_push(bytes(320)),
    "pcm_pull": lambda call: call.pcm_pull(160),
}


@pytest.mark.parametrize("operation", RINGING_FORBIDS.values(), ids=RINGING_FORBIDS.keys())
def test_a_ringing_call_refuses_what_needs_an_answer_naming_its_state(
    caller: Peer, callee: Peer, operation: Operation
) -> None:
    _, incoming = dial(caller, callee)
    with pytest.raises(InvalidStateError, match="in state Ringing"):
        operation(incoming)
    assert incoming.state == CallState.RINGING


@pytest.mark.parametrize("operation", CONNECTED_FORBIDS.values(), ids=CONNECTED_FORBIDS.keys())
def test_a_connected_call_refuses_what_only_comes_before_naming_its_state(
    caller: Peer, callee: Peer, operation: Operation
) -> None:
    _, incoming = connect(caller, callee)
    with pytest.raises(InvalidStateError, match="in state Connected"):
        operation(incoming)


def test_only_an_incoming_call_can_be_answered(caller: Peer, callee: Peer) -> None:
    outgoing, _ = dial(caller, callee)
    with pytest.raises(InvalidStateError, match="only an incoming call"):
        outgoing.answer()


def test_a_terminated_call_raises_invalid_handle_for_everything(caller: Peer, callee: Peer) -> None:
    outgoing, incoming = connect(caller, callee)
    outgoing.hangup()
    next_state(caller, outgoing, CallState.TERMINATED)
    next_state(callee, incoming, CallState.TERMINATED)
    for name, operation in EVERY_OPERATION.items():
        for call in (outgoing, incoming):
            with pytest.raises(InvalidHandleError, match="stale") as raised:
                operation(call)
            assert raised.value.code_name == "VC_E_INVALID_HANDLE", name


@pytest.mark.parametrize(
    ("operation", "names"),
    [
        (lambda call: call.reject(200), "300-699"),
        (lambda call: call.defer(0), "1 ms"),
        (lambda call: call.defer(3601), "1 hour"),
    ],
    ids=["reject(200)", "defer(0)", "defer(3601)"],
)
def test_the_library_judges_values_in_range(caller: Peer, callee: Peer, operation: Operation, names: str) -> None:
    _, incoming = dial(caller, callee)
    with pytest.raises(InvalidArgumentError, match=names):
        operation(incoming)


@pytest.mark.parametrize(
    ("operation", "names"),
    [
        (lambda call: call.pcm_attach(11025), "8000, 16000 or 48000"),
        (lambda call: call.record("/tmp/x.wav", RecordMode.MIXED, 4000), "8000-48000"),
        (lambda call: call.play(__file__), "not a PCM WAV"),
    ],
    ids=["pcm_attach", "record", "play"],
)
def test_media_arguments_are_judged_by_the_library(
    caller: Peer, callee: Peer, operation: Operation, names: str
) -> None:
    outgoing, _ = connect(caller, callee)
    with pytest.raises(InvalidArgumentError, match=names):
        operation(outgoing)


def test_a_call_target_or_codec_the_library_cannot_use_is_refused(caller: Peer) -> None:
    with pytest.raises(InvalidArgumentError, match="not a sip: or sips: URI"):
        caller.engine.call("mailto:bob@127.0.0.1")
    with pytest.raises(InvalidArgumentError, match="X Bad"):
        caller.engine.call("sip:bob@127.0.0.1", headers={"X Bad": "1"})
    with pytest.raises(InvalidArgumentError, match="unknown codec 'mp3'"):
        caller.engine.call("sip:bob@127.0.0.1", codecs=["mp3"])
    with pytest.raises(InvalidArgumentError, match="the codec list is empty"):
        caller.engine.call("sip:bob@127.0.0.1", codecs=[])
    assert caller.engine.calls == []


# Caught in Python: ctypes would silently wrap these into values the library accepts, or
# reinterpret the buffer.
DEAD = Call(0)


@pytest.mark.parametrize(
    ("operation", "error"),
    [
        (lambda: DEAD.reject(2**32 + 486), OverflowError),
        (lambda: DEAD.defer(-1), OverflowError),
        (lambda: DEAD.defer(2**32), OverflowError),
        (lambda: DEAD.pcm_attach(2**32 + 16000), OverflowError),
        (lambda: DEAD.record("/tmp/x.wav", sample_rate=2**32), OverflowError),
        (lambda: DEAD.pcm_pull(-1), ValueError),
        (lambda: DEAD.pcm_push(b"\x00\x01\x02"), ValueError),
        (lambda: DEAD.pcm_push(array("f", [0.5])), TypeError),  # type: ignore[arg-type]
        (lambda: DEAD.send_dtmf("1\x002"), ValueError),
        (lambda: DEAD.play(b"/x.wav"), TypeError),  # type: ignore[arg-type]
    ],
    ids=[
        "reject code", "negative defer", "long defer", "pcm rate", "record rate", "pull count",
        "odd bytes", "float samples", "NUL in digits", "bytes path",
    ],
)
def test_arguments_a_c_call_would_mangle_raise_in_python(
    operation: Callable[[], object], error: type[Exception]
) -> None:
    with pytest.raises(error):
        operation()
