"""Engines that talk SIP to each other over loopback, and a log of their events to wait on."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Callable

from recorder import DELIVERY_TIMEOUT
from voipcore import Account, Engine, Event, EventType, RegistrationState

REALM = "pytest"
USERS = {"alice": "secret"}


class EventLog:
    """The on_event handler of one engine: keeps every event, and lets a test take the ones it
    expects in order, each within a bounded wait."""

    def __init__(self, engine: Engine) -> None:
        self.events: list[Event] = []
        self.thread: int | None = None
        self._taken = 0
        self._changed = threading.Condition()
        engine.on_event(self)

    def __call__(self, event: Event) -> None:
        with self._changed:
            self.events.append(event)
            self.thread = threading.get_ident()
            self._changed.notify_all()

    def next(self, matches: Callable[[Event], bool], timeout: float = DELIVERY_TIMEOUT) -> Event:
        """The first event after the last one taken that `matches`; fails the test if none arrives in time."""
        with self._changed:
            found: list[Event] = []

            def arrived() -> bool:
                for index in range(self._taken, len(self.events)):
                    if matches(self.events[index]):
                        self._taken = index + 1
                        found.append(self.events[index])
                        return True
                return False

            if not self._changed.wait_for(arrived, timeout):
                raise AssertionError(f"no matching event within {timeout} s; got {self.events[self._taken:]}")
            return found[0]

    def of_type(self, event_type: EventType) -> list[Event]:
        with self._changed:
            return [event for event in self.events if event.type == event_type]

    def next_registration(self, account: Account) -> Event:
        """The account's next REGISTRATION_STATE event."""
        return self.next(lambda event: event.type == EventType.REGISTRATION_STATE and event.handle == account.handle)

    def registration_outcome(self, account: Account) -> Event:
        """The account's next REGISTRATION_STATE event that ends an attempt (not REGISTERING / UNREGISTERING)."""
        return self.next(
            lambda event: event.handle == account.handle
            and event.registration_state not in (None, RegistrationState.REGISTERING, RegistrationState.UNREGISTERING)
        )

    def next_of_type(self, event_type: EventType) -> Event:
        return self.next(lambda event: event.type == event_type)


@dataclass
class Peer:
    """An engine listening on loopback, with the log of its events."""

    engine: Engine
    events: EventLog
    address: str

    @property
    def host_port(self) -> str:
        """"127.0.0.1:PORT" of the listener."""
        return self.address.split(":", 1)[1]

    @property
    def transport(self) -> str:
        return self.address.split(":", 1)[0]


@contextmanager
def open_peer(transport: str = "udp", config: Mapping[str, Any] | None = None) -> Iterator[Peer]:
    with Engine(config) as engine:
        events = EventLog(engine)
        yield Peer(engine, events, engine.listen(f"{transport}:127.0.0.1:0"))
