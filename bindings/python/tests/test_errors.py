"""VoipError: codes, names and messages from the library; misuse caught before it reaches C."""

from __future__ import annotations

import pickle
from typing import Callable

import pytest

from recorder import Recorder
from voipcore import (
    Engine,
    ErrorCode,
    InvalidArgumentError,
    InvalidHandleError,
    ShutdownError,
    VoipError,
)
from voipcore.errors import error_from_code

CLOSED_ENGINE_CALLS: dict[str, Callable[[Engine], object]] = {
    "config": lambda engine: engine.config,
    "post_event": lambda engine: engine.post_event(1),
    "poll_event": lambda engine: engine.poll_event(0),
    "on_event": lambda engine: engine.on_event(Recorder()),
    "on_event(None)": lambda engine: engine.on_event(None),
    "set_log_handler": lambda engine: engine.set_log_handler(Recorder()),
    "listen": lambda engine: engine.listen("udp:127.0.0.1:0"),
    "create_account": lambda engine: engine.create_account(uri="sip:alice@127.0.0.1"),
    "enable_registrar": lambda engine: engine.enable_registrar(),
    "registrar_add_user": lambda engine: engine.registrar_add_user("alice", "pw"),
    "set_credential_lookup": lambda engine: engine.set_credential_lookup(lambda user: None),
    "registrar_bindings": lambda engine: engine.registrar_bindings(),
    "send_options": lambda engine: engine.send_options("sip:127.0.0.1"),
    "send_message": lambda engine: engine.send_message("sip:127.0.0.1", "hi"),
    "call": lambda engine: engine.call("sip:127.0.0.1"),
}


@pytest.mark.parametrize("call", CLOSED_ENGINE_CALLS.values(), ids=CLOSED_ENGINE_CALLS.keys())
def test_a_closed_engine_raises_invalid_handle(call: Callable[[Engine], object]) -> None:
    engine = Engine()
    engine.close()
    with pytest.raises(InvalidHandleError) as raised:
        call(engine)
    assert raised.value.code == -2
    assert raised.value.code_name == "VC_E_INVALID_HANDLE"
    assert "stale" in raised.value.message
    assert str(raised.value) == f"{raised.value.message} (VC_E_INVALID_HANDLE)"


def test_every_code_maps_to_its_own_subclass() -> None:
    for code in ErrorCode:
        if code == ErrorCode.OK:
            continue
        error = error_from_code(code, "why")
        assert isinstance(error, VoipError)
        assert type(error) is not VoipError
        assert error.code_name == f"VC_E_{code.name}"


def test_an_unknown_code_gives_the_base_class() -> None:
    error = error_from_code(-1000, "from a newer library")
    assert type(error) is VoipError
    assert error.code_name == "VC_E_UNKNOWN"


def test_errors_survive_pickling() -> None:
    copy = pickle.loads(pickle.dumps(error_from_code(ErrorCode.SHUTDOWN, "going away")))
    assert isinstance(copy, ShutdownError)
    assert (copy.code, copy.code_name, copy.message) == (-8, "VC_E_SHUTDOWN", "going away")


def test_invalid_argument_is_also_a_value_error() -> None:
    assert issubclass(InvalidArgumentError, ValueError)


def test_detail_must_be_a_json_object(engine: Engine) -> None:
    with pytest.raises(InvalidArgumentError, match="detail_json must be a JSON object"):
        engine.post_event(1, "[1, 2]")
    with pytest.raises(TypeError, match="detail must be"):
        engine.post_event(1, [1, 2])  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [2**63, -(2**63) - 1])
def test_a_value_outside_int64_is_not_truncated(engine: Engine, value: int) -> None:
    with pytest.raises(OverflowError):
        engine.post_event(value)


def test_log_level_out_of_range_is_rejected_by_the_library(engine: Engine) -> None:
    with pytest.raises(InvalidArgumentError, match="level is 7"):
        engine.set_log_handler(Recorder(), 7)  # type: ignore[arg-type]


@pytest.mark.parametrize("timeout", [-0.001, float("nan")])
def test_poll_timeout_must_not_be_negative(engine: Engine, timeout: float) -> None:
    with pytest.raises(ValueError, match="timeout"):
        engine.poll_event(timeout)
