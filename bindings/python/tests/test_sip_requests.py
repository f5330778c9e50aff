"""OPTIONS and MESSAGE from one engine to another over loopback."""

from __future__ import annotations

import socket

import pytest

from conftest import AccountFactory
from sip_peers import Peer
from voipcore import EventType, InvalidArgumentError, InvalidHandleError


def test_options_is_answered_200_and_reported_with_its_request_id(registrar: Peer, phone: Peer) -> None:
    target = f"sip:{registrar.host_port}"
    request_id = phone.engine.send_options(target)
    result = phone.events.next_of_type(EventType.REQUEST_RESULT)
    assert (result.status_code, result.value, result.request_id, result.value2) == (200, 200, request_id, request_id)
    assert result.handle == 0
    assert result.detail == {"method": "OPTIONS", "uri": target, "code": 200, "reason": "OK"}
    assert (result.registration_state, result.binding_action, result.text) == (None, None, None)


def test_request_ids_tell_results_apart(registrar: Peer, phone: Peer) -> None:
    ids = [phone.engine.send_options(f"sip:{registrar.host_port}") for _ in range(5)]
    assert len(set(ids)) == 5 and all(request_id > 0 for request_id in ids)
    results = [phone.events.next_of_type(EventType.REQUEST_RESULT) for _ in ids]
    assert sorted(result.request_id or 0 for result in results) == sorted(ids)
    assert {result.status_code for result in results} == {200}


@pytest.mark.parametrize("transport", ["udp", "tcp"])
def test_options_from_an_account_carries_its_handle(registrar: Peer, phone: Peer, account_at: AccountFactory) -> None:
    account = account_at()
    request_id = phone.engine.send_options(f"sip:{registrar.host_port}", account=account)
    result = phone.events.next_of_type(EventType.REQUEST_RESULT)
    assert (result.request_id, result.status_code, result.handle) == (request_id, 200, account.handle)
    assert phone.engine.find_account(result.handle) is account


def test_a_message_reaches_the_other_engine(registrar: Peer, phone: Peer, account_at: AccountFactory) -> None:
    account = account_at()
    target = f"sip:bob@{registrar.host_port}"
    text = "hello ☎ — ça va?"
    request_id = phone.engine.send_message(target, text, account=account)

    received = registrar.events.next_of_type(EventType.MESSAGE_RECEIVED)
    assert (received.text, received.value) == (text, len(text.encode()))
    assert received.detail is not None
    assert received.detail == {**received.detail, "to": f"<{target}>", "content_type": "text/plain", "body": text, "source": phone.address}
    assert received.detail["from"].startswith(f"<{account.uri}>")

    result = phone.events.next_of_type(EventType.REQUEST_RESULT)
    assert (result.request_id, result.status_code, result.handle) == (request_id, 200, account.handle)
    assert result.detail == {"method": "MESSAGE", "uri": target, "code": 200, "reason": "OK"}


def test_an_anonymous_message_with_its_own_content_type(registrar: Peer, phone: Peer) -> None:
    request_id = phone.engine.send_message(f"sip:bob@{registrar.host_port}", '{"n": 1}', content_type="application/json")
    received = registrar.events.next_of_type(EventType.MESSAGE_RECEIVED)
    assert received.detail is not None and (received.detail["content_type"], received.text) == ("application/json", '{"n": 1}')
    assert phone.events.next_of_type(EventType.REQUEST_RESULT).request_id == request_id


def test_an_empty_message(registrar: Peer, phone: Peer) -> None:
    phone.engine.send_message(f"sip:bob@{registrar.host_port}", "")
    received = registrar.events.next_of_type(EventType.MESSAGE_RECEIVED)
    assert (received.text, received.value) == ("", 0)


@pytest.mark.parametrize("tcp_listener", [False, True], ids=["udp listener only", "with a tcp listener"])
def test_a_request_nobody_takes_gets_a_local_503(phone: Peer, tcp_listener: bool) -> None:
    if tcp_listener:
        phone.engine.listen("tcp:127.0.0.1:0")
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    request_id = phone.engine.send_options(f"sip:127.0.0.1:{port};transport=tcp")
    result = phone.events.next_of_type(EventType.REQUEST_RESULT)
    assert (result.request_id, result.status_code) == (request_id, 503)


def test_sending_from_a_closed_account_raises_invalid_handle(registrar: Peer, phone: Peer, account_at: AccountFactory) -> None:
    account = account_at()
    account.close()
    with pytest.raises(InvalidHandleError):
        phone.engine.send_options(f"sip:{registrar.host_port}", account=account)
    with pytest.raises(InvalidHandleError):
        phone.engine.send_message(f"sip:{registrar.host_port}", "hi", account=account)


def test_an_account_must_be_an_account(phone: Peer) -> None:
    with pytest.raises(TypeError, match="account must be an Account"):
        phone.engine.send_options("sip:127.0.0.1", account=5)  # type: ignore[arg-type]


@pytest.mark.parametrize("target", ["", "http://example.com", "alice"])
def test_a_target_that_is_not_a_sip_uri_is_rejected(phone: Peer, target: str) -> None:
    with pytest.raises(InvalidArgumentError):
        phone.engine.send_options(target)


def test_a_request_that_cannot_be_sent_is_reported_with_status_0(phone: Peer) -> None:
    # The phone listens on IPv4 only, so nothing can carry a request to an IPv6 target.
    request_id = phone.engine.send_options("sip:bob@[::1]:5060")
    result = phone.events.next_of_type(EventType.REQUEST_RESULT)
    assert (result.request_id, result.status_code) == (request_id, 0)
    assert result.detail is not None and "listener" in result.detail["reason"]
