"""Call: one SIP call of an engine, with its media (WAV player and recorder, PCM ports)."""

from __future__ import annotations

import ctypes
import operator
import os
from array import array
from enum import IntEnum
from typing import Union

from ._json_arg import c_string
from ._native import NativeCallStats, lib
from ._pcm import Samples, int16_array, to_array
from .call_stats import CallStats
from .errors import check
from .events import CallState

StrPath = Union[str, "os.PathLike[str]"]

_INT_BITS = 8 * ctypes.sizeof(ctypes.c_int)


class DtmfMethod(IntEnum):
    """vc_dtmf_method_t: how Call.send_dtmf sends digits."""

    AUTO = 0  # RFC 4733 events when the peer agreed to telephone-event, else SIP INFO
    RFC4733 = 1  # RFC 4733 only: UnsupportedError when telephone-event was not agreed
    INFO = 2  # SIP INFO with application/dtmf-relay


class RecordMode(IntEnum):
    """vc_record_mode_t: what Call.record writes."""

    RECEIVED = 0  # mono: what we receive
    SENT = 1  # mono: what we send
    MIXED = 2  # mono: both directions summed
    STEREO = 3  # left: received, right: sent


class Call:
    """A call; place one with Engine.call(), or take an incoming one from its CALL_INCOMING event
    (event.call, or Engine.find_call(event.handle)).

    Every operation returns at once; progress arrives as CALL_STATE events. An operation the
    state does not allow raises InvalidStateError, whose message names the state. After the
    call's TERMINATED event every method raises InvalidHandleError. Calls are equal when their
    handles are.
    """

    def __init__(self, handle: int) -> None:
        self._handle = handle
        self._muted = False

    @property
    def handle(self) -> int:
        """The library's vc_call_t, as carried by the `handle` of this call's events."""
        return self._handle

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Call) and other._handle == self._handle

    def __hash__(self) -> int:
        return hash(self._handle)

    def __repr__(self) -> str:
        return f"<Call handle=0x{self._handle:016x}>"

    # ------------------------------------------------------------------ deciding on an incoming call

    def answer(self) -> None:
        """Answers an incoming call that is RINGING and not decided on yet (200 OK)."""
        check(lib.vc_call_answer(self._handle))

    def reject(self, code: int = 486) -> None:
        """Rejects an incoming call with a final status 300-699 (486 Busy Here, 603 Decline, ...)."""
        check(lib.vc_call_reject(self._handle, _c_int(code, "code")))

    def forward(self, target_uri: str) -> None:
        """Redirects an incoming call: 302 Moved Temporarily with `target_uri` as Contact."""
        check(lib.vc_call_forward(self._handle, c_string(target_uri, "target_uri")))

    def defer(self, seconds: float) -> None:
        """Postpones the decision; unless decided within `seconds` (0.001 to 3600) the call is
        rejected with 480. Without a deferral, the engine's calls.decision_timeout_s applies."""
        milliseconds = round(seconds * 1000)
        if not 0 <= milliseconds < 2**32:  # else ctypes would silently wrap it
            raise OverflowError(f"{seconds!r} s does not fit vc_call_defer's 32-bit count of milliseconds")
        check(lib.vc_call_defer(self._handle, milliseconds))

    def ring(self, early_media: bool = False) -> None:
        """Sends 180 Ringing, or with early_media a 183 with our SDP, starting media before the
        answer (what play() plays is then heard as early media)."""
        check(lib.vc_call_ring(self._handle, int(early_media)))

    # ------------------------------------------------------------------ during the call

    def hangup(self) -> None:
        """Ends the call: CANCEL before the answer, BYE after it, 603 Decline for an incoming
        call not answered yet. Not allowed once TERMINATING."""
        check(lib.vc_call_hangup(self._handle))

    def hold(self) -> None:
        """Puts a CONNECTED call on hold; the state moves to ON_HOLD when the peer agrees."""
        check(lib.vc_call_hold(self._handle))

    def transfer(self, target_uri: str) -> None:
        """Blind transfer (REFER): asks the peer to call target_uri. CALL_TRANSFER events report the
        progress; the call ends (reason "transferred") once the new call is answered, or returns to
        its earlier state if it fails. Needs CONNECTED or ON_HOLD."""
        check(lib.vc_call_transfer(self._handle, c_string(target_uri, "target_uri")))

    def transfer_to(self, consultation: Call) -> None:
        """Attended transfer: asks the peer to take over `consultation`, another CONNECTED or ON_HOLD
        call of ours, with an INVITE carrying Replaces to its far end."""
        check(lib.vc_call_transfer_attended(self._handle, consultation.handle))

    def resume(self) -> None:
        """Takes an ON_HOLD call off hold; the state moves to CONNECTED when the peer agrees."""
        check(lib.vc_call_resume(self._handle))

    @property
    def muted(self) -> bool:
        """Whether what we send is muted (RTP keeps flowing, carrying silence). Set it to
        mute or unmute; reading gives what was last set through this Call."""
        return self._muted

    @muted.setter
    def muted(self, muted: bool) -> None:
        check(lib.vc_call_set_mute(self._handle, int(muted)))
        self._muted = bool(muted)

    def send_dtmf(self, digits: str, method: DtmfMethod = DtmfMethod.AUTO) -> None:
        """Sends DTMF digits (0-9, *, #, A-D), in order, on a CONNECTED call."""
        check(lib.vc_call_send_dtmf(self._handle, c_string(digits, "digits"), int(method)))

    @property
    def state(self) -> CallState:
        """The call's state now (CALL_STATE events report every change)."""
        state = ctypes.c_int()
        check(lib.vc_call_get_state(self._handle, ctypes.byref(state)))
        return CallState(state.value)

    def stats(self) -> CallStats:
        """The call's quality figures now."""
        native = NativeCallStats()
        lib.vc_call_stats_init(ctypes.byref(native))
        check(lib.vc_call_get_stats(self._handle, ctypes.byref(native)))
        return CallStats.from_native(native)

    # ------------------------------------------------------------------ media: files

    def play(self, wav: StrPath, loop: bool = False) -> None:
        """Plays a WAV file (PCM 8/16-bit or float, mono or stereo, any rate) into the call instead
        of silence, replacing what was playing. A file played once raises CALL_MEDIA_ENDED when
        it ends. Raises InvalidArgumentError for an unreadable file or one that is not a WAV, and
        InvalidStateError before the call has media."""
        check(lib.vc_call_play(self._handle, c_string(os.fspath(wav), "wav"), int(loop)))

    def play_tone(self, tone: str, loop: bool = True) -> None:
        """Plays a tone instead of silence, replacing what was playing: "ringback", "ringback_eu",
        "busy", "busy_eu", "call_waiting", "call_waiting_eu", or "dtmf:DIGITS" (in-band DTMF).
        Raises InvalidArgumentError for an unknown tone."""
        check(lib.vc_call_play_tone(self._handle, c_string(tone, "tone"), int(loop)))

    def stop_play(self) -> None:
        check(lib.vc_call_stop_play(self._handle))

    def record(self, path: StrPath, mode: RecordMode = RecordMode.RECEIVED, sample_rate: int = 0) -> None:
        """Records the call to a 16-bit WAV file at `sample_rate` (8000-48000; 0: the codec's),
        replacing (and closing) an earlier recording. The file is complete after stop_record()
        or the end of the call. Raises VoipIOError when the file cannot be written."""
        encoded = c_string(os.fspath(path), "path")
        check(lib.vc_call_record(self._handle, encoded, int(mode), _c_int(sample_rate, "sample_rate")))

    def stop_record(self) -> None:
        check(lib.vc_call_stop_record(self._handle))

    # ------------------------------------------------------------------ media: PCM ports

    def pcm_attach(self, sample_rate: int) -> None:
        """Lets the host send and receive the call's audio as mono 16-bit samples at
        `sample_rate` (8000, 16000 or 48000) with pcm_push() and pcm_pull(), instead of a player.
        Up to 200 ms are buffered each way; older samples are dropped when the host falls behind."""
        check(lib.vc_call_pcm_attach(self._handle, _c_int(sample_rate, "sample_rate")))

    def pcm_push(self, samples: Samples) -> int:
        """Queues samples to send and returns how many were taken. `samples` are native-endian
        int16: an array('h'), bytes, or any buffer of int16 items such as a numpy int16 array."""
        buffer = int16_array(samples)
        accepted = ctypes.c_size_t()
        check(lib.vc_call_pcm_push(self._handle, ctypes.byref(accepted), buffer, len(buffer)))
        return accepted.value

    def pcm_pull(self, max_samples: int) -> array[int]:
        """Takes up to `max_samples` received samples, as an array('h') (empty when none are
        buffered); result.tobytes() gives them raw, numpy.frombuffer(result, numpy.int16) as an ndarray."""
        if max_samples < 0:
            raise ValueError(f"max_samples must be >= 0, not {max_samples}")
        buffer = (ctypes.c_int16 * max_samples)()
        count = ctypes.c_size_t()
        check(lib.vc_call_pcm_pull(self._handle, ctypes.byref(count), buffer, max_samples))
        return to_array(buffer, count.value)


def _c_int(value: int, what: str) -> int:
    """`value` for a C int parameter. ctypes would silently wrap one out of range into one the
    library accepts (2**32 + 486 into 486); in range, the library judges it and names its limits."""
    if not -(2 ** (_INT_BITS - 1)) <= operator.index(value) < 2 ** (_INT_BITS - 1):
        raise OverflowError(f"{what} {value} does not fit in a C int")
    return value
