/*
 * test_sip_garbage.cpp - an engine's listeners take rubbish without harm, seen through the ABI:
 * after a few hundred random and mangled UDP datagrams, half-open TCP and WebSocket connections
 * that never finish their message, and a crowd of idle connections, the engine still answers
 * OPTIONS over UDP and TCP. Under memcheck this also shows the parsers reading only what they own.
 */
#include "sip_support.h"

#include <sys/socket.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

namespace {

using vctest::Millis;
using vctest::RawSocket;
using vctest::RecordedEvent;
using vctest::SipPair;

/* A well-formed OPTIONS, the raw material for the mangled datagrams. */
std::string valid_options(int port, int n)
{
    return "OPTIONS sip:127.0.0.1:" + std::to_string(port) + " SIP/2.0\r\n"
           "Via: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK-garbage-" + std::to_string(n) + "\r\n"
           "Max-Forwards: 70\r\n"
           "From: <sip:fuzz@127.0.0.1>;tag=" + std::to_string(n) + "\r\n"
           "To: <sip:127.0.0.1:" + std::to_string(port) + ">\r\n"
           "Call-ID: garbage-" + std::to_string(n) + "\r\n"
           "CSeq: 1 OPTIONS\r\n"
           "Content-Length: 0\r\n\r\n";
}

/* Datagrams chosen to hit edges: empty, keep-alives, lies about lengths, NULs, huge, responses to nothing. */
std::vector<std::string> crafted_datagrams(int port)
{
    const std::string options = valid_options(port, 0);
    std::vector<std::string> crafted = {
        "",
        "\r\n\r\n",
        "\r\n",
        std::string(60000, 'A'),
        "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKnobody\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n",
        "OPTIONS sip:x SIP/2.0\r\nContent-Length: 99999999\r\n\r\nshort",
        "OPTIONS sip:x SIP/2.0\r\nContent-Length: -5\r\n\r\n",
        "INVITE sip:x SIP/2.0\r\n" + std::string(5000, 'V') + ": x\r\n\r\n",
        "OPTIONS  SIP/2.0\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\n\r\n",
        std::string("OPTIONS sip:x\0 SIP/2.0\r\nVia: \0\0\0\r\n\r\n", 36),
        "REGISTER sip:127.0.0.1 SIP/2.0\r\nContact: *\r\nExpires: 0\r\n\r\n",
        "MESSAGE sip:bob@127.0.0.1 SIP/2.0\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\n\xFF\xFE\x00",
    };
    std::string headers_only = options;
    headers_only.resize(options.find("\r\n\r\n"));  // no blank line at all
    crafted.push_back(headers_only);
    std::string many_vias = "OPTIONS sip:x SIP/2.0\r\n";
    for (int i = 0; i < 2000; ++i) {
        many_vias += "Via: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK" + std::to_string(i) + "\r\n";
    }
    crafted.push_back(many_vias + "\r\n");
    return crafted;
}

/* Random bytes, or a valid OPTIONS with a few bytes flipped, cut short or with a stretch repeated. */
std::string random_datagram(std::mt19937 &random, int port, int n)
{
    switch (random() % 4) {
    case 0: {
        std::string bytes(size_t(random() % 1400), '\0');
        for (auto &byte : bytes) {
            byte = char(random());
        }
        return bytes;
    }
    case 1: {
        std::string message = valid_options(port, n);
        for (int flips = 1 + int(random() % 8); flips > 0; --flips) {
            message[random() % message.size()] = char(random());
        }
        return message;
    }
    case 2: {
        std::string message = valid_options(port, n);
        message.resize(random() % message.size());
        return message;
    }
    default: {
        std::string message = valid_options(port, n);
        const size_t at = random() % message.size();
        const size_t length = 1 + random() % 40;
        const std::string stretch = message.substr(at, length);
        for (int copies = int(random() % 50); copies > 0; --copies) {
            message.insert(at, stretch);
        }
        return message;
    }
    }
}

/* OPTIONS from the client engine to `target` must come back 200. */
void expect_still_answers(SipPair &pair, const std::string &target)
{
    SCOPED_TRACE(target);
    uint64_t id = 0;
    ASSERT_TRUE(vctest::Succeeds(vc_sip_send_options(pair.client.get(), &id, 0, target.c_str())));
    ASSERT_TRUE(pair.client_events.wait_for(vctest::request_result(id))) << "no answer to OPTIONS";
    const RecordedEvent result = pair.client_events.matching(vctest::request_result(id)).front();
    EXPECT_EQ(200, result.value) << result.detail;
}

TEST(SipGarbage, EngineStillAnswersAfterGarbage)
{
    SipPair pair("{\"users\":{\"alice\":\"secret\"}}");
    vctest::listen_on(pair.client.get(), "tcp:127.0.0.1:0");
    const std::string tcp_bound = vctest::listen_on(pair.server.get(), "tcp:127.0.0.1:0");
    const std::string ws_bound = vctest::listen_on(pair.server.get(), "ws:127.0.0.1:0");
    const int udp_port = vctest::port_of(pair.server_bound);

    // Half-open stream connections, kept open until the end of the test.
    std::vector<std::unique_ptr<RawSocket>> half_open;
    const std::string options = valid_options(vctest::port_of(tcp_bound), 1);
    auto open_and_send = [&](int port, const std::string &bytes) {
        half_open.push_back(std::make_unique<RawSocket>(SOCK_STREAM, port));
        EXPECT_TRUE(half_open.back()->ok());
        EXPECT_TRUE(half_open.back()->send(bytes));
    };
    open_and_send(vctest::port_of(tcp_bound), options.substr(0, options.size() / 2));  // half the headers
    std::string short_body = options;
    short_body.replace(short_body.find("Content-Length: 0"), 17, "Content-Length: 1000");
    open_and_send(vctest::port_of(tcp_bound), short_body + "only ten b");  // body never completed
    open_and_send(vctest::port_of(tcp_bound), "");                          // connected, silent
    open_and_send(vctest::port_of(ws_bound), "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n");  // handshake cut
    open_and_send(vctest::port_of(ws_bound), "");

    // A few hundred datagrams of rubbish at the UDP listener.
    RawSocket udp(SOCK_DGRAM, udp_port);
    ASSERT_TRUE(udp.ok());
    for (const auto &datagram : crafted_datagrams(udp_port)) {
        udp.send(datagram);
    }
    std::mt19937 random(20240607);  // fixed seed: a failure reproduces
    const int datagrams = vctest::scaled(400, 150);
    for (int n = 0; n < datagrams; ++n) {
        udp.send(random_datagram(random, udp_port, n));
        if (n % 50 == 49) {
            vctest::sleep_for(Millis(5));  // stay under the socket's receive buffer
        }
    }
    // Rubbish on a TCP connection too, left open.
    std::string binary(4096, '\0');
    for (auto &byte : binary) {
        byte = char(random());
    }
    open_and_send(vctest::port_of(tcp_bound), binary);

    expect_still_answers(pair, vctest::sip_uri_of(pair.server_bound));
    expect_still_answers(pair, vctest::sip_uri_of(tcp_bound));

    // The registrar on the same listeners was not disturbed either.
    const vc_account_t account = pair.create_account("alice", "secret");
    ASSERT_NE(0u, account);
    EXPECT_EQ(200, pair.register_and_wait(account, VC_REG_REGISTERED).value2);

    half_open.clear();
    expect_still_answers(pair, vctest::sip_uri_of(tcp_bound));
}

TEST(SipGarbage, IdleConnectionsDoNotStarveTheListener)
{
    SipPair pair(nullptr);
    vctest::listen_on(pair.client.get(), "tcp:127.0.0.1:0");
    const std::string tcp_bound = vctest::listen_on(pair.server.get(), "tcp:127.0.0.1:0");
    std::vector<std::unique_ptr<RawSocket>> idle;
    const int count = vctest::scaled(100, 20);
    for (int i = 0; i < count; ++i) {
        idle.push_back(std::make_unique<RawSocket>(SOCK_STREAM, vctest::port_of(tcp_bound)));
        ASSERT_TRUE(idle.back()->ok());
    }
    expect_still_answers(pair, vctest::sip_uri_of(tcp_bound));
}

}  // namespace
