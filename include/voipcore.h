/*
 * voipcore.h - the C ABI of libvoipcore.
 *
 * Conventions (apply to every function below unless its comment says otherwise):
 *
 *  - Return value: VC_OK (0) on success or a negative VC_E_* code. After a failure,
 *    vc_last_error() on the same thread returns a readable message.
 *  - Argument order: a function that creates an object takes its output first
 *    (vc_engine_create(&engine, ...)); a function acting on an existing object takes that
 *    object's handle first, then its outputs, then its inputs. A NULL output pointer
 *    returns VC_E_INVALID_ARG, except for outputs documented as optional.
 *  - Handles are opaque 64-bit values (type tag + slot + generation). Zero is never a
 *    valid handle. A zero, stale (already destroyed) or wrong-type handle returns
 *    VC_E_INVALID_HANDLE; it never reaches another object and never crashes.
 *  - Threading: every function may be called from any thread at any time, including from
 *    inside a callback. There is no thread registration.
 *  - Strings are UTF-8 and NUL-terminated. Strings passed in are copied before the call
 *    returns; the caller keeps ownership. Strings the library allocates for the caller are
 *    released with vc_free(). The only exceptions are the static strings of vc_version()
 *    and vc_strerror(), the thread-local string of vc_last_error(), and event details,
 *    whose lifetimes are documented where they appear.
 *  - Callbacks take `void *user_data` last; user data is set per registration. Callbacks
 *    run on the engine's dispatch thread, in order, never while the library holds an
 *    internal lock. A slow callback delays later callbacks only.
 */
#ifndef VOIPCORE_H
#define VOIPCORE_H

#include <stdint.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define VC_API __attribute__((visibility("default")))
#else
#define VC_API
#endif

/* ---------------------------------------------------------------- version */

#define VC_VERSION_MAJOR 0
#define VC_VERSION_MINOR 1
#define VC_VERSION_PATCH 0

/*
 * Returns the library version as "MAJOR.MINOR.PATCH" (e.g. "0.1.0").
 * Ownership: static string owned by the library; never free it.
 * Threading: any thread. Errors: none.
 */
VC_API const char *vc_version(void);

/* ---------------------------------------------------------------- errors */

typedef enum vc_error {
    VC_OK = 0,
    VC_E_INVALID_ARG = -1,     /* an argument is NULL, out of range or malformed */
    VC_E_INVALID_HANDLE = -2,  /* zero, stale, destroyed or wrong-type handle */
    VC_E_INVALID_STATE = -3,   /* the operation is not allowed in the object's state */
    VC_E_NOT_FOUND = -4,       /* the thing asked for does not exist */
    VC_E_TIMEOUT = -5,         /* nothing happened within the given time */
    VC_E_IO = -6,              /* a socket, file or network operation failed */
    VC_E_UNSUPPORTED = -7,     /* not available in this build or on this system */
    VC_E_SHUTDOWN = -8,        /* the engine is being destroyed */
    VC_E_INTERNAL = -9         /* a bug in libvoipcore; the message says where */
} vc_error_t;

/*
 * Returns a short constant name for an error code, e.g. "VC_E_INVALID_HANDLE".
 * Unknown codes give "VC_E_UNKNOWN".
 * Ownership: static string owned by the library; never free it.
 * Threading: any thread. Errors: none.
 */
VC_API const char *vc_strerror(int code);

/*
 * Returns the message describing the most recent failure of a vc_ function on the
 * calling thread, or "" if none failed on this thread yet. Success does not clear it.
 * Ownership: thread-local string owned by the library, valid until the next failing
 * vc_ call on the same thread. Copy it if you need it longer.
 * Threading: per thread by design. Errors: none.
 */
VC_API const char *vc_last_error(void);

/*
 * Frees memory the library allocated for the caller (see each function). NULL is a no-op.
 * Threading: any thread.
 */
VC_API void vc_free(void *ptr);

/* ---------------------------------------------------------------- engine */

typedef uint64_t vc_engine_t;

/*
 * Creates an engine: the root object that owns configuration, threads and every other
 * object. Several engines may live in one process; they share nothing.
 *
 * config_json: NULL or "{}" for the embedded defaults, or a JSON object overriding them:
 *   {
 *     "log_level": "debug" | "info" | "warning" | "error" | "off"   (default "warning";
 *                  the level of the built-in log to standard error, used until
 *                  vc_set_log_callback installs a callback),
 *     "user_agent": string                        (default "libvoipcore/<version>"),
 *     "event_queue_capacity": 16..1048576         (default 65536; polled events kept
 *                                                  before the oldest are dropped),
 *     "sip": {
 *       "listen": ["udp:127.0.0.1:5060", ...]      (listeners opened at start; see vc_engine_listen),
 *       "t1_ms": 500, "t2_ms": 4000, "t4_ms": 5000 (RFC 3261 timers; all others derive from them),
 *       "max_message_size": 65535                  (larger messages get 513),
 *       "idle_timeout_s": 300                      (idle TCP/TLS/WS connections are closed),
 *       "keepalive_s": 90                          (double-CRLF pings on idle connections we
 *                                                  opened, RFC 5626; 0 = off),
 *       "tls": {"certificate": PEM file, "private_key": PEM file,
 *               "ca_file": PEM file (trust anchors instead of the system store),
 *               "verify_peer": true}
 *     },
 *     "media": {
 *       "rtp_port_min": 20000, "rtp_port_max": 29999 (RTP on even ports, RTCP on the next odd one),
 *       "codecs": ["opus", "g722", "pcmu", "pcma"] (preference order; telephone-event is added;
 *                                                  opus is skipped when libopus.so.0 is missing),
 *       "opus_bitrate": 32000, "opus_fec": true, "opus_dtx": false,
 *       "rtp_timeout_s": 30                        (VC_EVENT_CALL_RTP_TIMEOUT after this long
 *                                                  without RTP on a receiving call; 0 = off),
 *       "hangup_on_rtp_timeout": false,
 *       "quality_interval_s": 5                    (VC_EVENT_CALL_QUALITY period; 0 = off),
 *       "jitter_min_ms": 20, "jitter_max_ms": 300  (adaptive jitter buffer bounds)
 *     },
 *     "calls": {
 *       "decision_timeout_s": 60                   (an incoming call nobody decides on is
 *                                                  rejected with 480 after this long),
 *       "auto_ringing": true                       (send 180 Ringing when a call is offered),
 *       "ring_timeout_s": 120,                     (an outgoing call ringing this long is
 *                                                  cancelled; 0 = never)
 *       "session_expires_s": 1800                  (RFC 4028 session timer we ask for; 0 = off,
 *                                                  else 90..86400; the refresher sends UPDATE or
 *                                                  re-INVITE at half of it, the other side ends a
 *                                                  call left unrefreshed with BYE)
 *     }
 *   }
 *   Unknown or repeated keys, wrong types and out-of-range values are rejected, as is
 *   anything that is not a JSON object (including "").
 *
 * out: receives the engine handle on success; untouched on failure.
 * Ownership: destroy the engine with vc_engine_destroy().
 * Errors: VC_E_INVALID_ARG (NULL out, malformed JSON or a bad key; the message names the
 *         key and position), VC_E_INTERNAL.
 * Events: VC_EVENT_ENGINE_STARTED is queued as the engine's first event.
 */
VC_API int vc_engine_create(vc_engine_t *out, const char *config_json);

/*
 * Destroys an engine: un-registers its registered accounts (waiting up to about 3 s for
 * the registrar), closes its listeners and connections, stops its threads, drops queued
 * events, and invalidates its handle and the handles of everything it owns.
 * vc_engine_destroy(0) is a no-op returning VC_OK.
 * Blocks until a callback running on another thread returns. Called from inside one of
 * the engine's own callbacks, it returns at once and the engine finishes stopping when
 * that callback returns; no further callbacks are delivered in either case. Two threads
 * destroying the same engine both return only once it is stopped.
 * Errors: VC_E_INVALID_HANDLE (stale or wrong-type handle).
 */
VC_API int vc_engine_destroy(vc_engine_t engine);

/*
 * Returns the effective configuration of an engine (defaults merged with the overrides
 * given to vc_engine_create) as a JSON object.
 * out_json: receives a NUL-terminated UTF-8 string; release it with vc_free().
 * Errors: VC_E_INVALID_ARG (NULL out_json), VC_E_INVALID_HANDLE.
 */
VC_API int vc_engine_get_config(vc_engine_t engine, char **out_json);

/* ---------------------------------------------------------------- logging */

typedef enum vc_log_level {
    VC_LOG_DEBUG = 0,
    VC_LOG_INFO = 1,
    VC_LOG_WARNING = 2,
    VC_LOG_ERROR = 3,
    VC_LOG_OFF = 4
} vc_log_level_t;

/*
 * Log callback. category names the layer ("engine", "sip", "media", ...).
 * Lifetime: category and message are valid only until the callback returns.
 */
typedef void (*vc_log_fn)(int level, const char *category, const char *message, void *user_data);

/*
 * Sets the engine's log callback and minimum level, replacing any previous one.
 * fn NULL removes the callback: records at or above `level` then go to standard error
 * (VC_LOG_OFF silences them). Messages below `level` are not produced at all.
 * Log callbacks run on the engine's dispatch thread, in order with events.
 * When this returns, the previous callback is not running and will not be called again
 * (unless called from inside a callback, which cannot wait for itself), so its user_data
 * may be freed.
 * Errors: VC_E_INVALID_HANDLE, VC_E_INVALID_ARG (level outside VC_LOG_DEBUG..VC_LOG_OFF).
 */
VC_API int vc_set_log_callback(vc_engine_t engine, int level, vc_log_fn fn, void *user_data);

/* ---------------------------------------------------------------- events */

typedef enum vc_event_type {
    VC_EVENT_NONE = 0,
    VC_EVENT_ENGINE_STARTED = 1,   /* first event of every engine; detail {"version"} */
    VC_EVENT_USER = 2,             /* posted by vc_engine_post_event: value = the caller's value */
    VC_EVENT_EVENTS_DROPPED = 3,   /* value = how many polled events were dropped (queue full) */

    /* An account's registration changed. handle = the account; value = vc_registration_state_t;
     * value2 = the SIP status that caused it (0 if none); detail {"state","code","reason",
     * "expires","aor","contact"}. */
    VC_EVENT_REGISTRATION_STATE = 10,
    /* The registrar added, refreshed, removed or expired a binding. value = vc_binding_action_t;
     * detail {"action","aor","contact","expires","source"}; "aor" is the user name, as one
     * registrar serves one domain. */
    VC_EVENT_REGISTRAR_BINDING = 11,
    /* A request sent with vc_sip_send_options / vc_sip_send_message finished. handle = the
     * account or 0; value = final SIP status (408 timeout, 503 transport failure, made up
     * locally; 0 if the request could not be sent at all); value2 = the request id;
     * detail {"method","uri","code","reason"}. */
    VC_EVENT_REQUEST_RESULT = 12,
    /* A MESSAGE arrived (and was answered 200). value = body length in bytes;
     * detail {"from","to","content_type","body","source"}. */
    VC_EVENT_MESSAGE_RECEIVED = 13,
    /* An account's OPTIONS keep-alive got an answer (or none). handle = the account;
     * value = SIP status (408 when unanswered); detail {"method","uri","code","reason"}. */
    VC_EVENT_KEEPALIVE = 14,

    /* A call arrived and waits for a decision (vc_call_answer, _reject, _forward, _defer).
     * handle = the new call; related = the account it was addressed to (0 if none);
     * detail {"from","to","call_id","source","codec","replaces"}: "replaces" is null, or (for an
     * INVITE with Replaces, answered automatically) the handle of the call it takes over, as a
     * decimal string (handles use all 64 bits, more than a JSON number keeps in most parsers). */
    VC_EVENT_CALL_INCOMING = 20,
    /* A call changed state. handle = the call; related = its account; value = the new
     * vc_call_state_t; value2 = the previous one (equal to value when only "remote_hold"
     * changed); detail {"state","previous","direction","code","reason","remote_hold",
     * "duration_s","stats"}: code/reason are the SIP status that caused the move (0 if
     * none); "stats" (the final report, as vc_call_get_stats) is set on TERMINATED.
     * After the TERMINATED event the call handle is no longer valid. */
    VC_EVENT_CALL_STATE = 21,
    /* A DTMF digit arrived. handle = the call; value = the digit's ASCII code ('0'-'9', '*',
     * '#', 'A'-'D'); value2 = its duration in ms; detail {"digit","method":"rfc4733"|"info",
     * "duration_ms"}. */
    VC_EVENT_CALL_DTMF = 22,
    /* Periodic quality report (media.quality_interval_s). handle = the call; value = MOS x 100;
     * detail = the stats object of vc_call_get_stats as JSON ({"codec","packets_sent",
     * "bytes_sent","packets_received","bytes_received","packets_lost","loss_percent",
     * "jitter_ms","rtt_ms","mos","packets_dropped","jitter_buffer_ms"}). */
    VC_EVENT_CALL_QUALITY = 23,
    /* Loss over the last period went above 5 % or RTT above 300 ms. handle = the call;
     * detail {"reason":"loss"|"rtt","value","threshold","stats"}. */
    VC_EVENT_CALL_QUALITY_WARNING = 24,
    /* No RTP arrived for media.rtp_timeout_s on a call that should receive. handle = the call;
     * value = the seconds of silence. The call is hung up when media.hangup_on_rtp_timeout. */
    VC_EVENT_CALL_RTP_TIMEOUT = 25,
    /* A WAV started with vc_call_play (loop = 0) finished. handle = the call. */
    VC_EVENT_CALL_MEDIA_ENDED = 26,
    /* Transfer progress. As transferor (vc_call_transfer*): handle = our call; value = the SIP
     * status the transfer reached (202 accepted, 180 ringing, 200 answered, >= 300 failed).
     * As transferee (the peer sent REFER): handle = the call that was referred; related = the
     * new call the library placed (its VC_EVENT_CALL_STATE events follow); value = 0.
     * detail {"role":"transferor"|"transferee","code","reason","new_call"} ("new_call": the
     * related handle as a decimal string, or null). */
    VC_EVENT_CALL_TRANSFER = 27
} vc_event_type_t;

/*
 * An event. Fields that do not apply to an event type are zero / NULL.
 *   type:        a vc_event_type_t.
 *   sequence:    1, 2, 3, ... per engine, in delivery order.
 *   engine:      the engine that produced it.
 *   handle:      the object concerned (account, call, ...), 0 if none.
 *   related:     a second object (e.g. the other call of a transfer), 0 if none.
 *   value, value2: scalars whose meaning each event type documents (status codes, counts).
 *   detail_json: NULL or a UTF-8 JSON object with the event's details.
 *                Lifetime: for a callback, valid until the callback returns; for
 *                vc_engine_poll_event, valid until the same thread polls again (any engine).
 */
typedef struct vc_event {
    int32_t type;
    int32_t reserved;
    uint64_t sequence;
    vc_engine_t engine;
    uint64_t handle;
    uint64_t related;
    int64_t value;
    int64_t value2;
    const char *detail_json;
} vc_event_t;

typedef void (*vc_event_fn)(const vc_event_t *event, void *user_data);

/* The value of VC_EVENT_REGISTRAR_BINDING. */
typedef enum vc_binding_action {
    VC_BINDING_ADDED = 0,
    VC_BINDING_REFRESHED = 1,
    VC_BINDING_REMOVED = 2,
    VC_BINDING_EXPIRED = 3
} vc_binding_action_t;

/*
 * Sets the event callback, replacing any previous one. While a callback is set, events
 * go to it on the dispatch thread; events already queued for polling are delivered to it
 * first, in order (preceded by VC_EVENT_EVENTS_DROPPED if the poll queue overflowed).
 * fn NULL removes it: later events queue for vc_engine_poll_event.
 * When this returns, the previous callback is not running and will not be called again
 * (unless called from inside a callback), so its user_data may be freed.
 * The event pointer is valid only until the callback returns.
 * Errors: VC_E_INVALID_HANDLE.
 */
VC_API int vc_engine_set_event_callback(vc_engine_t engine, vc_event_fn fn, void *user_data);

/*
 * Takes the oldest queued event (when no callback is set).
 * timeout_ms: 0 returns at once, -1 waits without limit, otherwise the longest wait.
 * Returns VC_OK with *out filled, or VC_E_TIMEOUT when no event arrived in time.
 * Errors: VC_E_INVALID_ARG (NULL out, timeout below -1), VC_E_INVALID_HANDLE,
 *         VC_E_SHUTDOWN (the engine was destroyed while waiting).
 */
VC_API int vc_engine_poll_event(vc_engine_t engine, vc_event_t *out, int timeout_ms);

/*
 * Queues a VC_EVENT_USER event carrying `value` and an optional JSON detail (copied).
 * Useful to wake a thread blocked in vc_engine_poll_event, or to order host work with
 * engine events.
 * Errors: VC_E_INVALID_HANDLE, VC_E_INVALID_ARG (detail_json not a JSON object),
 *         VC_E_SHUTDOWN (the engine is being destroyed by another thread).
 */
VC_API int vc_engine_post_event(vc_engine_t engine, int64_t value, const char *detail_json);

/* ---------------------------------------------------------------- SIP transports */

/*
 * Opens a SIP listener. address: "udp:IP:PORT", "tcp:...", "tls:...", "ws:..." or "wss:...",
 * IPv6 as "udp:[::1]:5060"; port 0 picks a free port. TLS and WSS need the engine's
 * "sip.tls.certificate" and "sip.tls.private_key" configuration. Listeners may also be given
 * at creation in the "sip.listen" array of the configuration.
 * out_bound: optional (may be NULL); receives the address actually bound, in the same form;
 *            release it with vc_free().
 * Errors: VC_E_INVALID_HANDLE, VC_E_INVALID_ARG (malformed address, no certificate for TLS),
 *         VC_E_IO (the address is in use or cannot be bound).
 */
VC_API int vc_engine_listen(vc_engine_t engine, char **out_bound, const char *address);

/* ---------------------------------------------------------------- accounts */

typedef uint64_t vc_account_t;

typedef enum vc_registration_state {
    VC_REG_IDLE = 0,
    VC_REG_REGISTERING = 1,
    VC_REG_REGISTERED = 2,
    VC_REG_UNREGISTERING = 3,
    VC_REG_UNREGISTERED = 4,
    VC_REG_FAILED = 5           /* retried with exponential backoff (2 s doubling, 5 min at most) */
} vc_registration_state_t;

/*
 * Creates an account: a SIP identity with credentials.
 * config_json: {
 *   "uri": "sip:alice@example.com"        (required: our address-of-record),
 *   "display_name": string,
 *   "username": string                     (digest user when not the URI's user part),
 *   "password": string | "ha1": hex        (H(user:realm:password), MD5 or SHA-256),
 *   "registrar": URI                       (default: the URI's domain),
 *   "proxy": URI                           (outbound proxy for every request),
 *   "transport": "udp"|"tcp"|"tls"|"ws"|"wss" (default: from the URIs, else UDP),
 *   "expires": seconds                     (default 600),
 *   "keepalive_s": seconds                 (OPTIONS to the proxy/registrar; default 0 = off)
 * }
 * The account does not register until vc_account_register().
 * Ownership: destroy with vc_account_destroy() or with its engine.
 * Errors: VC_E_INVALID_ARG (NULL out, bad JSON or key), VC_E_INVALID_HANDLE.
 */
VC_API int vc_account_create(vc_account_t *out, vc_engine_t engine, const char *config_json);

/*
 * Destroys an account: its handle is stale as soon as this returns. If it was registered, it
 * un-registers in the background (a few seconds at most).
 * vc_account_destroy(0) is a no-op. Errors: VC_E_INVALID_HANDLE.
 */
VC_API int vc_account_destroy(vc_account_t account);

/*
 * Starts registering and keeps the registration refreshed until vc_account_unregister.
 * Returns at once; progress arrives as VC_EVENT_REGISTRATION_STATE events.
 * Errors: VC_E_INVALID_HANDLE.
 */
VC_API int vc_account_register(vc_account_t account);

/*
 * Stops refreshing and removes the binding (REGISTER with Expires: 0). Returns at once;
 * VC_EVENT_REGISTRATION_STATE reports VC_REG_UNREGISTERED. Errors: VC_E_INVALID_HANDLE.
 */
VC_API int vc_account_unregister(vc_account_t account);

/* out_state receives the account's vc_registration_state_t. Errors: VC_E_INVALID_HANDLE, VC_E_INVALID_ARG. */
VC_API int vc_account_get_state(vc_account_t account, int *out_state);

/* ---------------------------------------------------------------- registrar */

/*
 * Serves REGISTER requests on this engine's listeners (digest-authenticated), replacing any
 * earlier registrar configuration and its bindings.
 * config_json: NULL for defaults, or {
 *   "realm": string (default "voipcore"),
 *   "min_expires": s (60), "default_expires": s (3600), "max_expires": s (7200),
 *   "algorithms": ["SHA-256","MD5"] (offered in this order; RFC 8760),
 *   "users": {"alice": "secret", ...}
 * }
 * Errors: VC_E_INVALID_HANDLE, VC_E_INVALID_ARG.
 */
VC_API int vc_registrar_enable(vc_engine_t engine, const char *config_json);

/* Adds or replaces a registrar user. Errors: VC_E_INVALID_HANDLE, VC_E_INVALID_ARG, VC_E_INVALID_STATE (registrar off). */
VC_API int vc_registrar_add_user(vc_engine_t engine, const char *user, const char *password);

/*
 * Looks up the password of a user the configuration does not know. Write the NUL-terminated
 * password into `password` (capacity `capacity` bytes, 256) and return VC_OK, or return
 * VC_E_NOT_FOUND for an unknown user.
 * Threading: unlike other callbacks, this runs on a SIP worker thread, possibly on several at
 * once, while a REGISTER waits: it must be quick and thread-safe. It may call vc_ functions
 * but must not destroy the engine.
 */
typedef int (*vc_credential_fn)(const char *user, char *password, size_t capacity, void *user_data);

/*
 * Sets (or with fn NULL removes) the credential callback. It does not wait for a lookup already
 * running (one may still call the old callback); vc_engine_destroy does wait for lookups (up to
 * 2 s: lookups must be quick), so user_data may be freed once the engine is destroyed.
 * Errors: VC_E_INVALID_HANDLE, VC_E_INVALID_STATE.
 */
VC_API int vc_registrar_set_credential_callback(vc_engine_t engine, vc_credential_fn fn, void *user_data);

/*
 * Returns the current bindings as a JSON array of
 * {"aor","contact","expires","source","call_id","cseq"}.
 * out_json: release with vc_free(). Errors: VC_E_INVALID_HANDLE, VC_E_INVALID_ARG, VC_E_INVALID_STATE.
 */
VC_API int vc_registrar_list_bindings(vc_engine_t engine, char **out_json);

/* ---------------------------------------------------------------- OPTIONS and MESSAGE */

/*
 * Sends OPTIONS to target_uri, from `account` (its identity, proxy and credentials) or, with
 * account 0, anonymously. Returns at once; the answer arrives as VC_EVENT_REQUEST_RESULT.
 * out_request_id: optional (may be NULL); the id the result event carries in value2.
 * Errors: VC_E_INVALID_HANDLE, VC_E_INVALID_ARG (NULL or non-SIP target).
 */
VC_API int vc_sip_send_options(vc_engine_t engine, uint64_t *out_request_id, vc_account_t account, const char *target_uri);

/*
 * Sends a MESSAGE (RFC 3428) with a body of content_type (e.g. "text/plain"); otherwise as
 * vc_sip_send_options. Incoming MESSAGEs raise VC_EVENT_MESSAGE_RECEIVED.
 * Errors: VC_E_INVALID_HANDLE, VC_E_INVALID_ARG.
 */
VC_API int vc_sip_send_message(vc_engine_t engine, uint64_t *out_request_id, vc_account_t account, const char *target_uri,
                               const char *content_type, const char *body);

/* ---------------------------------------------------------------- calls */

typedef uint64_t vc_call_t;

typedef enum vc_call_state {
    VC_CALL_INITIALIZING = 0,   /* created, nothing sent yet */
    VC_CALL_DIALING = 1,        /* outgoing: INVITE sent */
    VC_CALL_RINGING = 2,        /* outgoing: the far end rings; incoming: waiting for a decision */
    VC_CALL_CONNECTED = 3,
    VC_CALL_ON_HOLD = 4,        /* we put it on hold (the peer holding us shows as "remote_hold") */
    VC_CALL_TRANSFERRING = 5,
    VC_CALL_TERMINATING = 6,    /* our BYE or CANCEL is out */
    VC_CALL_TERMINATED = 7
} vc_call_state_t;

/*
 * Calls. Every operation returns at once and reports progress as VC_EVENT_CALL_STATE events.
 * An operation the call's state does not allow returns VC_E_INVALID_STATE with a message
 * naming the state (e.g. "cannot hold a call in state Ringing"). A call handle is valid from
 * vc_call_make or VC_EVENT_CALL_INCOMING until its TERMINATED event; afterwards every
 * function returns VC_E_INVALID_HANDLE. Destroying the engine hangs up its calls.
 */

/*
 * Places a call to target_uri (sip: or sips:), from `account` (its identity, outbound proxy
 * and credentials for 401/407) or, with account 0, from the engine's own address.
 * options_json: NULL or {"codecs": ["pcmu", ...] (this call's preference order),
 *                        "headers": {"X-Name": "value", ...} (added to the INVITE)}.
 * Errors: VC_E_INVALID_ARG (NULL out, bad URI, bad options), VC_E_INVALID_HANDLE,
 *         VC_E_UNSUPPORTED (no usable codec).
 */
VC_API int vc_call_make(vc_call_t *out, vc_engine_t engine, vc_account_t account, const char *target_uri,
                        const char *options_json);

/* Answers an incoming call (200 OK with our SDP). State: RINGING, incoming, undecided. */
VC_API int vc_call_answer(vc_call_t call);

/* Rejects an incoming call with a final status 300-699 (486 Busy Here, 603 Decline, ...). */
VC_API int vc_call_reject(vc_call_t call, int sip_code);

/* Redirects an incoming call: 302 Moved Temporarily with target_uri as Contact. */
VC_API int vc_call_forward(vc_call_t call, const char *target_uri);

/* Postpones the decision on an incoming call; unless decided within timeout_ms (1 ms to
 * 1 h) it is rejected with 480. Without a deferral, calls.decision_timeout_s applies. */
VC_API int vc_call_defer(vc_call_t call, uint32_t timeout_ms);

/* Sends 180 Ringing, or with early_media != 0 a 183 with our SDP, starting media before the
 * answer (what vc_call_play plays is then heard as early media). */
VC_API int vc_call_ring(vc_call_t call, int early_media);

/* Ends a call: CANCEL before the answer, BYE after it, 603 Decline for an incoming call not
 * yet answered. State: anything but TERMINATING/TERMINATED. */
VC_API int vc_call_hangup(vc_call_t call);

/* Hold (re-INVITE offering sendonly, or inactive when the peer holds us) and resume
 * (sendrecv). hold needs CONNECTED, resume ON_HOLD. The state moves when the peer agrees. */
VC_API int vc_call_hold(vc_call_t call);
VC_API int vc_call_resume(vc_call_t call);

/*
 * Blind transfer: asks the peer (REFER) to call target_uri. The call moves to TRANSFERRING;
 * VC_EVENT_CALL_TRANSFER reports the progress the peer NOTIFYs; when the new call is answered
 * we hang up (TERMINATED, reason "transferred"); when it fails the call returns to its state
 * before. State: CONNECTED or ON_HOLD. An incoming REFER is handled by the library: it places
 * the new call itself (see VC_EVENT_CALL_TRANSFER, role "transferee").
 */
VC_API int vc_call_transfer(vc_call_t call, const char *target_uri);

/*
 * Attended transfer: asks the peer of `call` to take over `consultation` (another call of ours,
 * connected or on hold): the peer sends an INVITE with Replaces to the consultation's far end,
 * which drops its call with us and connects to the peer; then both our calls end.
 */
VC_API int vc_call_transfer_attended(vc_call_t call, vc_call_t consultation);

/* Mutes (muted != 0) or unmutes what we send; a muted call keeps sending RTP (silence). */
VC_API int vc_call_set_mute(vc_call_t call, int muted);

typedef enum vc_dtmf_method {
    VC_DTMF_AUTO = 0,     /* RFC 4733 events when the peer agreed to telephone-event, else INFO */
    VC_DTMF_RFC4733 = 1,  /* RFC 4733 only: VC_E_UNSUPPORTED when telephone-event was not agreed */
    VC_DTMF_INFO = 2      /* SIP INFO with application/dtmf-relay */
} vc_dtmf_method_t;

/* Sends DTMF digits (0-9, *, #, A-D), in order. State: CONNECTED. */
VC_API int vc_call_send_dtmf(vc_call_t call, const char *digits, int method);

/* The call's vc_call_state_t. */
VC_API int vc_call_get_state(vc_call_t call, int *out_state);

/*
 * Quality figures of a call. Initialise with vc_call_stats_init (which sets struct_size, so
 * a newer library fills only what an older caller knows). Loss, jitter and packets_dropped
 * are about what we receive; rtt_ms is -1 until RTCP measured it; mos is the ITU-T G.107
 * E-model estimate (1.0-4.5), 0 before media flowed.
 */
typedef struct vc_call_stats {
    uint32_t struct_size;
    int32_t jitter_buffer_ms;
    char codec[16];
    uint64_t packets_sent;
    uint64_t bytes_sent;
    uint64_t packets_received;
    uint64_t bytes_received;
    uint64_t packets_lost;
    uint64_t packets_dropped;   /* bad header, unexpected source or payload type */
    double loss_percent;
    double jitter_ms;
    double rtt_ms;
    double mos;
    double duration_s;          /* since the answer */
} vc_call_stats_t;

VC_API void vc_call_stats_init(vc_call_stats_t *stats);
VC_API int vc_call_get_stats(vc_call_t call, vc_call_stats_t *out_stats);

/*
 * Plays a WAV file (PCM 8/16-bit or float, mono or stereo, any rate: resampled) into the
 * call instead of silence, once or looped; replaces what was playing. When a once-player
 * ends, VC_EVENT_CALL_MEDIA_ENDED is raised and the call sends silence.
 * Errors: VC_E_NOT_FOUND (no such file), VC_E_INVALID_ARG (NULL path, not a WAV the library
 *         reads), VC_E_INVALID_STATE (no media yet), VC_E_INVALID_HANDLE.
 */
VC_API int vc_call_play(vc_call_t call, const char *wav_path, int loop);

/*
 * Plays a tone into the call instead of silence, looped or once; replaces what was playing.
 * tone: "ringback" (440+480 Hz, 2 s on, 4 s off), "ringback_eu" (425 Hz, 1 s / 4 s), "busy",
 * "busy_eu", "call_waiting", "call_waiting_eu", or "dtmf:DIGITS" (in-band DTMF audio, ITU-T Q.23:
 * 100 ms per digit, 50 ms apart; for peers that take neither RFC 4733 nor INFO).
 * Errors: VC_E_INVALID_ARG (NULL or unknown tone), VC_E_INVALID_STATE (no media yet).
 */
VC_API int vc_call_play_tone(vc_call_t call, const char *tone, int loop);

/* Stops the WAV or tone playing; the PCM port (vc_call_pcm_attach) is heard again, else silence. */
VC_API int vc_call_stop_play(vc_call_t call);

typedef enum vc_record_mode {
    VC_RECORD_RECEIVED = 0,   /* mono: what we receive */
    VC_RECORD_SENT = 1,       /* mono: what we send */
    VC_RECORD_MIXED = 2,      /* mono: both directions summed */
    VC_RECORD_STEREO = 3      /* left: received, right: sent */
} vc_record_mode_t;

/* Records the call to a 16-bit WAV at sample_rate (8000-48000; 0 = the codec's rate).
 * Replaces an earlier recording, which is closed. Errors: VC_E_INVALID_ARG, VC_E_IO. */
VC_API int vc_call_record(vc_call_t call, const char *wav_path, int mode, int sample_rate);
VC_API int vc_call_stop_record(vc_call_t call);

/*
 * PCM frames for a host with its own audio device. After vc_call_pcm_attach the call sends
 * what the host pushes (instead of a player) and keeps what it receives for the host to
 * pull, both as mono 16-bit samples at sample_rate (8000, 16000 or 48000), buffered up to
 * 200 ms each way (older samples are dropped when the host falls behind).
 *   vc_call_pcm_push: out_accepted (may be NULL) receives how many samples were taken.
 *   vc_call_pcm_pull: copies up to capacity samples; out_count receives how many.
 */
VC_API int vc_call_pcm_attach(vc_call_t call, int sample_rate);
VC_API int vc_call_pcm_push(vc_call_t call, size_t *out_accepted, const int16_t *samples, size_t count);
VC_API int vc_call_pcm_pull(vc_call_t call, size_t *out_count, int16_t *buffer, size_t capacity);

#ifdef __cplusplus
}
#endif

#endif /* VOIPCORE_H */
