/*
 * test_sip_listen.cpp - vc_engine_listen: udp/tcp/ws on 127.0.0.1:0 and [::1]:0 bind a free
 * port and report it in the form they were given; the optional out_bound may be NULL; malformed
 * addresses are VC_E_INVALID_ARG naming the address; a port in use is VC_E_IO; TLS/WSS without
 * a certificate are VC_E_INVALID_ARG; listeners close with their engine.
 */
#include "sip_support.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <string>

namespace {

using vctest::FailsFreshlyWith;
using vctest::ScopedEngine;
using vctest::Succeeds;

bool has_ipv6_loopback()
{
    int fd = ::socket(AF_INET6, SOCK_DGRAM, 0);
    if (fd < 0) {
        return false;
    }
    sockaddr_in6 address{};
    address.sin6_family = AF_INET6;
    address.sin6_addr = in6addr_loopback;
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    return ok;
}

/* Binds a plain socket of `type` to 127.0.0.1:port, without SO_REUSEADDR or SO_REUSEPORT; -1 if it cannot. */
int bind_plain(int type, int port)
{
    int fd = ::socket(AF_INET, type, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        if (fd >= 0) {
            ::close(fd);
        }
        return -1;
    }
    return fd;
}

int local_port(int fd)
{
    sockaddr_in address{};
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
    return ntohs(address.sin_port);
}

/* A plain TCP client can complete a connection to 127.0.0.1:port. */
bool accepts_connections(int port)
{
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool connected = fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    if (fd >= 0) {
        ::close(fd);
    }
    return connected;
}

void expect_bound(const std::string &requested, const std::string &prefix)
{
    SCOPED_TRACE(requested);
    ScopedEngine engine;
    const std::string bound = vctest::listen_on(engine.get(), requested);
    ASSERT_EQ(0u, bound.rfind(prefix, 0)) << "bound '" << bound << "' should start with '" << prefix << "'";
    const int port = vctest::port_of(bound);
    EXPECT_GT(port, 0) << bound;
    EXPECT_LT(port, 65536) << bound;
    EXPECT_EQ(prefix.size() + std::to_string(port).size(), bound.size()) << "unexpected text after the port: " << bound;
}

TEST(SipListen, UdpOnIpv4LoopbackReportsTheBoundPort) { expect_bound("udp:127.0.0.1:0", "udp:127.0.0.1:"); }
TEST(SipListen, TcpOnIpv4LoopbackReportsTheBoundPort) { expect_bound("tcp:127.0.0.1:0", "tcp:127.0.0.1:"); }
TEST(SipListen, WsOnIpv4LoopbackReportsTheBoundPort) { expect_bound("ws:127.0.0.1:0", "ws:127.0.0.1:"); }

TEST(SipListen, Ipv6LoopbackReportsTheBoundPort)
{
    if (!has_ipv6_loopback()) {
        GTEST_SKIP() << "no IPv6 loopback on this host";
    }
    expect_bound("udp:[::1]:0", "udp:[::1]:");
    expect_bound("tcp:[::1]:0", "tcp:[::1]:");
    expect_bound("ws:[::1]:0", "ws:[::1]:");
}

TEST(SipListen, StreamListenersReallyAccept)
{
    ScopedEngine engine;
    for (const char *address : {"tcp:127.0.0.1:0", "ws:127.0.0.1:0"}) {
        const std::string bound = vctest::listen_on(engine.get(), address);
        EXPECT_TRUE(accepts_connections(vctest::port_of(bound))) << bound;
    }
}

TEST(SipListen, WsListenerCompletesTheWebSocketHandshake)
{
    ScopedEngine engine;
    const std::string bound = vctest::listen_on(engine.get(), "ws:127.0.0.1:0");
    vctest::RawSocket client(SOCK_STREAM, vctest::port_of(bound));
    ASSERT_TRUE(client.ok());
    // The sample handshake of RFC 6455 section 1.3, with the SIP subprotocol of RFC 7118.
    ASSERT_TRUE(client.send("GET / HTTP/1.1\r\nHost: " + vctest::host_port(bound) +
                            "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                            "Sec-WebSocket-Protocol: sip\r\n\r\n"));
    const std::string answer = client.receive_until("\r\n\r\n");
    EXPECT_EQ(0u, answer.rfind("HTTP/1.1 101", 0)) << answer;
    EXPECT_TRUE(vctest::contains(answer, "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")) << answer;
    EXPECT_TRUE(vctest::contains(answer, "Sec-WebSocket-Protocol: sip")) << answer;
}

TEST(SipListen, UdpListenerHoldsItsPort)
{
    ScopedEngine engine;
    const std::string bound = vctest::listen_on(engine.get(), "udp:127.0.0.1:0");
    const int fd = bind_plain(SOCK_DGRAM, vctest::port_of(bound));
    EXPECT_LT(fd, 0) << "the port of " << bound << " was free for anybody";
    if (fd >= 0) {
        ::close(fd);
    }
}

TEST(SipListen, PortZeroGivesDistinctPorts)
{
    ScopedEngine engine;
    std::set<std::string> seen;
    for (int i = 0; i < 4; ++i) {
        for (const char *address : {"udp:127.0.0.1:0", "tcp:127.0.0.1:0"}) {
            const std::string bound = vctest::listen_on(engine.get(), address);
            EXPECT_TRUE(seen.insert(bound).second) << "bound twice: " << bound;
        }
    }
}

TEST(SipListen, OutBoundIsOptional)
{
    ScopedEngine engine;
    for (const char *address : {"udp:127.0.0.1:0", "tcp:127.0.0.1:0", "ws:127.0.0.1:0"}) {
        EXPECT_TRUE(Succeeds(vc_engine_listen(engine.get(), nullptr, address))) << address;
    }
}

TEST(SipListen, NullAddressIsRejected)
{
    ScopedEngine engine;
    char *bound = nullptr;
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_engine_listen(engine.get(), &bound, nullptr); }));
    EXPECT_EQ(nullptr, bound);
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_engine_listen(engine.get(), nullptr, nullptr); }));
}

TEST(SipListen, MalformedAddressIsRejectedByName)
{
    ScopedEngine engine;
    const char *const malformed[] = {
        "bogus",
        "udp",
        "udp:",
        "udp:127.0.0.1",
        "udp:127.0.0.1:",
        "udp:127.0.0.1:65536",
        "udp:127.0.0.1:-1",
        "udp:127.0.0.1:port",
        "sctp:127.0.0.1:0",
        "udp:localhost:0",
        "udp:[::1:0",
        "udp://127.0.0.1:0",
        "udp: 127.0.0.1:0",
        "127.0.0.1:0",
        ":127.0.0.1:0",
    };
    for (const char *address : malformed) {
        SCOPED_TRACE(address);
        char *bound = nullptr;
        EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_engine_listen(engine.get(), &bound, address); }));
        EXPECT_TRUE(vctest::contains(vctest::last_error(), address)) << "the message should name the address: "
                                                                      << vctest::last_error();
        EXPECT_EQ(nullptr, bound);
    }
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_engine_listen(engine.get(), nullptr, ""); }));
    // Nothing half-opened: the engine still listens normally.
    EXPECT_FALSE(vctest::listen_on(engine.get(), "udp:127.0.0.1:0").empty());
}

/* `second` must fail with VC_E_IO to listen where `first` already does. */
void expect_in_use(vc_engine_t first, vc_engine_t second, const char *address)
{
    SCOPED_TRACE(address);
    const std::string bound = vctest::listen_on(first, address);
    ASSERT_FALSE(bound.empty());
    char *again = nullptr;
    EXPECT_TRUE(FailsFreshlyWith(VC_E_IO, [&] { return vc_engine_listen(second, &again, bound.c_str()); }))
        << bound << " was bound a second time (" << (again ? again : "") << ")";
    vc_free(again);
}

TEST(SipListen, UdpPortInUseByAnotherEngineIsIoError)
{
    ScopedEngine first;
    ScopedEngine second;
    expect_in_use(first.get(), second.get(), "udp:127.0.0.1:0");
    expect_in_use(first.get(), first.get(), "udp:127.0.0.1:0");
}

TEST(SipListen, TcpPortInUseByAnotherEngineIsIoError)
{
    ScopedEngine first;
    ScopedEngine second;
    expect_in_use(first.get(), second.get(), "tcp:127.0.0.1:0");
}

TEST(SipListen, TcpPortInUseBySameEngineIsIoError)
{
    ScopedEngine engine;
    expect_in_use(engine.get(), engine.get(), "tcp:127.0.0.1:0");
}

TEST(SipListen, WsPortInUseByAnotherEngineIsIoError)
{
    ScopedEngine first;
    ScopedEngine second;
    expect_in_use(first.get(), second.get(), "ws:127.0.0.1:0");
}

TEST(SipListen, PortHeldByAPlainSocketIsIoError)
{
    ScopedEngine engine;
    for (int type : {SOCK_DGRAM, SOCK_STREAM}) {
        const int fd = bind_plain(type, 0);
        ASSERT_GE(fd, 0) << std::strerror(errno);
        if (type == SOCK_STREAM) {
            ASSERT_EQ(0, ::listen(fd, 1));
        }
        const std::string address = std::string(type == SOCK_DGRAM ? "udp" : "tcp") + ":127.0.0.1:" + std::to_string(local_port(fd));
        SCOPED_TRACE(address);
        EXPECT_TRUE(FailsFreshlyWith(VC_E_IO, [&] { return vc_engine_listen(engine.get(), nullptr, address.c_str()); }));
        ::close(fd);
    }
}

TEST(SipListen, TlsAndWssWithoutCertificateAreInvalidArgument)
{
    ScopedEngine engine;
    for (const char *address : {"tls:127.0.0.1:0", "wss:127.0.0.1:0", "tls:[::1]:0"}) {
        SCOPED_TRACE(address);
        char *bound = nullptr;
        EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_engine_listen(engine.get(), &bound, address); }));
        EXPECT_TRUE(vctest::contains(vctest::last_error(), "certificate")) << vctest::last_error();
        EXPECT_EQ(nullptr, bound);
    }
}

TEST(SipListen, ListenersFromTheConfigurationOpenAtCreation)
{
    ScopedEngine engine("{\"sip\":{\"listen\":[\"udp:127.0.0.1:0\",\"tcp:127.0.0.1:0\"]}}");
    EXPECT_NE(0u, engine.get());
    vc_engine_t rejected = 0;
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_engine_create(&rejected, "{\"sip\":{\"listen\":[\"bogus\"]}}"); }));
    EXPECT_TRUE(vctest::contains(vctest::last_error(), "bogus")) << vctest::last_error();
    EXPECT_EQ(0u, rejected);
}

TEST(SipListen, DestroyClosesTheListeners)
{
    vc_engine_t engine = 0;
    ASSERT_TRUE(Succeeds(vc_engine_create(&engine, nullptr)));
    const int udp = vctest::port_of(vctest::listen_on(engine, "udp:127.0.0.1:0"));
    const int tcp = vctest::port_of(vctest::listen_on(engine, "tcp:127.0.0.1:0"));
    ASSERT_TRUE(accepts_connections(tcp));
    ASSERT_TRUE(Succeeds(vc_engine_destroy(engine)));
    const int udp_fd = bind_plain(SOCK_DGRAM, udp);
    EXPECT_GE(udp_fd, 0) << "udp port " << udp << " still taken after destroy: " << std::strerror(errno);
    if (udp_fd >= 0) {
        ::close(udp_fd);
    }
    EXPECT_FALSE(accepts_connections(tcp)) << "tcp port " << tcp << " still accepts after destroy";
}

}  // namespace
