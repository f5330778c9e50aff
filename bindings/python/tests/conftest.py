from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Callable, cast

import pytest

from recorder import Recorder
from sip_peers import REALM, USERS, Peer, open_peer
from voipcore import Account, Engine, Transport


@pytest.fixture
def engine() -> Iterator[Engine]:
    with Engine() as created:
        yield created


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def transport() -> str:
    """The SIP transport of the registrar and phone fixtures; tests parametrize it to change it."""
    return "udp"


@pytest.fixture
def registrar(transport: str) -> Iterator[Peer]:
    """Engine A: a listener and a registrar knowing USERS."""
    with open_peer(transport) as peer:
        peer.engine.enable_registrar(realm=REALM, users=USERS)
        yield peer


@pytest.fixture
def phone(registrar: Peer, transport: str) -> Iterator[Peer]:
    """Engine B: a listener for accounts. Closed before the registrar, so its accounts un-register at once."""
    with open_peer(transport) as peer:
        yield peer


@pytest.fixture
def callee() -> Iterator[Peer]:
    """An engine listening for calls."""
    with open_peer() as peer:
        yield peer


@pytest.fixture
def caller(callee: Peer) -> Iterator[Peer]:
    """An engine that calls the callee (closed first, hanging up its calls)."""
    with open_peer() as peer:
        yield peer


AccountFactory = Callable[..., Account]


@pytest.fixture
def account_at(registrar: Peer, phone: Peer) -> AccountFactory:
    """Creates an account of the phone for sip:<user>@<the registrar>, over the fixtures' transport."""

    def create(user: str = "alice", password: str = USERS["alice"], **settings: Any) -> Account:
        return phone.engine.create_account(
            uri=f"sip:{user}@{registrar.host_port}", password=password, transport=cast(Transport, registrar.transport), **settings
        )

    return create
