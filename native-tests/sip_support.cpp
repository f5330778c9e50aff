/* sip_support.cpp - implementation of the SIP test helpers declared in sip_support.h. */
#include "sip_support.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace vctest {

std::string listen_on(vc_engine_t engine, const std::string &address)
{
    char *bound = nullptr;
    int rc = vc_engine_listen(engine, &bound, address.c_str());
    if (rc != VC_OK) {
        ADD_FAILURE() << "vc_engine_listen(" << address << "): " << vc_strerror(rc) << ": " << last_error();
        return "";
    }
    if (bound == nullptr) {
        ADD_FAILURE() << "vc_engine_listen(" << address << ") succeeded without writing out_bound";
        return "";
    }
    std::string copy(bound);
    vc_free(bound);
    return copy;
}

std::string host_port(const std::string &bound)
{
    const size_t colon = bound.find(':');
    return colon == std::string::npos ? bound : bound.substr(colon + 1);
}

int port_of(const std::string &bound)
{
    const size_t colon = bound.rfind(':');
    if (colon == std::string::npos || colon + 1 >= bound.size() || bound[colon + 1] == ']') {
        return 0;
    }
    return std::atoi(bound.c_str() + colon + 1);
}

std::string sip_uri_of(const std::string &bound, const std::string &user)
{
    const std::string transport = bound.substr(0, bound.find(':'));
    std::string uri = "sip:" + (user.empty() ? "" : user + "@") + host_port(bound);
    if (transport != "udp") {
        uri += ";transport=" + transport;
    }
    return uri;
}

std::string json_escape(const std::string &text)
{
    std::string out;
    for (unsigned char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
                out += escaped;
            } else {
                out += char(c);
            }
        }
    }
    return out;
}

namespace {

/* Position just after `"key":` (and any spaces), or npos. */
size_t value_start(const std::string &json, const std::string &key)
{
    const std::string quoted = "\"" + key + "\"";
    size_t at = json.find(quoted);
    while (at != std::string::npos) {
        size_t i = at + quoted.size();
        while (i < json.size() && (json[i] == ' ' || json[i] == '\t' || json[i] == '\n' || json[i] == '\r')) {
            ++i;
        }
        if (i < json.size() && json[i] == ':') {
            ++i;
            while (i < json.size() && (json[i] == ' ' || json[i] == '\t' || json[i] == '\n' || json[i] == '\r')) {
                ++i;
            }
            return i;
        }
        at = json.find(quoted, at + 1);  // that was a value spelled like the key; look further
    }
    return std::string::npos;
}

void append_utf8(std::string &out, unsigned long code)
{
    if (code < 0x80) {
        out += char(code);
    } else if (code < 0x800) {
        out += char(0xC0 | (code >> 6));
        out += char(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += char(0xE0 | (code >> 12));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    } else {
        out += char(0xF0 | (code >> 18));
        out += char(0x80 | ((code >> 12) & 0x3F));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    }
}

bool read_hex4(const std::string &json, size_t at, unsigned long &code)
{
    if (at + 4 > json.size()) {
        return false;
    }
    char digits[5] = {json[at], json[at + 1], json[at + 2], json[at + 3], 0};
    char *end = nullptr;
    code = std::strtoul(digits, &end, 16);
    return end == digits + 4;
}

}  // namespace

std::optional<std::string> json_string(const std::string &json, const std::string &key)
{
    size_t i = value_start(json, key);
    if (i == std::string::npos || i >= json.size() || json[i] != '"') {
        return std::nullopt;
    }
    std::string out;
    for (++i; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '"') {
            return out;
        }
        if (c != '\\') {
            out += c;
            continue;
        }
        if (++i >= json.size()) {
            return std::nullopt;
        }
        switch (json[i]) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
            unsigned long code = 0;
            if (!read_hex4(json, i + 1, code)) {
                return std::nullopt;
            }
            i += 4;
            unsigned long low = 0;
            if (code >= 0xD800 && code < 0xDC00 && i + 6 < json.size() && json[i + 1] == '\\' && json[i + 2] == 'u' &&
                read_hex4(json, i + 3, low) && low >= 0xDC00 && low < 0xE000) {
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                i += 6;
            }
            append_utf8(out, code);
            break;
        }
        default:
            return std::nullopt;
        }
    }
    return std::nullopt;  // unterminated
}

std::optional<long long> json_integer(const std::string &json, const std::string &key)
{
    size_t i = value_start(json, key);
    if (i == std::string::npos || i >= json.size()) {
        return std::nullopt;
    }
    const char *start = json.c_str() + i;
    char *end = nullptr;
    long long value = std::strtoll(start, &end, 10);
    if (end == start) {
        return std::nullopt;
    }
    return value;
}

bool contains(const std::string &text, const std::string &part) { return text.find(part) != std::string::npos; }

std::string bindings_of(vc_engine_t engine)
{
    char *json = nullptr;
    int rc = vc_registrar_list_bindings(engine, &json);
    if (rc != VC_OK) {
        ADD_FAILURE() << "vc_registrar_list_bindings: " << vc_strerror(rc) << ": " << last_error();
        return "";
    }
    if (json == nullptr) {
        ADD_FAILURE() << "vc_registrar_list_bindings succeeded without writing out_json";
        return "";
    }
    std::string copy(json);
    vc_free(json);
    return copy;
}

bool is_empty_array(const std::string &json)
{
    std::string compact;
    for (char c : json) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            compact += c;
        }
    }
    return compact == "[]";
}

EventRecorder::Match registration_state(vc_account_t account, int state)
{
    return [account, state](const RecordedEvent &event) {
        return event.type == VC_EVENT_REGISTRATION_STATE && event.handle == account && event.value == state;
    };
}

EventRecorder::Match binding_event(const std::string &action, const std::string &contact)
{
    return [action, contact](const RecordedEvent &event) {
        return event.type == VC_EVENT_REGISTRAR_BINDING && json_string(event.detail, "action") == action &&
               json_string(event.detail, "contact") == contact;
    };
}

EventRecorder::Match request_result(uint64_t request_id)
{
    return [request_id](const RecordedEvent &event) {
        return event.type == VC_EVENT_REQUEST_RESULT && uint64_t(event.value2) == request_id;
    };
}

EventRecorder::Match of_type(int type)
{
    return [type](const RecordedEvent &event) { return event.type == type; };
}

SipPair::SipPair(const char *registrar_config)
{
    if (server.get() == 0 || client.get() == 0) {
        return;  // ScopedEngine reported it
    }
    EXPECT_TRUE(Succeeds(server_events.install(server.get())));
    EXPECT_TRUE(Succeeds(client_events.install(client.get())));
    server_bound = listen_on(server.get(), "udp:127.0.0.1:0");
    client_bound = listen_on(client.get(), "udp:127.0.0.1:0");
    if (registrar_config != nullptr) {
        EXPECT_TRUE(Succeeds(vc_registrar_enable(server.get(), registrar_config)));
    }
}

std::string SipPair::account_config(const std::string &user, const char *password) const
{
    std::string config = "{\"uri\":\"sip:" + json_escape(user) + "@" + host_port(server_bound) + "\"";
    if (password != nullptr) {
        config += ",\"password\":\"" + json_escape(password) + "\"";
    }
    return config + "}";
}

vc_account_t SipPair::create_account(const std::string &user, const char *password)
{
    vc_account_t account = 0;
    const std::string config = account_config(user, password);
    int rc = vc_account_create(&account, client.get(), config.c_str());
    if (rc != VC_OK) {
        ADD_FAILURE() << "vc_account_create(" << config << "): " << vc_strerror(rc) << ": " << last_error();
        return 0;
    }
    return account;
}

RecordedEvent SipPair::register_and_wait(vc_account_t account, int state)
{
    int rc = vc_account_register(account);
    if (rc != VC_OK) {
        ADD_FAILURE() << "vc_account_register: " << vc_strerror(rc) << ": " << last_error();
        return {};
    }
    if (!client_events.wait_for(registration_state(account, state))) {
        std::string seen;
        for (const auto &event : client_events.matching(of_type(VC_EVENT_REGISTRATION_STATE))) {
            seen += "\n  " + event.detail;
        }
        ADD_FAILURE() << "account never reached registration state " << state << "; states seen:" << seen;
        return {};
    }
    return client_events.matching(registration_state(account, state)).back();
}

bool SipPair::wait_for_binding(const std::string &contact, bool present, Millis timeout)
{
    return wait_until(
        [&] {
            const std::string json = bindings_of(server.get());
            return contains(json, "\"" + json_escape(contact) + "\"") == present;
        },
        timeout);
}

ClosedTcpPort::ClosedTcpPort()
{
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        ::getsockname(fd_, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        ADD_FAILURE() << "cannot reserve a closed TCP port: " << std::strerror(errno);
        return;
    }
    port_ = ntohs(address.sin_port);
}

ClosedTcpPort::~ClosedTcpPort()
{
    if (fd_ >= 0) {
        ::close(fd_);
    }
}

SilentUdpPort::SilentUdpPort(int port)
{
    fd_ = ::socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd_ >= 0 && ::bind(fd_, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        ::close(fd_);
        fd_ = -1;
    }
}

SilentUdpPort::~SilentUdpPort()
{
    if (fd_ >= 0) {
        ::close(fd_);
    }
}

RawSocket::RawSocket(int type, int port) : type_(type)
{
    fd_ = ::socket(AF_INET, type, 0);
    if (fd_ < 0) {
        ADD_FAILURE() << "socket: " << std::strerror(errno);
        return;
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        ADD_FAILURE() << "connect to 127.0.0.1:" << port << ": " << std::strerror(errno);
        ::close(fd_);
        fd_ = -1;
    }
}

RawSocket::~RawSocket()
{
    if (fd_ >= 0) {
        ::close(fd_);
    }
}

bool RawSocket::send(const std::string &data)
{
    size_t sent = 0;
    do {
        ssize_t n = ::send(fd_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            // UDP to a port whose ICMP said "unreachable" reports it on a later send; not ours to judge.
            return false;
        }
        sent += size_t(n);
    } while (type_ == SOCK_STREAM && sent < data.size());
    return true;
}

std::string RawSocket::receive_until(const std::string &terminator, Millis timeout)
{
    std::string received;
    const auto deadline = Clock::now() + timeout;
    while (received.find(terminator) == std::string::npos) {
        const auto left = std::chrono::duration_cast<Millis>(deadline - Clock::now()).count();
        pollfd entry{fd_, POLLIN, 0};
        if (left <= 0 || ::poll(&entry, 1, int(left)) <= 0) {
            break;
        }
        char buffer[4096];
        ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
        if (n <= 0) {
            break;
        }
        received.append(buffer, size_t(n));
    }
    return received;
}

}  // namespace vctest
