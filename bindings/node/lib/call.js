'use strict';

const { native } = require('./library');
const { check } = require('./voip-error');
const { EventType, CallState, CALL_STATE_NAMES, DTMF_METHOD_NAMES, RECORD_MODE_NAMES } = require('./constants');
const { toEnumNumber } = require('./enum-names');
const { toCallStats } = require('./call-stats');
const { EngineObject, EMIT } = require('./engine-object');

// What a call emits each of the engine's call events as (besides 'event').
const CALL_EVENT_NAMES = Object.freeze({
  [EventType.CALL_STATE]: 'state',
  [EventType.CALL_DTMF]: 'dtmf',
  [EventType.CALL_QUALITY]: 'quality',
  [EventType.CALL_QUALITY_WARNING]: 'qualityWarning',
  [EventType.CALL_RTP_TIMEOUT]: 'rtpTimeout',
  [EventType.CALL_MEDIA_ENDED]: 'mediaEnded',
  [EventType.CALL_TRANSFER]: 'transfer',
});

// Listening to any of these on a call counts as listening to the engine's events.
const CALL_LISTENER_NAMES = new Set(['event', 'terminated', ...Object.values(CALL_EVENT_NAMES)]);

const CONSTRUCT = Symbol('voipcore.Call.construct');

/**
 * A call (vc_call_t): made by engine.call(), or carried by the engine's 'callIncoming' event.
 * Every operation returns at once (the library does not wait for the network); progress comes
 * as events. An operation the call's state does not allow throws VC_E_INVALID_STATE with the
 * library's message naming the state; once the call has terminated, every one throws
 * VC_E_INVALID_HANDLE.
 *
 * It re-emits the engine's events about it, after the engine's own listeners: 'state', 'dtmf',
 * 'quality', 'qualityWarning', 'rtpTimeout', 'mediaEnded', each also as 'event', and the
 * terminal 'state' once more as 'terminated'. Listening to a call counts as listening to the
 * engine (its events go to listeners, not to pollEvent()) until the call has terminated.
 */
class Call extends EngineObject {
  #engine;
  #handle;
  #direction;

  /** @internal Use engine.call(), or the engine's 'callIncoming' event. */
  constructor(token, engine, handle, direction, hooks) {
    if (token !== CONSTRUCT) {
      throw new TypeError("voipcore: calls are made with engine.call() or come with the engine's 'callIncoming' event");
    }
    super(CALL_LISTENER_NAMES, hooks);
    this.#engine = engine;
    this.#handle = handle;
    this.#direction = direction;
  }

  /** The call's opaque 64-bit handle (the handle of its events). */
  get handle() {
    return this.#handle;
  }

  /** The engine the call belongs to. */
  get engine() {
    return this.#engine;
  }

  /** 'outgoing' (engine.call()) or 'incoming'. */
  get direction() {
    return this.#direction;
  }

  /** The call's state, a CallState number. */
  get state() {
    const state = [0];
    check(native.vc_call_get_state(this.#handle, state));
    return state[0];
  }

  /** The state's name, as in 'state' events: 'ringing', 'connected', 'on_hold', ... */
  get stateName() {
    return CALL_STATE_NAMES[this.state] ?? 'unknown';
  }

  /** Answers an incoming call that is ringing (200 OK). */
  answer() {
    check(native.vc_call_answer(this.#handle));
  }

  /** Rejects an incoming call with a final status, 300-699 (486 Busy Here, 603 Decline, ...). */
  reject(sipCode) {
    check(native.vc_call_reject(this.#handle, sipCode));
  }

  /** Redirects an incoming call: 302 Moved Temporarily to targetUri. */
  forward(targetUri) {
    check(native.vc_call_forward(this.#handle, targetUri));
  }

  /** Postpones the decision on an incoming call: undecided after timeoutMs (1 ms to 1 h), it is rejected with 480. */
  defer(timeoutMs) {
    check(native.vc_call_defer(this.#handle, timeoutMs));
  }

  /** Sends 180 Ringing, or with earlyMedia a 183 with our SDP: media (e.g. play()) flows before the answer. */
  ring({ earlyMedia = false } = {}) {
    check(native.vc_call_ring(this.#handle, earlyMedia ? 1 : 0));
  }

  /** Ends the call: CANCEL before the answer, BYE after it, 603 Decline for an incoming call not yet answered. */
  hangup() {
    check(native.vc_call_hangup(this.#handle));
  }

  /** Puts a connected call on hold; the state moves to on_hold when the peer agrees. */
  hold() {
    check(native.vc_call_hold(this.#handle));
  }

  /** Takes a call off hold; the state moves to connected when the peer agrees. */
  resume() {
    check(native.vc_call_resume(this.#handle));
  }

  /** Blind transfer: asks the peer to call targetUri; 'transfer' events report progress, the call ends once it is answered. */
  transfer(targetUri) {
    check(native.vc_call_transfer(this.#handle, targetUri));
  }

  /** Attended transfer: asks the peer to take over `consultation` (another connected Call of ours) via Replaces. */
  transferTo(consultation) {
    if (!(consultation instanceof Call)) throw new TypeError('voipcore: transferTo() takes a Call');
    check(native.vc_call_transfer_attended(this.#handle, consultation.handle));
  }

  /** Mutes or unmutes what we send (a muted call keeps sending RTP: silence). */
  setMute(muted) {
    check(native.vc_call_set_mute(this.#handle, muted ? 1 : 0));
  }

  /** Sends DTMF digits (0-9, *, #, A-D) in order; method: a DtmfMethod or 'auto', 'rfc4733', 'info'. */
  sendDtmf(digits, method = 'auto') {
    check(native.vc_call_send_dtmf(this.#handle, digits, toEnumNumber(method, DTMF_METHOD_NAMES, 'DTMF method')));
  }

  /** The call's quality figures now, a plain object. */
  stats() {
    const stats = {};
    native.vc_call_stats_init(stats);
    check(native.vc_call_get_stats(this.#handle, stats));
    return toCallStats(stats);
  }

  /** Plays a WAV file into the call, once ('mediaEnded' when done) or looped; replaces what was playing. */
  play(wavPath, { loop = false } = {}) {
    check(native.vc_call_play(this.#handle, wavPath, loop ? 1 : 0));
  }

  /** Plays a tone ('ringback', 'ringback_eu', 'busy', 'busy_eu', 'call_waiting', 'call_waiting_eu', 'dtmf:DIGITS'), looped by default. */
  playTone(tone, { loop = true } = {}) {
    check(native.vc_call_play_tone(this.#handle, tone, loop ? 1 : 0));
  }

  /** Stops playing: the call sends silence. */
  stopPlay() {
    check(native.vc_call_stop_play(this.#handle));
  }

  /**
   * Records the call to a 16-bit WAV file, replacing (and closing) an earlier recording.
   * mode: a RecordMode or 'received', 'sent', 'mixed' (the default: both directions, mono),
   * 'stereo' (left received, right sent); sampleRate 8000-48000, 0 (the default) for the codec's.
   */
  record(wavPath, { mode = 'mixed', sampleRate = 0 } = {}) {
    const modeNumber = toEnumNumber(mode, RECORD_MODE_NAMES, 'record mode');
    check(native.vc_call_record(this.#handle, wavPath, modeNumber, sampleRate));
  }

  /** Stops recording and closes the file. */
  stopRecord() {
    check(native.vc_call_stop_record(this.#handle));
  }

  /**
   * Exchanges audio with the host from now on, as mono 16-bit samples at sampleRate (8000,
   * 16000 or 48000): the call sends what pcmPush() gives (instead of a player) and keeps what it
   * receives for pcmPull(), up to 200 ms each way (the oldest samples are dropped beyond that).
   */
  pcmAttach(sampleRate) {
    check(native.vc_call_pcm_attach(this.#handle, sampleRate));
  }

  /** Queues samples (an Int16Array) to send; returns how many were taken. */
  pcmPush(samples) {
    if (!(samples instanceof Int16Array)) {
      throw new TypeError('voipcore: samples must be an Int16Array');
    }
    const accepted = [0];
    check(native.vc_call_pcm_push(this.#handle, accepted, samples, samples.length));
    return Number(accepted[0]);
  }

  /** Takes up to maxSamples received samples; returns them as an Int16Array, empty if none are waiting. */
  pcmPull(maxSamples) {
    if (!Number.isInteger(maxSamples) || maxSamples < 1) {
      throw new RangeError('voipcore: maxSamples must be a positive integer');
    }
    const buffer = new Int16Array(maxSamples);
    const count = [0];
    check(native.vc_call_pcm_pull(this.#handle, count, buffer, buffer.length));
    return buffer.subarray(0, Number(count[0]));
  }

  /** @internal */
  [EMIT](event) {
    this.emit('event', event);
    this.emit(CALL_EVENT_NAMES[event.type], event);
    if (event.type === EventType.CALL_STATE && event.state === CallState.TERMINATED) {
      this.emit('terminated', event);
    }
  }
}

module.exports = { Call, CONSTRUCT };
