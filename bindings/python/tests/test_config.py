"""Engine configuration: defaults, overrides, and rejection of bad values naming the key."""

from __future__ import annotations

import json
from typing import Any

import pytest

import voipcore
from voipcore import Engine, InvalidArgumentError, VoipError

# The "sip" section as include/voipcore.h documents it for vc_engine_create.
SIP_DEFAULTS: dict[str, Any] = {
    "listen": [],
    "t1_ms": 500,
    "t2_ms": 4000,
    "t4_ms": 5000,
    "max_message_size": 65535,
    "idle_timeout_s": 300,
    "keepalive_s": 90,
    "tls": {"certificate": None, "private_key": None, "ca_file": None, "verify_peer": True},
}
# The "media" and "calls" sections, likewise.
MEDIA_DEFAULTS: dict[str, Any] = {
    "rtp_port_min": 20000,
    "rtp_port_max": 29999,
    "codecs": ["opus", "g722", "pcmu", "pcma"],
    "opus_bitrate": 32000,
    "opus_fec": True,
    "opus_dtx": False,
    "rtp_timeout_s": 30,
    "hangup_on_rtp_timeout": False,
    "quality_interval_s": 5,
    "jitter_min_ms": 20,
    "jitter_max_ms": 300,
}
CALLS_DEFAULTS: dict[str, Any] = {
    "decision_timeout_s": 60,
    "auto_ringing": True,
    "ring_timeout_s": 120,
    "session_expires_s": 1800,
}
DEFAULTS: dict[str, Any] = {
    "log_level": "warning",
    "user_agent": f"libvoipcore/{voipcore.version()}",
    "event_queue_capacity": 65536,
    "sip": SIP_DEFAULTS,
    "media": MEDIA_DEFAULTS,
    "calls": CALLS_DEFAULTS,
}


@pytest.mark.parametrize("config", [None, {}, "{}"])
def test_no_overrides_gives_the_defaults(config: Any) -> None:
    with Engine(config) as engine:
        assert engine.config == DEFAULTS


def test_overrides_are_merged_with_the_defaults() -> None:
    with Engine({"user_agent": "pytest ☎ é", "event_queue_capacity": 16}) as engine:
        assert engine.config == {**DEFAULTS, "user_agent": "pytest ☎ é", "event_queue_capacity": 16}


def test_a_json_string_is_the_same_as_a_mapping() -> None:
    overrides = {"log_level": "debug", "event_queue_capacity": 1048576}
    with Engine(json.dumps(overrides)) as from_string, Engine(overrides) as from_mapping:
        assert from_string.config == from_mapping.config == {**DEFAULTS, **overrides}


def test_sip_overrides_are_merged_into_the_sip_defaults() -> None:
    with Engine({"sip": {"t1_ms": 100, "tls": {"verify_peer": False}}}) as engine:
        assert engine.config["sip"] == {**SIP_DEFAULTS, "t1_ms": 100, "tls": {**SIP_DEFAULTS["tls"], "verify_peer": False}}


def test_media_and_calls_overrides_are_merged_into_their_defaults() -> None:
    with Engine({"media": {"codecs": ["pcma"], "quality_interval_s": 0}, "calls": {"auto_ringing": False}}) as engine:
        assert engine.config["media"] == {**MEDIA_DEFAULTS, "codecs": ["pcma"], "quality_interval_s": 0}
        assert engine.config["calls"] == {**CALLS_DEFAULTS, "auto_ringing": False}


def test_listeners_can_be_opened_at_creation() -> None:
    with Engine({"sip": {"listen": ["udp:127.0.0.1:0"]}}) as engine:
        assert engine.config["sip"]["listen"] == ["udp:127.0.0.1:0"]


@pytest.mark.parametrize(
    ("config", "key"),
    [
        ({"bogus": 1}, "bogus"),
        ('{"user_agent": "x", "user_agent": "y"}', "user_agent"),
        ('{"sip": {"t1_ms": 100, "t1_ms": 200}}', "sip.t1_ms"),
        ({"sip": {"t1_ms": 5}}, "sip.t1_ms"),
        ({"sip": {"listen": ["bogus"]}}, "bogus"),
        ({"sip": {"tls": {"certificate": "/x.pem"}}}, "sip.tls.certificate"),
        ('{"user_agent": "x", "bogus": true}', "bogus"),
        ({"event_queue_capacity": "big"}, "event_queue_capacity"),
        ({"user_agent": 5}, "user_agent"),
        ({"user_agent": None}, "user_agent"),
        ({"event_queue_capacity": 15}, "event_queue_capacity"),
        ({"event_queue_capacity": 1048577}, "event_queue_capacity"),
        ({"log_level": "loud"}, "log_level"),
        ({"media": {"codecs": ["mp3"]}}, "media.codecs"),
        ({"calls": {"ring_timeout_s": -1}}, "calls.ring_timeout_s"),
    ],
)
def test_bad_config_is_rejected_naming_the_key(config: Any, key: str) -> None:
    with pytest.raises(VoipError) as raised:
        Engine(config)
    assert raised.value.code == -1
    assert raised.value.code_name == "VC_E_INVALID_ARG"
    assert f"'{key}'" in raised.value.message
    assert isinstance(raised.value, InvalidArgumentError)


@pytest.mark.parametrize("config", ["", "{", "[]", "null", '{"user_agent": "x"} trailing'])
def test_config_that_is_not_one_json_object_is_rejected(config: str) -> None:
    with pytest.raises(InvalidArgumentError) as raised:
        Engine(config)
    assert raised.value.code == -1
    assert raised.value.message.startswith("config:")


def test_config_of_another_python_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="config must be"):
        Engine(["user_agent", "x"])  # type: ignore[arg-type]
