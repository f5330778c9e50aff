"""Accounts registering with a registrar on another engine, over loopback UDP and TCP."""

from __future__ import annotations

import ctypes
import gc
import logging
import socket
import threading
import time
import weakref
from typing import Any

import pytest

from conftest import AccountFactory
from sip_peers import REALM, USERS, Peer
from voipcore import (
    BindingAction,
    Engine,
    ErrorCode,
    EventType,
    InvalidHandleError,
    RegistrationState,
)
from voipcore._native import lib


@pytest.mark.parametrize("transport", ["udp", "tcp"])
def test_register_then_unregister(registrar: Peer, phone: Peer, account_at: AccountFactory, transport: str) -> None:
    account = account_at()
    assert account.state == RegistrationState.IDLE
    account.register()

    registering = phone.events.next_registration(account)
    registered = phone.events.next_registration(account)
    assert (registering.registration_state, registering.status_code) == (RegistrationState.REGISTERING, 0)
    assert (registered.registration_state, registered.value, registered.value2) == (RegistrationState.REGISTERED, 2, 200)
    assert registered.status_code == 200
    contact = registered.detail and registered.detail["contact"]
    assert isinstance(contact, str) and contact.startswith(f"sip:alice@{phone.host_port}")
    assert registered.detail == {
        "state": "registered", "code": 200, "reason": "OK", "expires": 600, "aor": account.uri, "contact": contact,
    }
    assert account.state == RegistrationState.REGISTERED
    assert phone.engine.find_account(registered.handle) is account

    added = registrar.events.next_of_type(EventType.REGISTRAR_BINDING)
    assert (added.binding_action, added.value, added.handle) == (BindingAction.ADDED, 0, 0)
    source = added.detail and added.detail["source"]
    # Over UDP the phone sends from its listener; over TCP from the connection's own port.
    assert source == phone.address if transport == "udp" else str(source).startswith("tcp:127.0.0.1:")
    assert added.detail == {"action": "added", "aor": "alice", "contact": contact, "expires": 600, "source": source}
    [binding] = registrar.engine.registrar_bindings()
    assert binding == {**binding, "aor": "alice", "contact": contact, "source": source}
    assert 590 <= binding["expires"] <= 600
    assert isinstance(binding["call_id"], str) and binding["call_id"]
    assert isinstance(binding["cseq"], int)

    account.unregister()
    unregistering = phone.events.next_registration(account)
    unregistered = phone.events.next_registration(account)
    assert (unregistering.registration_state, unregistering.status_code) == (RegistrationState.UNREGISTERING, 0)
    assert (unregistered.registration_state, unregistered.status_code) == (RegistrationState.UNREGISTERED, 200)
    assert account.state == RegistrationState.UNREGISTERED
    removed = registrar.events.next_of_type(EventType.REGISTRAR_BINDING)
    assert removed.binding_action == BindingAction.REMOVED
    assert removed.detail == {"action": "removed", "aor": "alice", "contact": contact, "expires": 0, "source": source}
    assert registrar.engine.registrar_bindings() == []


def test_a_wrong_password_fails_with_403(registrar: Peer, phone: Peer, account_at: AccountFactory) -> None:
    account = account_at(password="not the secret")
    account.register()
    assert phone.events.next_registration(account).registration_state == RegistrationState.REGISTERING
    failed = phone.events.next_registration(account)
    assert (failed.registration_state, failed.status_code) == (RegistrationState.FAILED, 403)
    assert failed.detail is not None and (failed.detail["state"], failed.detail["code"]) == ("failed", 403)
    assert account.state == RegistrationState.FAILED
    assert registrar.engine.registrar_bindings() == []
    assert registrar.events.of_type(EventType.REGISTRAR_BINDING) == []


def test_an_unknown_user_fails_with_403(phone: Peer, account_at: AccountFactory) -> None:
    account = account_at(user="mallory", password="guess")
    account.register()
    assert phone.events.registration_outcome(account).status_code == 403


def test_a_refresh_keeps_the_binding(registrar: Peer, phone: Peer, account_at: AccountFactory) -> None:
    account = account_at()
    account.register()
    assert phone.events.registration_outcome(account).registration_state == RegistrationState.REGISTERED
    account.register()
    assert phone.events.registration_outcome(account).registration_state == RegistrationState.REGISTERED
    added = registrar.events.next_of_type(EventType.REGISTRAR_BINDING)
    refreshed = registrar.events.next_of_type(EventType.REGISTRAR_BINDING)
    assert (added.binding_action, refreshed.binding_action) == (BindingAction.ADDED, BindingAction.REFRESHED)
    assert refreshed.detail is not None and refreshed.detail["action"] == "refreshed"
    assert len(registrar.engine.registrar_bindings()) == 1


def test_an_expiry_below_the_minimum_is_raised_to_it(registrar: Peer, phone: Peer, account_at: AccountFactory) -> None:
    registrar.engine.enable_registrar(realm=REALM, users=USERS, min_expires=120)
    account = account_at(expires=30)
    account.register()
    registered = phone.events.registration_outcome(account)
    assert (registered.registration_state, registered.detail and registered.detail["expires"]) == (RegistrationState.REGISTERED, 120)


def test_users_can_be_added_after_enabling(registrar: Peer, phone: Peer, account_at: AccountFactory) -> None:
    registrar.engine.registrar_add_user("dave", "dave's ☎ password")
    account = account_at(user="dave", password="dave's ☎ password")
    account.register()
    assert phone.events.registration_outcome(account).status_code == 200
    assert [binding["aor"] for binding in registrar.engine.registrar_bindings()] == ["dave"]


class Lookup:
    """A credential lookup that records who asked, on which thread, and answers from a dict."""

    def __init__(self, passwords: dict[str, Any], fail: BaseException | None = None) -> None:
        self.passwords = passwords
        self.fail = fail
        self.asked: list[tuple[str, int]] = []

    def __call__(self, user: str) -> Any:
        self.asked.append((user, threading.get_ident()))
        if self.fail is not None:
            raise self.fail
        return self.passwords.get(user)


def test_the_credential_lookup_answers_for_users_the_registrar_does_not_have(
    registrar: Peer, phone: Peer, account_at: AccountFactory
) -> None:
    lookup = Lookup({"carol": "carol's secret"})
    registrar.engine.set_credential_lookup(lookup)
    carol = account_at(user="carol", password="carol's secret")
    carol.register()
    assert phone.events.registration_outcome(carol).status_code == 200
    alice = account_at()
    alice.register()
    assert phone.events.registration_outcome(alice).status_code == 200
    assert sorted(binding["aor"] for binding in registrar.engine.registrar_bindings()) == ["alice", "carol"]
    # Only users the configuration lacks are looked up, on a SIP worker thread.
    assert {user for user, _ in lookup.asked} == {"carol"}
    assert not {thread for _, thread in lookup.asked} & {threading.get_ident(), registrar.events.thread}


@pytest.mark.parametrize(
    ("lookup", "logged"),
    [
        (Lookup({}, fail=RuntimeError("directory unreachable")), "directory unreachable"),
        (Lookup({}, fail=KeyboardInterrupt()), "KeyboardInterrupt"),
        (Lookup({"carol": 42}), "must return a str or None, not int"),
        (Lookup({"carol": "x" * 256}), "at most 255"),
        (Lookup({"carol": "nul\0inside"}), "NUL"),
        (Lookup({}), None),
    ],
    ids=["raises", "interrupted", "not a str", "too long", "nul", "unknown"],
)
def test_a_lookup_without_a_usable_password_makes_an_unknown_user(
    registrar: Peer, phone: Peer, account_at: AccountFactory, caplog: pytest.LogCaptureFixture,
    lookup: Lookup, logged: str | None,
) -> None:
    registrar.engine.set_credential_lookup(lookup)
    carol = account_at(user="carol", password="x" * 256)
    with caplog.at_level(logging.ERROR, logger="voipcore"):
        carol.register()
        failed = phone.events.registration_outcome(carol)
    assert (failed.registration_state, failed.status_code) == (RegistrationState.FAILED, 403)
    assert [user for user, _ in lookup.asked] == ["carol"]
    reports = [record for record in caplog.records if record.name == "voipcore"]
    if logged is None:
        assert reports == []
    else:
        [report] = reports
        assert "credential lookup for user 'carol'" in report.getMessage()
        assert report.exc_info is not None
        assert logged in f"{report.exc_info[0].__name__ if report.exc_info[0] else ''} {report.exc_info[1]}"


def test_removing_the_lookup_makes_its_users_unknown(registrar: Peer, phone: Peer, account_at: AccountFactory) -> None:
    lookup = Lookup({"carol": "pw"})
    registrar.engine.set_credential_lookup(lookup)
    registrar.engine.set_credential_lookup(None)
    carol = account_at(user="carol", password="pw")
    carol.register()
    assert phone.events.registration_outcome(carol).status_code == 403
    assert lookup.asked == []


def test_a_replaced_lookup_is_no_longer_asked(registrar: Peer, phone: Peer, account_at: AccountFactory) -> None:
    first, second = Lookup({"carol": "pw"}), Lookup({"carol": "pw"})
    registrar.engine.set_credential_lookup(first)
    registrar.engine.set_credential_lookup(second)
    carol = account_at(user="carol", password="pw")
    carol.register()
    assert phone.events.registration_outcome(carol).status_code == 200
    assert (first.asked, [user for user, _ in second.asked]) == ([], ["carol"])


def test_re_enabling_the_registrar_drops_its_bindings_and_lookup(
    registrar: Peer, phone: Peer, account_at: AccountFactory
) -> None:
    lookup = Lookup({"carol": "pw"})
    registrar.engine.set_credential_lookup(lookup)
    alice = account_at()
    alice.register()
    assert phone.events.registration_outcome(alice).status_code == 200
    registrar.engine.enable_registrar(realm=REALM, users=USERS)
    assert registrar.engine.registrar_bindings() == []
    carol = account_at(user="carol", password="pw")
    carol.register()
    assert phone.events.registration_outcome(carol).status_code == 403
    assert lookup.asked == []


def test_a_registered_account_registers_again_after_a_registrar_restart(
    registrar: Peer, phone: Peer, account_at: AccountFactory
) -> None:
    account = account_at()
    account.register()
    assert phone.events.registration_outcome(account).status_code == 200
    registrar.engine.enable_registrar(realm=REALM, users=USERS)
    account.register()
    outcome = phone.events.registration_outcome(account)
    assert (outcome.registration_state, outcome.status_code) == (RegistrationState.REGISTERED, 200)


def test_closing_a_registered_account_unregisters_it(registrar: Peer, phone: Peer, account_at: AccountFactory) -> None:
    account = account_at()
    account.register()
    assert phone.events.registration_outcome(account).status_code == 200
    with account:
        pass
    assert account.closed
    assert phone.engine.find_account(account.handle) is None and phone.engine.accounts == []
    assert registrar.events.next_of_type(EventType.REGISTRAR_BINDING).binding_action == BindingAction.ADDED
    assert registrar.events.next_of_type(EventType.REGISTRAR_BINDING).binding_action == BindingAction.REMOVED
    assert registrar.engine.registrar_bindings() == []
    account.close()


def test_a_closed_account_is_gone_at_once(phone: Peer) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as silent:  # a registrar that never answers
        silent.bind(("127.0.0.1", 0))
        account = phone.engine.create_account(uri=f"sip:alice@127.0.0.1:{silent.getsockname()[1]}", password="pw")
        account.register()
        assert phone.events.next_registration(account).registration_state == RegistrationState.REGISTERING
        account.close()
        time.sleep(0.2)
        with pytest.raises(InvalidHandleError):
            account.state  # noqa: B018


def test_closing_the_engine_unregisters_its_accounts(registrar: Peer, phone: Peer, account_at: AccountFactory) -> None:
    registrar.engine.registrar_add_user("dave", "pw")
    accounts = [account_at(), account_at(user="dave", password="pw")]
    for account in accounts:
        account.register()
        assert phone.events.registration_outcome(account).status_code == 200
    assert len(registrar.engine.registrar_bindings()) == 2
    phone.engine.close()
    assert all(account.closed for account in accounts)
    assert phone.engine.accounts == [] and phone.engine.find_account(accounts[0].handle) is None
    removed = [registrar.events.next_of_type(EventType.REGISTRAR_BINDING) for _ in range(4)][2:]
    assert {event.binding_action for event in removed} == {BindingAction.REMOVED}
    assert registrar.engine.registrar_bindings() == []
    for account in accounts:
        account.close()  # the account went with its engine: nothing left to do, and no error
    with pytest.raises(InvalidHandleError):
        accounts[0].register()


def test_an_account_keepalive_reports_each_answer(registrar: Peer, phone: Peer, account_at: AccountFactory) -> None:
    account = account_at(keepalive_s=1)
    keepalive = phone.events.next_of_type(EventType.KEEPALIVE)
    assert (keepalive.handle, keepalive.status_code, keepalive.value) == (account.handle, 200, 200)
    assert keepalive.detail == {"method": "OPTIONS", "uri": f"sip:{registrar.host_port}", "code": 200, "reason": "OK"}
    assert (keepalive.registration_state, keepalive.request_id, keepalive.text) == (None, None, None)


def test_an_account_of_a_forgotten_engine_goes_with_it() -> None:
    engine = Engine()
    account = engine.create_account(uri="sip:alice@127.0.0.1:5060")
    handle, collected = account.handle, weakref.ref(engine)
    del engine, account
    gc.collect()
    assert collected() is None
    assert lib.vc_account_get_state(handle, ctypes.byref(ctypes.c_int())) == ErrorCode.INVALID_HANDLE
