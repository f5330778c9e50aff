"""Bad arguments and misuse of the SIP API: rejected with the right error, before or by the library."""

from __future__ import annotations

import json
import socket
from typing import Any, Callable

import pytest

from voipcore import (
    Account,
    Engine,
    InvalidArgumentError,
    InvalidHandleError,
    InvalidStateError,
    RegistrationState,
    VoipIOError,
)
from voipcore._callbacks import _credential_lookups


@pytest.mark.parametrize(
    "address",
    ["bogus", "udp", "udp:127.0.0.1", "udp:127.0.0.1:99999", "sctp:127.0.0.1:0", "udp:localhost:0", "udp:[::1:0", ""],
)
def test_a_malformed_listen_address_is_an_invalid_argument(engine: Engine, address: str) -> None:
    with pytest.raises(InvalidArgumentError) as raised:
        engine.listen(address)
    assert f"listen address '{address}'" in raised.value.message


def test_listen_returns_the_port_it_picked(engine: Engine) -> None:
    bound = engine.listen("udp:127.0.0.1:0")
    protocol, host, port = bound.split(":")
    assert (protocol, host) == ("udp", "127.0.0.1") and 0 < int(port) < 65536
    assert engine.listen("tcp:127.0.0.1:0").startswith("tcp:127.0.0.1:")


def test_a_udp_address_in_use_is_an_io_error(engine: Engine) -> None:
    with pytest.raises(VoipIOError, match="in use"):
        engine.listen(engine.listen("udp:127.0.0.1:0"))


def test_a_tcp_address_in_use_is_an_io_error(engine: Engine) -> None:
    with pytest.raises(VoipIOError):
        engine.listen(engine.listen("tcp:127.0.0.1:0"))


def test_a_tcp_port_held_by_another_socket_is_an_io_error(engine: Engine) -> None:
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        with pytest.raises(VoipIOError, match="in use"):
            engine.listen(f"tcp:127.0.0.1:{held.getsockname()[1]}")


def test_tls_without_a_certificate_is_an_invalid_argument(engine: Engine) -> None:
    with pytest.raises(InvalidArgumentError):
        engine.listen("tls:127.0.0.1:0")


STRING_ARGUMENTS: dict[str, Callable[[Engine], object]] = {
    "listen": lambda engine: engine.listen("udp:127.0.0.1:0\0junk"),
    "registrar_add_user": lambda engine: engine.registrar_add_user("al\0ice", "pw"),
    "send_options": lambda engine: engine.send_options("sip:127.0.0.1\0"),
    "send_message text": lambda engine: engine.send_message("sip:127.0.0.1", "cut\0short"),
    "send_message content_type": lambda engine: engine.send_message("sip:127.0.0.1", "x", content_type="text/\0"),
}


@pytest.mark.parametrize("call", STRING_ARGUMENTS.values(), ids=STRING_ARGUMENTS.keys())
def test_a_nul_inside_a_string_is_refused_before_it_is_cut_short(engine: Engine, call: Callable[[Engine], object]) -> None:
    with pytest.raises(ValueError, match="NUL"):
        call(engine)


def test_a_string_argument_must_be_a_str(engine: Engine) -> None:
    with pytest.raises(TypeError, match="address must be a str"):
        engine.listen(b"udp:127.0.0.1:0")  # type: ignore[arg-type]


def test_an_account_of_a_closed_engine_is_an_invalid_handle() -> None:
    engine = Engine()
    engine.close()
    with pytest.raises(InvalidHandleError) as raised:
        engine.create_account(uri="sip:alice@127.0.0.1")
    assert "stale" in raised.value.message


@pytest.mark.parametrize(
    ("config", "key"),
    [
        ({}, "uri"),
        ({"uri": "alice@example.com"}, "uri"),
        ({"uri": "sip:example.com"}, "uri"),
        ({"uri": "sip:alice@example.com", "transport": "sctp"}, "transport"),
        ({"uri": "sip:alice@example.com", "expires": -1}, "expires"),
        ({"uri": "sip:alice@example.com", "expires": "600"}, "expires"),
        ({"uri": "sip:alice@example.com", "bogus": 1}, "bogus"),
        ('{"uri": "sip:a@example.com", "uri": "sip:b@example.com"}', "uri"),
    ],
)
def test_a_bad_account_config_is_rejected_naming_the_key(engine: Engine, config: Any, key: str) -> None:
    with pytest.raises(InvalidArgumentError) as raised:
        engine.create_account(config)
    assert f"key '{key}'" in raised.value.message
    assert engine.accounts == []


def test_password_and_ha1_exclude_each_other(engine: Engine) -> None:
    with pytest.raises(InvalidArgumentError, match="'password' or 'ha1'"):
        engine.create_account(uri="sip:alice@example.com", password="pw", ha1="0" * 32)


def test_account_config_as_mapping_json_or_keywords(engine: Engine) -> None:
    settings: dict[str, Any] = {"uri": "sip:alice@example.com", "password": "pw", "expires": 0}
    accounts = [
        engine.create_account(settings),
        engine.create_account(json.dumps(settings)),
        engine.create_account(**settings),
        engine.create_account({"uri": "sip:alice@example.com"}, password="pw", expires=0),
    ]
    assert [account.uri for account in accounts] == ["sip:alice@example.com"] * 4
    assert engine.accounts == accounts
    assert all(account.state == RegistrationState.IDLE for account in accounts)
    assert len({account.handle for account in accounts}) == 4
    assert repr(accounts[0]) == f"<Account handle=0x{accounts[0].handle:016x} uri='sip:alice@example.com'>"


def test_a_key_given_twice_is_a_type_error(engine: Engine) -> None:
    with pytest.raises(TypeError, match="'uri' given both"):
        engine.create_account({"uri": "sip:alice@example.com"}, uri="sip:bob@example.com")
    with pytest.raises(TypeError, match="JSON string or keyword arguments"):
        engine.create_account('{"uri": "sip:alice@example.com"}', password="pw")
    with pytest.raises(TypeError, match="'realm' given both"):
        engine.enable_registrar({"realm": "a"}, realm="b")
    with pytest.raises(TypeError, match="must be a mapping"):
        engine.create_account(["uri"], password="pw")  # type: ignore[arg-type]


def test_a_closed_account_raises_invalid_handle_and_closes_once(engine: Engine) -> None:
    account = engine.create_account(uri="sip:alice@127.0.0.1")
    account.close()
    account.close()
    assert account.closed and engine.accounts == [] and engine.find_account(account.handle) is None
    assert repr(account).endswith(" closed>")
    calls: list[Callable[[], object]] = [account.register, account.unregister, lambda: account.state]
    for call in calls:
        with pytest.raises(InvalidHandleError):
            call()


def test_an_account_closes_quietly_after_its_engine(engine: Engine) -> None:
    with engine.create_account(uri="sip:alice@127.0.0.1") as account:
        engine.close()
        assert account.closed
    with pytest.raises(InvalidHandleError):
        account.register()


REGISTRAR_CALLS: dict[str, Callable[[Engine], object]] = {
    "registrar_add_user": lambda engine: engine.registrar_add_user("alice", "pw"),
    "set_credential_lookup": lambda engine: engine.set_credential_lookup(lambda user: None),
    "set_credential_lookup(None)": lambda engine: engine.set_credential_lookup(None),
    "registrar_bindings": lambda engine: engine.registrar_bindings(),
}


@pytest.mark.parametrize("call", REGISTRAR_CALLS.values(), ids=REGISTRAR_CALLS.keys())
def test_registrar_calls_before_enable_are_an_invalid_state(engine: Engine, call: Callable[[Engine], object]) -> None:
    with pytest.raises(InvalidStateError, match="registrar is not enabled"):
        call(engine)
    # A lookup the library refused is not kept either.
    assert engine._callbacks._credential_key not in _credential_lookups


@pytest.mark.parametrize(
    ("config", "key"),
    [
        ({"algorithms": ["SHA-1"]}, "algorithms"),
        ({"algorithms": []}, "algorithms"),
        ({"realm": 5}, "realm"),
        ({"users": {"alice": 5}}, "users"),
        ({"bogus": True}, "bogus"),
        ('{"realm": "a", "realm": "b"}', "realm"),
    ],
)
def test_a_bad_registrar_config_is_rejected_naming_the_key(engine: Engine, config: Any, key: str) -> None:
    with pytest.raises(InvalidArgumentError, match=f"key '{key}"):
        engine.enable_registrar(config)
    with pytest.raises(InvalidStateError):
        engine.registrar_bindings()


def test_registrar_expiries_must_be_ordered(engine: Engine) -> None:
    with pytest.raises(InvalidArgumentError, match="min_expires <= default_expires <= max_expires"):
        engine.enable_registrar(min_expires=100, default_expires=50)


def test_an_empty_registrar_user_is_an_invalid_argument(engine: Engine) -> None:
    engine.enable_registrar()
    with pytest.raises(InvalidArgumentError, match="user must not be empty"):
        engine.registrar_add_user("", "pw")
    assert engine.registrar_bindings() == []


def test_the_lookup_leaves_with_its_engine() -> None:
    engine = Engine()
    engine.enable_registrar()
    engine.set_credential_lookup(lambda user: None)
    key = engine._callbacks._credential_key
    assert key in _credential_lookups
    engine.close()
    assert key not in _credential_lookups


def test_accounts_are_listed_by_their_engine_only(engine: Engine) -> None:
    with Engine() as other:
        mine, theirs = engine.create_account(uri="sip:a@127.0.0.1"), other.create_account(uri="sip:b@127.0.0.1")
        assert (engine.accounts, other.accounts) == ([mine], [theirs])
        assert engine.find_account(theirs.handle) is None
        assert isinstance(mine, Account) and mine.engine is engine
