"""Engine: the root object of libvoipcore, with its configuration, events, logs, accounts and calls."""

from __future__ import annotations

import ctypes
import json
import logging
import math
import operator
import threading
import time
import weakref
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TypedDict

from ._call_table import CallTable
from ._callbacks import CredentialLookup, NativeCallbacks
from ._json_arg import JsonObjectArg, c_string, encode_json_object, merge_json_object
from ._native import NO_CREDENTIAL_FN, NO_EVENT_FN, NO_LOG_FN, NativeEvent, lib
from .account import Account, Transport
from .call import Call
from .errors import ErrorCode, InvalidHandleError, ShutdownError, check
from .events import Event, EventHandler
from .logs import LogHandler, LogLevel, logging_handler
from ._closing import ClosesOnExit

# A wait is cut into native polls no longer than this: a signal such as Ctrl-C is only handled
# between two foreign calls, so an unbounded native wait would make the process deaf to it.
_WAIT_SLICE_SECONDS = 0.25

_INT64_MIN = -(2**63)
_INT64_MAX = 2**63 - 1


class RegistrarBinding(TypedDict):
    """One binding of Engine.registrar_bindings() (a plain dict at run time)."""

    aor: str
    contact: str
    expires: int
    source: str
    call_id: str
    cseq: int


class Engine(ClosesOnExit):
    """A libvoipcore engine. Engines share nothing; close each one (or use `with`).

    `config` is None for the defaults, or overrides as a mapping or a JSON string, e.g.
    {"log_level": "debug", "user_agent": "my-app", "event_queue_capacity": 1024,
    "sip": {"listen": ["udp:127.0.0.1:5060"], "t1_ms": 500}} (see vc_engine_create in the header).
    Unknown or repeated keys, wrong types and out-of-range values raise InvalidArgumentError
    naming the key.
    """

    def __init__(self, config: JsonObjectArg = None) -> None:
        handle = ctypes.c_uint64()
        check(lib.vc_engine_create(ctypes.byref(handle), encode_json_object(config, "config")))
        self._handle = handle.value
        self._callbacks = NativeCallbacks()
        self._accounts: dict[int, Account] = {}
        self._accounts_lock = threading.Lock()
        self._calls = CallTable()
        # Runs at most once: from close(), or when a forgotten engine is collected or Python exits.
        self._destroy = weakref.finalize(self, _destroy_engine, self._handle, self._callbacks)

    def close(self) -> None:
        """Destroys the engine; later calls do nothing.

        Un-registers the engine's registered accounts first (waiting up to about 3 s for the
        registrar), then closes its listeners and destroys its accounts. Hangs up its calls,
        whose methods then raise InvalidHandleError. Waits for a callback running on the dispatch
        thread to return. Called from inside one of this engine's callbacks, it returns at once
        and the engine stops when that callback returns. Either way no callback runs afterwards,
        and the other methods raise InvalidHandleError.
        """
        self._destroy()
        with self._accounts_lock:
            self._accounts.clear()
        self._calls.clear()

    @property
    def closed(self) -> bool:
        return not self._destroy.alive

    def __repr__(self) -> str:
        return f"<Engine handle=0x{self._handle:016x}{' closed' if self.closed else ''}>"

    @property
    def config(self) -> dict[str, Any]:
        """The effective configuration: the defaults merged with the overrides given at creation."""
        text = ctypes.c_void_p()
        check(lib.vc_engine_get_config(self._handle, ctypes.byref(text)))
        config: dict[str, Any] = json.loads(_take_text(text))
        return config

    def post_event(self, value: int, detail: JsonObjectArg = None) -> None:
        """Queues a USER event carrying `value` (an int64) and an optional detail JSON object."""
        if not _INT64_MIN <= operator.index(value) <= _INT64_MAX:
            # ctypes would silently truncate it.
            raise OverflowError(f"event value {value} does not fit in a signed 64-bit integer")
        check(lib.vc_engine_post_event(self._handle, value, encode_json_object(detail, "detail")))

    def on_event(self, handler: EventHandler | None) -> None:
        """Sends every event to `handler` on the engine's dispatch thread, starting with the ones
        already queued; None stops that and queues events for poll_event() again.

        An exception raised by `handler` is logged to the "voipcore" logger and does not stop
        later events.
        """
        native = NO_EVENT_FN if handler is None else self._callbacks.event_fn(_tracking_calls(handler, self._calls))
        check(lib.vc_engine_set_event_callback(self._handle, native, None))

    def poll_event(self, timeout: float | None = None) -> Event | None:
        """Takes the oldest queued event, waiting up to `timeout` seconds (None: no limit).

        Returns None when no event arrived in time. Events are queued only while no on_event()
        handler is set. Raises ShutdownError if the engine is closed while waiting.
        """
        deadline = None if timeout is None else time.monotonic() + _non_negative(timeout)
        while True:
            remaining = _WAIT_SLICE_SECONDS if deadline is None else max(0.0, deadline - time.monotonic())
            event = self._poll_once(min(remaining, _WAIT_SLICE_SECONDS))
            if event is not None or (deadline is not None and time.monotonic() >= deadline):
                return event

    def events(self, timeout: float | None = None) -> Iterator[Event]:
        """Yields polled events until one poll waits `timeout` seconds in vain or the engine closes."""
        while True:
            try:
                event = self.poll_event(timeout)
            except (ShutdownError, InvalidHandleError):
                if self.closed:
                    return
                raise
            if event is None:
                return
            yield event

    def set_log_handler(self, handler: LogHandler | None, level: LogLevel = LogLevel.INFO) -> None:
        """Sends log records of `level` and above to `handler(level, category, message)` on the
        dispatch thread, in order with events; None removes the handler. Records below `level`
        are not produced at all.
        """
        native = NO_LOG_FN if handler is None else self._callbacks.log_fn(handler)
        check(lib.vc_set_log_callback(self._handle, int(level), native, None))

    def forward_logs_to(self, logger: logging.Logger, level: LogLevel | None = None) -> None:
        """Writes the engine's log records to children of `logger` named after their category
        (e.g. "voipcore.engine"). `level` defaults to what `logger` is currently enabled for.
        """
        if level is None:
            level = LogLevel.from_python(logger.getEffectiveLevel())
        self.set_log_handler(logging_handler(logger), level)

    # ------------------------------------------------------------------ SIP transports

    def listen(self, address: str) -> str:
        """Opens a SIP listener and returns the address actually bound, in the same form.

        `address` is "udp:IP:PORT", "tcp:...", "tls:...", "ws:..." or "wss:...", IPv6 as
        "udp:[::1]:5060"; port 0 picks a free port, e.g. listen("udp:127.0.0.1:0") ->
        "udp:127.0.0.1:40211". TLS and WSS need "sip.tls.certificate" and "sip.tls.private_key" in
        the engine's config. Raises InvalidArgumentError for a malformed address, VoipIOError when
        it is in use or cannot be bound.
        """
        bound = ctypes.c_void_p()
        check(lib.vc_engine_listen(self._handle, ctypes.byref(bound), c_string(address, "address")))
        return _take_text(bound)

    # ------------------------------------------------------------------ accounts

    def create_account(
        self,
        config: JsonObjectArg = None,
        /,
        *,
        uri: str | None = None,
        password: str | None = None,
        ha1: str | None = None,
        username: str | None = None,
        display_name: str | None = None,
        registrar: str | None = None,
        proxy: str | None = None,
        transport: Transport | None = None,
        expires: int | None = None,
        keepalive_s: int | None = None,
    ) -> Account:
        """Creates an account (a SIP identity with credentials); it does not register until register().

        Give the vc_account_create JSON keys as keyword arguments, as a mapping or JSON string in
        `config`, or both (keywords add to a mapping; a key may not be given twice):

        - uri: our address-of-record, "sip:alice@example.com" (required);
        - password, or ha1 (H(user:realm:password) in hex, MD5 or SHA-256);
        - username: the digest user when not the URI's user part; display_name;
        - registrar: URI (default: the URI's domain); proxy: outbound proxy for every request;
        - transport: "udp", "tcp", "tls", "ws" or "wss" (default: from the URIs, else UDP);
        - expires: seconds asked for (default 600); keepalive_s: OPTIONS to the proxy or registrar
          this often, reported as KEEPALIVE events (default 0, off).

        Raises InvalidArgumentError for a bad key or value, InvalidHandleError if the engine is closed.
        """
        keywords = {
            "uri": uri, "password": password, "ha1": ha1, "username": username, "display_name": display_name,
            "registrar": registrar, "proxy": proxy, "transport": transport, "expires": expires,
            "keepalive_s": keepalive_s,
        }
        encoded = merge_json_object(config, "account config", keywords)
        handle = ctypes.c_uint64()
        check(lib.vc_account_create(ctypes.byref(handle), self._handle, encoded))
        account = Account(self, handle.value, _uri_of(encoded))
        with self._accounts_lock:
            self._accounts[account.handle] = account
        return account

    @property
    def accounts(self) -> list[Account]:
        """The accounts created on this engine and not closed yet."""
        with self._accounts_lock:
            return list(self._accounts.values())

    def find_account(self, handle: int) -> Account | None:
        """The open account with this handle (e.g. an event's `handle`), or None."""
        with self._accounts_lock:
            return self._accounts.get(handle)

    def _forget_account(self, account: Account) -> None:
        with self._accounts_lock:
            self._accounts.pop(account.handle, None)

    # ------------------------------------------------------------------ calls

    def call(
        self,
        target_uri: str,
        account: Account | None = None,
        codecs: Sequence[str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Call:
        """Places a call to `target_uri` (sip: or sips:) and returns it at once.

        It goes from `account` (its identity, outbound proxy and credentials) or, without one,
        from the engine's own address. `codecs` overrides the engine's media.codecs preference
        for this call (e.g. ["pcmu"]); `headers` are added to the INVITE ({"X-Name": "value"}).
        Progress arrives as CALL_STATE events: DIALING, RINGING, CONNECTED or TERMINATED.
        Raises InvalidArgumentError for a bad URI, codec or header, UnsupportedError when no
        usable codec is left.
        """
        options = merge_json_object(
            None,
            "call options",
            {"codecs": None if codecs is None else list(codecs), "headers": None if headers is None else dict(headers)},
        )
        engine, target, from_account = self._handle, c_string(target_uri, "target_uri"), _account_handle(account)

        def make(out: ctypes.c_uint64) -> int:
            code: int = lib.vc_call_make(ctypes.byref(out), engine, from_account, target, options)
            return code

        return self._calls.add_made(make)

    @property
    def calls(self) -> list[Call]:
        """The calls placed or announced (CALL_INCOMING) and not TERMINATED yet, as far as the
        events handed out so far tell."""
        return self._calls.live()

    def find_call(self, handle: int) -> Call | None:
        """The live call with this handle (e.g. an event's `handle`), or None; see `calls`."""
        return self._calls.find(handle)

    # ------------------------------------------------------------------ registrar

    def enable_registrar(
        self,
        config: JsonObjectArg = None,
        /,
        *,
        realm: str | None = None,
        users: Mapping[str, str] | None = None,
        min_expires: int | None = None,
        default_expires: int | None = None,
        max_expires: int | None = None,
        algorithms: Iterable[str] | None = None,
    ) -> None:
        """Serves REGISTER on this engine's listeners with digest authentication.

        Replaces any earlier registrar configuration and its bindings, and with them the
        credential lookup: set_credential_lookup() again after re-enabling. Keywords (or the same
        keys in `config`): realm (default "voipcore"), users {"alice": "secret"}, min_expires
        (60), default_expires (3600), max_expires (7200), algorithms offered in order
        (["SHA-256", "MD5"]). Each binding change is reported as a REGISTRAR_BINDING event.
        """
        keywords = {
            "realm": realm,
            "users": None if users is None else dict(users),
            "min_expires": min_expires,
            "default_expires": default_expires,
            "max_expires": max_expires,
            "algorithms": None if algorithms is None else list(algorithms),
        }
        check(lib.vc_registrar_enable(self._handle, merge_json_object(config, "registrar config", keywords)))
        self._callbacks.forget_credential_lookup()

    def registrar_add_user(self, user: str, password: str) -> None:
        """Adds or replaces a registrar user. Raises InvalidStateError before enable_registrar()."""
        check(lib.vc_registrar_add_user(self._handle, c_string(user, "user"), c_string(password, "password")))

    def set_credential_lookup(self, lookup: CredentialLookup | None) -> None:
        """Asks `lookup(user)` for the password of a user the registrar's users do not have.

        It returns the password (at most 255 bytes in UTF-8), or None for an unknown user (the
        REGISTER is refused with 403). Unlike other handlers it runs on SIP worker threads, possibly
        several at once, while a REGISTER waits: keep it quick and thread-safe. An exception it
        raises is logged to the "voipcore" logger and the user is treated as unknown. None removes
        the lookup. Raises InvalidStateError before enable_registrar().
        """
        engine = self._handle

        def install(fn: ctypes._FuncPointer | None, key: int | None) -> int:
            code: int = lib.vc_registrar_set_credential_callback(engine, NO_CREDENTIAL_FN if fn is None else fn, key)
            return code

        check(self._callbacks.set_credential_lookup(lookup, install))

    def registrar_bindings(self) -> list[RegistrarBinding]:
        """The registrar's current bindings, as dicts with "aor", "contact", "expires" (seconds
        left), "source", "call_id" and "cseq". Raises InvalidStateError before enable_registrar()."""
        text = ctypes.c_void_p()
        check(lib.vc_registrar_list_bindings(self._handle, ctypes.byref(text)))
        bindings: list[RegistrarBinding] = json.loads(_take_text(text))
        return bindings

    # ------------------------------------------------------------------ OPTIONS and MESSAGE

    def send_options(self, target: str, account: Account | None = None) -> int:
        """Sends OPTIONS to the SIP URI `target`, from `account` (its identity, proxy and
        credentials) or anonymously. Returns the request id at once; the answer arrives as a
        REQUEST_RESULT event whose request_id (value2) is that id and status_code (value) the
        final status.
        """
        request_id = ctypes.c_uint64()
        check(lib.vc_sip_send_options(self._handle, ctypes.byref(request_id), _account_handle(account),
                                      c_string(target, "target")))
        return request_id.value

    def send_message(
        self, target: str, text: str, content_type: str = "text/plain", account: Account | None = None
    ) -> int:
        """Sends a MESSAGE (RFC 3428) carrying `text` as a body of `content_type`; otherwise as
        send_options(). The receiving engine raises a MESSAGE_RECEIVED event.
        """
        request_id = ctypes.c_uint64()
        check(lib.vc_sip_send_message(self._handle, ctypes.byref(request_id), _account_handle(account),
                                      c_string(target, "target"), c_string(content_type, "content_type"),
                                      c_string(text, "text")))
        return request_id.value

    def _poll_once(self, seconds: float) -> Event | None:
        native = NativeEvent()
        code = lib.vc_engine_poll_event(self._handle, ctypes.byref(native), math.ceil(seconds * 1000))
        if code == ErrorCode.TIMEOUT:
            return None
        check(code)
        return self._calls.track(Event.from_native(native))


def _take_text(text: ctypes.c_void_p) -> str:
    """Decodes a string the library allocated for us, then frees it."""
    try:
        return ctypes.string_at(text).decode()
    finally:
        lib.vc_free(text)


def _account_handle(account: Account | None) -> int:
    if account is None:
        return 0
    if not isinstance(account, Account):
        raise TypeError(f"account must be an Account or None, not {type(account).__name__}")
    return account.handle


def _uri_of(config: bytes | None) -> str | None:
    """The "uri" of an account config the library accepted (for repr)."""
    try:
        uri = json.loads(config or b"").get("uri")
    except (ValueError, AttributeError):
        return None
    return uri if isinstance(uri, str) else None


def _tracking_calls(handler: EventHandler, calls: CallTable) -> EventHandler:
    """`handler` behind the call table. It must not refer to the engine (see CallTable)."""
    return lambda event: handler(calls.track(event))


def _destroy_engine(handle: int, callbacks: NativeCallbacks) -> None:
    check(lib.vc_engine_destroy(handle))
    callbacks.release()


def _non_negative(timeout: float) -> float:
    if not timeout >= 0:  # also rejects NaN
        raise ValueError(f"timeout must be None or a number of seconds >= 0, not {timeout!r}")
    return timeout
