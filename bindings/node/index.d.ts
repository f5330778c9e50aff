import { EventEmitter } from 'node:events';

/** vc_error_t: the codes a failed vc_ call returns. */
export declare const ErrorCode: Readonly<{
  OK: 0;
  INVALID_ARG: -1;
  INVALID_HANDLE: -2;
  INVALID_STATE: -3;
  NOT_FOUND: -4;
  TIMEOUT: -5;
  IO: -6;
  UNSUPPORTED: -7;
  SHUTDOWN: -8;
  INTERNAL: -9;
}>;

/** vc_event_type_t. */
export declare const EventType: Readonly<{
  NONE: 0;
  ENGINE_STARTED: 1;
  USER: 2;
  EVENTS_DROPPED: 3;
  REGISTRATION_STATE: 10;
  REGISTRAR_BINDING: 11;
  REQUEST_RESULT: 12;
  MESSAGE_RECEIVED: 13;
  KEEPALIVE: 14;
  CALL_INCOMING: 20;
  CALL_STATE: 21;
  CALL_DTMF: 22;
  CALL_QUALITY: 23;
  CALL_QUALITY_WARNING: 24;
  CALL_RTP_TIMEOUT: 25;
  CALL_MEDIA_ENDED: 26;
  CALL_TRANSFER: 27;
}>;

/** vc_log_level_t. */
export declare const LogLevel: Readonly<{
  DEBUG: 0;
  INFO: 1;
  WARNING: 2;
  ERROR: 3;
  OFF: 4;
}>;

/** vc_registration_state_t. FAILED is retried with exponential backoff (2 s doubling, 5 min at most). */
export declare const RegistrationState: Readonly<{
  IDLE: 0;
  REGISTERING: 1;
  REGISTERED: 2;
  UNREGISTERING: 3;
  UNREGISTERED: 4;
  FAILED: 5;
}>;

/** vc_binding_action_t, the value of a 'registrarBinding' event. */
export declare const BindingAction: Readonly<{
  ADDED: 0;
  REFRESHED: 1;
  REMOVED: 2;
  EXPIRED: 3;
}>;

/** vc_call_state_t. */
export declare const CallState: Readonly<{
  /** Created, nothing sent yet. */
  INITIALIZING: 0;
  /** Outgoing: INVITE sent. */
  DIALING: 1;
  /** Outgoing: the far end rings; incoming: waiting for a decision. */
  RINGING: 2;
  CONNECTED: 3;
  /** We put it on hold (the peer holding us shows as remoteHold). */
  ON_HOLD: 4;
  TRANSFERRING: 5;
  /** Our BYE or CANCEL is out. */
  TERMINATING: 6;
  TERMINATED: 7;
}>;

/** vc_dtmf_method_t: how Call.sendDtmf() sends digits. */
export declare const DtmfMethod: Readonly<{
  /** RFC 4733 events when the peer agreed to telephone-event, else INFO. */
  AUTO: 0;
  /** RFC 4733 only: VC_E_UNSUPPORTED when telephone-event was not agreed. */
  RFC4733: 1;
  /** SIP INFO with application/dtmf-relay. */
  INFO: 2;
}>;

/** vc_record_mode_t: what Call.record() writes. */
export declare const RecordMode: Readonly<{
  /** Mono: what we receive. */
  RECEIVED: 0;
  /** Mono: what we send. */
  SENT: 1;
  /** Mono: both directions summed. */
  MIXED: 2;
  /** Left: received, right: sent. */
  STEREO: 3;
}>;

export type LogLevelName = 'debug' | 'info' | 'warning' | 'error' | 'off';

export type RegistrationStateName = 'idle' | 'registering' | 'registered' | 'unregistering' | 'unregistered' | 'failed';

/** A CallState's name, as the library writes it in 'state' events. */
export type CallStateName =
  | 'initializing'
  | 'dialing'
  | 'ringing'
  | 'connected'
  | 'on_hold'
  | 'transferring'
  | 'terminating'
  | 'terminated';

export type DtmfMethodName = 'auto' | 'rfc4733' | 'info';

export type RecordModeName = 'received' | 'sent' | 'mixed' | 'stereo';

/** The event names besides 'event'; 'unknown' for a type this binding does not know yet. */
export type EventTypeName =
  | 'engineStarted'
  | 'user'
  | 'eventsDropped'
  | 'registrationState'
  | 'registrarBinding'
  | 'requestResult'
  | 'messageReceived'
  | 'keepalive'
  | 'callIncoming'
  | 'callState'
  | 'callDtmf'
  | 'callQuality'
  | 'callQualityWarning'
  | 'callRtpTimeout'
  | 'callMediaEnded'
  | 'unknown';

/** A failed vc_ call. */
export declare class VoipError extends Error {
  readonly name: 'VoipError';
  /** The vc_error_t code, e.g. -2. */
  readonly code: number;
  /** Its constant name from vc_strerror(), e.g. 'VC_E_INVALID_HANDLE'. */
  readonly codeName: string;
  /** "<codeName>: <vc_last_error() message>". */
  readonly message: string;
}

/** The engine configuration (the library's JSON names); every key is optional when creating an engine. */
export interface EngineConfig {
  /** The built-in log to standard error, used until setLogLevel() is first called. Default 'warning'. */
  log_level?: LogLevelName;
  user_agent?: string;
  /** 16..1048576: polled events kept before the oldest are dropped. */
  event_queue_capacity?: number;
  sip?: {
    /** Listeners opened at start, e.g. ['udp:127.0.0.1:5060']; see Engine.listen(). */
    listen?: string[];
    /** RFC 3261 timers; all others derive from them. */
    t1_ms?: number;
    t2_ms?: number;
    t4_ms?: number;
    /** Larger messages get 513. */
    max_message_size?: number;
    /** Idle TCP/TLS/WS connections are closed after this. */
    idle_timeout_s?: number;
    /** Double-CRLF pings on idle connections we opened (RFC 5626); 0 = off. Newer libraries only. */
    keepalive_s?: number;
    tls?: {
      certificate?: string | null;
      private_key?: string | null;
      ca_file?: string | null;
      verify_peer?: boolean;
    };
  };
  media?: {
    /** RTP on even ports, RTCP on the next odd one. Defaults 20000 and 29999. */
    rtp_port_min?: number;
    rtp_port_max?: number;
    /** Preference order (default ['opus', 'g722', 'pcmu', 'pcma']); telephone-event is added. */
    codecs?: Array<'opus' | 'g722' | 'pcmu' | 'pcma'>;
    opus_bitrate?: number;
    opus_fec?: boolean;
    opus_dtx?: boolean;
    /** 'rtpTimeout' after this long without RTP on a receiving call; 0 = off. Default 30. */
    rtp_timeout_s?: number;
    hangup_on_rtp_timeout?: boolean;
    /** The 'quality' event period; 0 = off. Default 5. */
    quality_interval_s?: number;
    /** Adaptive jitter buffer bounds. Defaults 20 and 300. */
    jitter_min_ms?: number;
    jitter_max_ms?: number;
  };
  calls?: {
    /** An incoming call nobody decides on is rejected with 480 after this long. Default 60. */
    decision_timeout_s?: number;
    /** Send 180 Ringing when a call is offered. Default true. */
    auto_ringing?: boolean;
    /** An outgoing call ringing this long is cancelled; 0 = never. Default 120. */
    ring_timeout_s?: number;
  };
}

/**
 * An account's configuration. Keys are given in camelCase (sent in the library's snake_case),
 * or in snake_case; JSON text is passed as is.
 */
export interface AccountConfig {
  /** Our address-of-record, e.g. 'sip:alice@example.com'. Required. */
  uri: string;
  displayName?: string;
  /** The digest user, when it is not the URI's user part. */
  username?: string;
  password?: string;
  /** H(user:realm:password) in hex, MD5 or SHA-256, instead of password. */
  ha1?: string;
  /** Default: the URI's domain. */
  registrar?: string;
  /** Outbound proxy for every request. */
  proxy?: string;
  /** Default: from the URIs, else UDP. */
  transport?: 'udp' | 'tcp' | 'tls' | 'ws' | 'wss';
  /** Registration expiry to ask for, in seconds (default 600). */
  expires?: number;
  /** OPTIONS keep-alive to the proxy/registrar every this many seconds; 0 (default) = off. */
  keepaliveS?: number;
  [key: string]: unknown;
}

/** A registrar's configuration, camelCase (or snake_case) as for AccountConfig. */
export interface RegistrarConfig {
  /** Default 'voipcore'. */
  realm?: string;
  /** Defaults 60, 3600 and 7200 s. */
  minExpires?: number;
  defaultExpires?: number;
  maxExpires?: number;
  /** Digest algorithms offered, in this order (RFC 8760), e.g. ['SHA-256', 'MD5']. */
  algorithms?: Array<'SHA-256' | 'MD5' | string>;
  /** user name -> password. */
  users?: Record<string, string>;
  [key: string]: unknown;
}

/** A registrar binding, as listed by registrarBindings(). */
export interface RegistrarBinding {
  aor: string;
  contact: string;
  /** Seconds left. */
  expires: number;
  /** Where the REGISTER came from, e.g. 'udp:127.0.0.1:5070'. */
  source: string;
  callId: string;
  cseq: number;
}

/** A copy of a vc_event_t; fields that do not apply to its type are 0 / null. */
export interface VoipEvent {
  type: number;
  typeName: EventTypeName;
  /** 1, 2, 3, ... per engine, in delivery order. */
  sequence: number;
  /** The object concerned (account, call, ...), 0n if none. */
  handle: bigint;
  /** A second object, 0n if none. */
  related: bigint;
  /** A number when it is a safe integer, otherwise a bigint. */
  value: number | bigint;
  /** A number when it is a safe integer, otherwise a bigint. */
  value2: number | bigint;
  /** The parsed detail_json object, or null. */
  detail: Record<string, unknown> | null;
}

/** An account's registration changed. handle: the account. */
export interface RegistrationStateEvent extends VoipEvent {
  typeName: 'registrationState';
  /** A RegistrationState (= value). */
  state: number;
  stateName: RegistrationStateName;
  /** The SIP status that caused it, 0 if none (= value2). */
  code: number;
  reason: string;
  expires: number;
  /** Our address-of-record. */
  aor: string | null;
  contact: string | null;
}

/** The registrar added, refreshed, removed or expired a binding. */
export interface RegistrarBindingEvent extends VoipEvent {
  typeName: 'registrarBinding';
  /** A BindingAction (= value). */
  action: number;
  actionName: 'added' | 'refreshed' | 'removed' | 'expired' | string;
  aor: string | null;
  contact: string | null;
  expires: number;
  source: string | null;
}

/** A request sent with sendOptions()/sendMessage() finished. handle: the account, or 0n. */
export interface RequestResultEvent extends VoipEvent {
  typeName: 'requestResult';
  /** What sendOptions()/sendMessage() returned (= value2). */
  requestId: number | bigint;
  /** Final SIP status (= value): 408 timeout and 503 transport failure are made up locally; 0 if it could not be sent. */
  code: number;
  method: 'OPTIONS' | 'MESSAGE' | string | null;
  uri: string | null;
  reason: string;
}

/** A MESSAGE arrived (and was answered 200). value: the body's length in bytes. */
export interface MessageReceivedEvent extends VoipEvent {
  typeName: 'messageReceived';
  from: string | null;
  to: string | null;
  contentType: string | null;
  body: string;
  source: string | null;
}

/** An account's OPTIONS keep-alive got an answer, or none (408). handle: the account. */
export interface KeepaliveEvent extends VoipEvent {
  typeName: 'keepalive';
  /** The SIP status (= value). */
  code: number;
  method: string | null;
  uri: string | null;
  reason: string;
}

/**
 * A call's quality figures (call.stats(), and the stats of call events). Loss, jitter and
 * packetsDropped are about what we receive.
 */
export interface CallStats {
  /** 'PCMU', 'PCMA', 'G722', 'opus'; '' before the codec was agreed. */
  codec: string;
  packetsSent: number;
  bytesSent: number;
  packetsReceived: number;
  bytesReceived: number;
  packetsLost: number;
  /** Bad header, unexpected source or payload type. */
  packetsDropped: number;
  lossPercent: number;
  jitterMs: number;
  /** null until RTCP has measured it. */
  rttMs: number | null;
  /** ITU-T G.107 E-model estimate, 1.0-4.5; 0 before media flowed. */
  mos: number;
  jitterBufferMs: number;
  /** Seconds since the answer: in call.stats() only (events carry durationS of their own). */
  durationS?: number;
}

/** A call in the engine's events: handle is the call, related its account (0n if none). */
export interface CallEventBase extends VoipEvent {
  /** The call concerned; null only if its 'callIncoming' event never came (dropped from a full poll queue). */
  call: Call | null;
}

/** A call arrived and waits for a decision: answer(), reject(), forward(), defer(), ring(). */
export interface CallIncomingEvent extends CallEventBase {
  typeName: 'callIncoming';
  /** The new incoming call. */
  call: Call;
  from: string | null;
  to: string | null;
  callId: string | null;
  /** Where the INVITE came from, e.g. 'udp:127.0.0.1:5070'. */
  source: string | null;
  /** The codec the offer agrees on, e.g. 'PCMU'. */
  codec: string | null;
  /** The call this one replaces (RFC 3891), 0n if none. */
  replaces: bigint;
}

/** A call changed state, or only its remoteHold (then state === previous). */
export interface CallStateEvent extends CallEventBase {
  typeName: 'callState';
  /** The new CallState (= value). */
  state: number;
  stateName: CallStateName;
  /** The previous CallState (= value2). */
  previous: number;
  previousName: CallStateName;
  direction: 'incoming' | 'outgoing' | null;
  /** The SIP status that caused the move (486, 487, 200, ...), 0 if none. */
  code: number;
  reason: string;
  /** The peer has put us on hold. */
  remoteHold: boolean;
  durationS: number;
  /** The final report, on the move to terminated; null otherwise. */
  stats: CallStats | null;
}

/** A DTMF digit arrived. value: its ASCII code. */
export interface CallDtmfEvent extends CallEventBase {
  typeName: 'callDtmf';
  /** '0'-'9', '*', '#', 'A'-'D'. */
  digit: string;
  method: 'rfc4733' | 'info' | string | null;
  durationMs: number;
}

/** Periodic quality report (media.quality_interval_s). value: MOS x 100. */
export interface CallQualityEvent extends CallEventBase {
  typeName: 'callQuality';
  mos: number;
  stats: CallStats | null;
}

/** Loss over the last period went above 5 %, or RTT above 300 ms. */
export interface CallQualityWarningEvent extends CallEventBase {
  typeName: 'callQualityWarning';
  reason: 'loss' | 'rtt' | string | null;
  /** The loss percentage or RTT measured. */
  measured: number | null;
  threshold: number | null;
  stats: CallStats | null;
}

/** No RTP arrived for media.rtp_timeout_s on a call that should receive. */
export interface CallRtpTimeoutEvent extends CallEventBase {
  typeName: 'callRtpTimeout';
  /** The seconds of silence (= value). */
  silenceS: number | bigint;
}

/** A WAV started with play() (not looped) finished. */
export interface CallMediaEndedEvent extends CallEventBase {
  typeName: 'callMediaEnded';
}

/** Transfer progress: as transferor, the SIP status reached (202, 180, 200, >= 300 failed); as transferee, the new call placed. */
export interface CallTransferEvent extends CallEventBase {
  typeName: 'callTransfer';
  role: 'transferor' | 'transferee' | null;
  code: number;
  reason: string;
  /** The call placed because of the peer's REFER (transferee), else 0n. */
  newCall: bigint;
}

export type CallEvent =
  | CallTransferEvent
  | CallIncomingEvent
  | CallStateEvent
  | CallDtmfEvent
  | CallQualityEvent
  | CallQualityWarningEvent
  | CallRtpTimeoutEvent
  | CallMediaEndedEvent;

export type AnyVoipEvent =
  | VoipEvent
  | RegistrationStateEvent
  | RegistrarBindingEvent
  | RequestResultEvent
  | MessageReceivedEvent
  | KeepaliveEvent
  | CallEvent;

export interface LogRecord {
  level: number;
  levelName: LogLevelName | 'unknown';
  /** The layer: "engine", "sip", "media", ... */
  category: string;
  message: string;
}

export interface EngineEvents {
  event: [event: AnyVoipEvent];
  engineStarted: [event: VoipEvent];
  user: [event: VoipEvent];
  eventsDropped: [event: VoipEvent];
  registrationState: [event: RegistrationStateEvent];
  registrarBinding: [event: RegistrarBindingEvent];
  requestResult: [event: RequestResultEvent];
  messageReceived: [event: MessageReceivedEvent];
  keepalive: [event: KeepaliveEvent];
  callIncoming: [event: CallIncomingEvent];
  callState: [event: CallStateEvent];
  callDtmf: [event: CallDtmfEvent];
  callQuality: [event: CallQualityEvent];
  callQualityWarning: [event: CallQualityWarningEvent];
  callRtpTimeout: [event: CallRtpTimeoutEvent];
  callMediaEnded: [event: CallMediaEndedEvent];
  callTransfer: [event: CallTransferEvent];
  log: [record: LogRecord];
}

export interface AccountEvents {
  event: [event: RegistrationStateEvent | RequestResultEvent | KeepaliveEvent];
  registrationState: [event: RegistrationStateEvent];
  requestResult: [event: RequestResultEvent];
  keepalive: [event: KeepaliveEvent];
}

/** Where a request is sent from: an Account (or its handle); anonymous when left out. */
export interface RequestOptions {
  account?: Account | bigint | null;
}

/** Options of Engine.call(). */
export interface CallOptions {
  /** Whose identity, outbound proxy and credentials to call with; the engine's own address when left out. */
  account?: Account | bigint | null;
  /** This call's codec preference order, e.g. ['pcmu']. */
  codecs?: Array<'opus' | 'g722' | 'pcmu' | 'pcma'>;
  /** Headers added to the INVITE, e.g. {'X-Campaign': '42'}. */
  headers?: Record<string, string>;
}

/** The events a Call emits (each also as 'event'), after the engine's own listeners. */
export interface CallEvents {
  event: [event: Exclude<CallEvent, CallIncomingEvent>];
  state: [event: CallStateEvent];
  /** The terminal 'state' event again: the call's handle is stale from now on. */
  terminated: [event: CallStateEvent];
  dtmf: [event: CallDtmfEvent];
  quality: [event: CallQualityEvent];
  qualityWarning: [event: CallQualityWarningEvent];
  rtpTimeout: [event: CallRtpTimeoutEvent];
  mediaEnded: [event: CallMediaEndedEvent];
  transfer: [event: CallTransferEvent];
}

/**
 * A libvoipcore engine.
 *
 * Events reach either the listeners or pollEvent(), never both: while a listener for 'event'
 * or an event type name is attached (on the engine or one of its accounts), events are
 * emitted; otherwise they queue for pollEvent().
 *
 * An engine does not keep the event loop alive. When the loop drains, engines still open are
 * closed; on process.exit() they are only quieted (callbacks removed, blocked polls woken).
 */
export declare class Engine extends EventEmitter {
  /**
   * Creates an engine (synchronously); its first event is 'engineStarted'.
   * @param config overrides of the defaults, as an object or JSON text.
   * @throws VoipError VC_E_INVALID_ARG naming the key of a bad config.
   */
  constructor(config?: EngineConfig | string);

  /** The engine's opaque 64-bit handle. */
  readonly handle: bigint;

  /** The effective configuration: the defaults merged with the overrides. */
  readonly config: Required<Pick<EngineConfig, 'log_level' | 'user_agent' | 'event_queue_capacity'>> & EngineConfig;

  /** Queues a 'user' event with value (a 64-bit integer) and an optional JSON object detail. */
  postEvent(value: number | bigint, detail?: Record<string, unknown> | string | null): void;

  /**
   * Emits 'log' for messages at level or above; 'off' stops logging. A bad level or a closed
   * engine throws at once. The level is applied on another thread; the promise resolves once
   * it is in effect (or superseded, or the engine closed) and never rejects.
   */
  setLogLevel(level: LogLevelName | number): Promise<void>;

  /**
   * Takes the oldest queued event, waiting up to timeoutMs (-1: no limit, 0: no wait).
   * Resolves null when none came in time. Rejects with VC_E_INVALID_STATE while event
   * listeners are attached, and with VC_E_SHUTDOWN when the engine is closed meanwhile.
   * A pending poll keeps the process alive.
   */
  pollEvent(timeoutMs: number): Promise<AnyVoipEvent | null>;

  /**
   * Destroys the engine and its accounts (registered ones un-register first, up to about 3 s):
   * drops queued events, rejects pending polls; no listener runs once close() was called.
   * Calling it again returns the same promise.
   */
  close(): Promise<void>;

  /**
   * Opens a SIP listener: 'udp:IP:PORT', 'tcp:...', 'tls:...', 'ws:...', 'wss:...', IPv6 as
   * 'udp:[::1]:5060'; port 0 picks a free port. Returns the address bound, in the same form.
   * @throws VoipError VC_E_INVALID_ARG (malformed address, TLS without certificate), VC_E_IO (in use).
   */
  listen(address: string): string;

  /** Creates an account; it does not register until account.register(). */
  createAccount(config: AccountConfig | string): Account;

  /**
   * Serves REGISTER (digest-authenticated) on this engine's listeners, replacing any earlier
   * registrar configuration and its bindings.
   */
  enableRegistrar(config?: RegistrarConfig | string | null): void;

  /** Adds or replaces a registrar user. @throws VoipError VC_E_INVALID_STATE when the registrar is off. */
  registrarAddUser(user: string, password: string): void;

  /** The registrar's current bindings. */
  registrarBindings(): RegistrarBinding[];

  /**
   * Sets (null removes) the lookup of users the registrar's configuration does not know: return
   * the password, or null/undefined for an unknown user (refused with 403). It runs on the main
   * thread, synchronously, while the REGISTER waits, so REGISTERs needing it are answered only
   * when the event loop is free. It must not return a Promise. Once this returns, the previous
   * lookup is not called again. An exception in it is an uncaught exception, and the user is
   * treated as unknown.
   * @throws VoipError VC_E_INVALID_STATE when the registrar is off.
   */
  setCredentialLookup(lookup: ((user: string) => string | null | undefined) | null): void;

  /** Sends OPTIONS to target (a sip: URI); returns the request id its 'requestResult' carries. */
  sendOptions(target: string, options?: RequestOptions): number | bigint;

  /** Sends a MESSAGE with body text (contentType default 'text/plain'); as sendOptions(). */
  sendMessage(target: string, text: string, options?: RequestOptions & { contentType?: string }): number | bigint;

  /**
   * Places a call to targetUri (sip: or sips:); returns at once, progress comes as the call's
   * 'state' events. Incoming calls come as 'callIncoming' events carrying their Call.
   * @throws VoipError VC_E_INVALID_ARG (bad URI or options, naming what), VC_E_UNSUPPORTED (no usable codec).
   */
  call(targetUri: string, options?: CallOptions): Call;

  on<K extends keyof EngineEvents>(name: K, listener: (...args: EngineEvents[K]) => void): this;
  once<K extends keyof EngineEvents>(name: K, listener: (...args: EngineEvents[K]) => void): this;
  off<K extends keyof EngineEvents>(name: K, listener: (...args: EngineEvents[K]) => void): this;
  addListener<K extends keyof EngineEvents>(name: K, listener: (...args: EngineEvents[K]) => void): this;
  prependListener<K extends keyof EngineEvents>(name: K, listener: (...args: EngineEvents[K]) => void): this;
  prependOnceListener<K extends keyof EngineEvents>(name: K, listener: (...args: EngineEvents[K]) => void): this;
  removeListener<K extends keyof EngineEvents>(name: K, listener: (...args: EngineEvents[K]) => void): this;
  emit<K extends keyof EngineEvents>(name: K, ...args: EngineEvents[K]): boolean;
}

/**
 * A SIP account, made by engine.createAccount(). Re-emits the engine's events that concern it
 * ('registrationState', 'requestResult' for requests sent from it, 'keepalive', and each as
 * 'event'), after the engine's own listeners. Listening to it counts as listening to the engine.
 */
export declare class Account extends EventEmitter {
  private constructor();

  /** The account's opaque 64-bit handle: the handle of its events. */
  readonly handle: bigint;
  readonly engine: Engine;
  /** True once close() finished, or the engine was closed. */
  readonly closed: boolean;
  /** The registration state, a RegistrationState. @throws VoipError VC_E_INVALID_HANDLE once closed. */
  readonly state: number;
  readonly stateName: RegistrationStateName;

  /** Starts registering and keeps the registration refreshed until unregister(). Returns at once. */
  register(): void;
  /** Removes the registration (REGISTER with Expires: 0). Returns at once. */
  unregister(): void;
  /**
   * Destroys the account at once; a registered one un-registers in the background (about 3 s at
   * most). Idempotent; resolves at once once the engine is closed.
   */
  close(): Promise<void>;

  on<K extends keyof AccountEvents>(name: K, listener: (...args: AccountEvents[K]) => void): this;
  once<K extends keyof AccountEvents>(name: K, listener: (...args: AccountEvents[K]) => void): this;
  off<K extends keyof AccountEvents>(name: K, listener: (...args: AccountEvents[K]) => void): this;
  addListener<K extends keyof AccountEvents>(name: K, listener: (...args: AccountEvents[K]) => void): this;
  prependListener<K extends keyof AccountEvents>(name: K, listener: (...args: AccountEvents[K]) => void): this;
  prependOnceListener<K extends keyof AccountEvents>(name: K, listener: (...args: AccountEvents[K]) => void): this;
  removeListener<K extends keyof AccountEvents>(name: K, listener: (...args: AccountEvents[K]) => void): this;
  emit<K extends keyof AccountEvents>(name: K, ...args: AccountEvents[K]): boolean;
}

/**
 * A call, made by engine.call() or carried by a 'callIncoming' event. Every operation returns at
 * once; progress comes as events. An operation the state does not allow throws VoipError
 * VC_E_INVALID_STATE with the library's message naming the state ("cannot hold a call in state
 * Ringing"); after the 'terminated' event every operation throws VC_E_INVALID_HANDLE. Listening
 * to a call counts as listening to its engine until the call has terminated.
 */
export declare class Call extends EventEmitter {
  private constructor();

  /** The call's opaque 64-bit handle: the handle of its events. */
  readonly handle: bigint;
  readonly engine: Engine;
  readonly direction: 'incoming' | 'outgoing';
  /** The CallState now. @throws VoipError VC_E_INVALID_HANDLE once terminated. */
  readonly state: number;
  readonly stateName: CallStateName;

  /** Answers an incoming call that rings (200 OK). */
  answer(): void;
  /** Rejects an incoming call with a final status 300-699 (486 Busy Here, 603 Decline, ...). */
  reject(sipCode: number): void;
  /** Redirects an incoming call: 302 Moved Temporarily to targetUri. */
  forward(targetUri: string): void;
  /** Postpones the decision on an incoming call; undecided after timeoutMs (1 ms to 1 h), it is rejected with 480. */
  defer(timeoutMs: number): void;
  /** Sends 180 Ringing, or with earlyMedia a 183 with our SDP (media flows before the answer). */
  ring(options?: { earlyMedia?: boolean }): void;
  /** CANCEL before the answer, BYE after it, 603 Decline for an incoming call not yet answered. */
  hangup(): void;
  /** Blind transfer: asks the peer to call targetUri ('transfer' events report progress). Needs connected or on_hold. */
  transfer(targetUri: string): void;
  /** Attended transfer: asks the peer to take over `consultation` (another connected Call) with Replaces. */
  transferTo(consultation: Call): void;
  /** Needs connected; the state moves to on_hold when the peer agrees. */
  hold(): void;
  /** Needs on_hold; the state moves to connected when the peer agrees. */
  resume(): void;
  /** Mutes what we send (RTP keeps flowing, as silence). */
  setMute(muted: boolean): void;
  /** Sends digits (0-9, *, #, A-D) in order; method defaults to 'auto'. Needs connected. */
  sendDtmf(digits: string, method?: number | DtmfMethodName): void;
  /** The quality figures now. */
  stats(): CallStats;
  /** Plays a WAV (PCM 8/16-bit or float, any rate) into the call, once ('mediaEnded' at its end) or looped. */
  play(wavPath: string, options?: { loop?: boolean }): void;
  /** Plays a tone: 'ringback', 'ringback_eu', 'busy', 'busy_eu', 'call_waiting', 'call_waiting_eu' or 'dtmf:DIGITS' (looped by default). */
  playTone(tone: string, options?: { loop?: boolean }): void;
  stopPlay(): void;
  /**
   * Records to a 16-bit WAV, replacing an earlier recording. mode defaults to 'mixed';
   * sampleRate 8000-48000, or 0 (default) for the codec's rate.
   */
  record(wavPath: string, options?: { mode?: number | RecordModeName; sampleRate?: number }): void;
  stopRecord(): void;
  /**
   * From now on the call sends what pcmPush() gives and keeps what it receives for pcmPull(), as
   * mono 16-bit samples at sampleRate (8000, 16000 or 48000), up to 200 ms each way.
   */
  pcmAttach(sampleRate: 8000 | 16000 | 48000): void;
  /** Queues samples to send; returns how many were taken. */
  pcmPush(samples: Int16Array): number;
  /** Takes up to maxSamples received samples (fewer, or none, when fewer are waiting). */
  pcmPull(maxSamples: number): Int16Array;

  on<K extends keyof CallEvents>(name: K, listener: (...args: CallEvents[K]) => void): this;
  once<K extends keyof CallEvents>(name: K, listener: (...args: CallEvents[K]) => void): this;
  off<K extends keyof CallEvents>(name: K, listener: (...args: CallEvents[K]) => void): this;
  addListener<K extends keyof CallEvents>(name: K, listener: (...args: CallEvents[K]) => void): this;
  prependListener<K extends keyof CallEvents>(name: K, listener: (...args: CallEvents[K]) => void): this;
  prependOnceListener<K extends keyof CallEvents>(name: K, listener: (...args: CallEvents[K]) => void): this;
  removeListener<K extends keyof CallEvents>(name: K, listener: (...args: CallEvents[K]) => void): this;
  emit<K extends keyof CallEvents>(name: K, ...args: CallEvents[K]): boolean;
}

/** The loaded libvoipcore's version, "MAJOR.MINOR.PATCH". */
export declare function version(): string;
