/*
 * sip_support.h - helpers for the tests that put SIP on the wire: listeners on 127.0.0.1 port 0,
 * a server engine (the registrar) paired with a client engine, minimal reading of event detail
 * JSON, event predicates, and plain sockets for talking to a listener without the library.
 *
 * Everything stays on loopback and every wait is bounded (test_support.h's kPromptly).
 */
#ifndef VOIPCORE_NATIVE_TESTS_SIP_SUPPORT_H
#define VOIPCORE_NATIVE_TESTS_SIP_SUPPORT_H

#include "test_support.h"

#include <optional>
#include <string>

namespace vctest {

/* vc_engine_listen(engine, &bound, address); returns the bound address, or "" after reporting a failure. */
std::string listen_on(vc_engine_t engine, const std::string &address);

/* "udp:127.0.0.1:5060" -> "127.0.0.1:5060"; "tcp:[::1]:5060" -> "[::1]:5060". */
std::string host_port(const std::string &bound);
/* The port of a bound address, 0 if it has none. */
int port_of(const std::string &bound);
/* A SIP URI reaching a bound listener: sip:[user@]host:port, plus ;transport= for non-UDP ones. */
std::string sip_uri_of(const std::string &bound, const std::string &user = "");

/* Escapes a string for a JSON string literal (without the quotes). */
std::string json_escape(const std::string &text);
/*
 * The value of "key" in a JSON object when it is a string, with its escapes decoded to UTF-8;
 * nullopt when the key is missing or its value is not a string. Minimal on purpose: it finds
 * the first "key": anywhere, which is enough for the flat detail objects of events.
 */
std::optional<std::string> json_string(const std::string &json, const std::string &key);
/* The value of "key" when it is an integer. */
std::optional<long long> json_integer(const std::string &json, const std::string &key);
bool contains(const std::string &text, const std::string &part);

/* vc_registrar_list_bindings as a string (freed with vc_free); "" after reporting a failure. */
std::string bindings_of(vc_engine_t engine);
/* The JSON text is an empty array ("[]", spaces allowed). */
bool is_empty_array(const std::string &json);

/*
 * The values of vc_binding_action_t (VC_EVENT_REGISTRAR_BINDING's value). Spelled out here because
 * the enum arrived in voipcore.h after the header next to the built library was installed;
 * switch to VC_BINDING_* once build/include has it.
 */
constexpr int64_t kBindingAdded = 0;
constexpr int64_t kBindingRefreshed = 1;
constexpr int64_t kBindingRemoved = 2;
constexpr int64_t kBindingExpired = 3;

/* Event predicates for EventRecorder::wait_for / matching. */
EventRecorder::Match registration_state(vc_account_t account, int state);
EventRecorder::Match binding_event(const std::string &action, const std::string &contact);
EventRecorder::Match request_result(uint64_t request_id);
EventRecorder::Match of_type(int type);

/*
 * Two engines on loopback, each with a UDP listener and an event recorder: `server` (the
 * registrar when a registrar configuration is given, else just a peer to send requests to) and
 * `client` (where the accounts live). The client is destroyed first, so its registered accounts
 * un-register while the registrar still answers (vc_engine_destroy otherwise waits ~3 s for them).
 */
class SipPair {
public:
    /* registrar_config: the JSON for vc_registrar_enable on `server`; nullptr leaves the registrar off. */
    explicit SipPair(const char *registrar_config);
    SipPair(const SipPair &) = delete;
    SipPair &operator=(const SipPair &) = delete;

    EventRecorder server_events;
    EventRecorder client_events;
    ScopedEngine server;
    ScopedEngine client;
    std::string server_bound;  // "udp:127.0.0.1:<port>"
    std::string client_bound;

    /* An account config for user@server (the registrar) with this password (nullptr: no password key). */
    std::string account_config(const std::string &user, const char *password) const;
    /* vc_account_create on the client; 0 after reporting a failure. */
    vc_account_t create_account(const std::string &user, const char *password);
    /*
     * Registers and waits for `account` to reach `state` (VC_REG_REGISTERED or VC_REG_FAILED);
     * returns that event, or an event of type VC_EVENT_NONE after reporting a failure.
     */
    RecordedEvent register_and_wait(vc_account_t account, int state);
    /* Waits for the registrar's bindings to contain (or no longer contain) `contact`. */
    bool wait_for_binding(const std::string &contact, bool present, Millis timeout = kPromptly);
};

/* A TCP port on 127.0.0.1 that refuses connections: bound (so nobody else takes it) but not listening. */
class ClosedTcpPort {
public:
    ClosedTcpPort();
    ~ClosedTcpPort();
    ClosedTcpPort(const ClosedTcpPort &) = delete;
    ClosedTcpPort &operator=(const ClosedTcpPort &) = delete;
    int port() const { return port_; }

private:
    int fd_ = -1;
    int port_ = 0;
};

/* A UDP port on 127.0.0.1 where datagrams vanish: bound by a socket that never reads or answers. */
class SilentUdpPort {
public:
    explicit SilentUdpPort(int port);
    ~SilentUdpPort();
    SilentUdpPort(const SilentUdpPort &) = delete;
    SilentUdpPort &operator=(const SilentUdpPort &) = delete;
    bool ok() const { return fd_ >= 0; }

private:
    int fd_ = -1;
};

/* A plain socket towards a listener, for bytes the library would never send. Closed on destruction. */
class RawSocket {
public:
    /* type: SOCK_DGRAM or SOCK_STREAM; connects (TCP) or sets the default peer (UDP) to 127.0.0.1:port. */
    RawSocket(int type, int port);
    ~RawSocket();
    RawSocket(const RawSocket &) = delete;
    RawSocket &operator=(const RawSocket &) = delete;
    bool ok() const { return fd_ >= 0; }
    /* Sends all of `data` (one datagram for UDP); false on an error. */
    bool send(const std::string &data);
    /* Reads until `terminator` has arrived, the peer closes or `timeout` passes; returns what came. */
    std::string receive_until(const std::string &terminator, Millis timeout = kPromptly);

private:
    int fd_ = -1;
    int type_ = 0;
};

}  // namespace vctest

#endif
