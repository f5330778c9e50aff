/*
 * test_messaging.cpp - vc_sip_send_options and vc_sip_send_message between two engines on
 * loopback: the answer comes back as VC_EVENT_REQUEST_RESULT carrying the request id, a MESSAGE
 * raises VC_EVENT_MESSAGE_RECEIVED on the other engine with its body and content type, transport
 * failures are 503, and bad arguments are refused before anything is sent.
 */
#include "sip_support.h"

#include <set>
#include <string>
#include <vector>

namespace {

using vctest::FailsFreshlyWith;
using vctest::RecordedEvent;
using vctest::SipPair;
using vctest::Succeeds;

/* Sends OPTIONS from the client engine and returns its result event (type NONE after a failure). */
RecordedEvent options_result(SipPair &pair, vc_account_t account, const std::string &target)
{
    uint64_t id = 0;
    int rc = vc_sip_send_options(pair.client.get(), &id, account, target.c_str());
    if (rc != VC_OK) {
        ADD_FAILURE() << "vc_sip_send_options(" << target << "): " << vc_strerror(rc) << ": " << vctest::last_error();
        return {};
    }
    if (!pair.client_events.wait_for(vctest::request_result(id))) {
        ADD_FAILURE() << "no REQUEST_RESULT for OPTIONS " << id << " to " << target;
        return {};
    }
    return pair.client_events.matching(vctest::request_result(id)).front();
}

void expect_options_ok(SipPair &pair, const std::string &target)
{
    SCOPED_TRACE(target);
    const RecordedEvent result = options_result(pair, 0, target);
    EXPECT_EQ(VC_EVENT_REQUEST_RESULT, result.type);
    EXPECT_EQ(200, result.value) << result.detail;
    EXPECT_EQ(0u, result.handle);
    EXPECT_EQ(pair.client.get(), result.engine);
    EXPECT_EQ("OPTIONS", vctest::json_string(result.detail, "method")) << result.detail;
    EXPECT_EQ(target, vctest::json_string(result.detail, "uri")) << result.detail;
    EXPECT_EQ(200, vctest::json_integer(result.detail, "code")) << result.detail;
}

TEST(Messaging, OptionsToTheOtherListenerGives200)
{
    SipPair pair(nullptr);
    expect_options_ok(pair, vctest::sip_uri_of(pair.server_bound));
    expect_options_ok(pair, vctest::sip_uri_of(pair.server_bound, "anyone"));
}

TEST(Messaging, OptionsOverTcpGives200)
{
    SipPair pair(nullptr);
    vctest::listen_on(pair.client.get(), "tcp:127.0.0.1:0");
    const std::string target = vctest::listen_on(pair.server.get(), "tcp:127.0.0.1:0");
    expect_options_ok(pair, vctest::sip_uri_of(target));
}

TEST(Messaging, OptionsOverWebSocketGives200)
{
    SipPair pair(nullptr);
    vctest::listen_on(pair.client.get(), "ws:127.0.0.1:0");
    const std::string target = vctest::listen_on(pair.server.get(), "ws:127.0.0.1:0");
    expect_options_ok(pair, vctest::sip_uri_of(target));
}

TEST(Messaging, OptionsFromAnAccountCarriesItsHandle)
{
    SipPair pair(nullptr);
    vc_account_t account = 0;
    ASSERT_TRUE(Succeeds(vc_account_create(&account, pair.client.get(), "{\"uri\":\"sip:alice@127.0.0.1\"}")));
    const RecordedEvent result = options_result(pair, account, vctest::sip_uri_of(pair.server_bound));
    EXPECT_EQ(200, result.value) << result.detail;
    EXPECT_EQ(account, result.handle);
}

TEST(Messaging, OptionsToAClosedTcpPortGives503)
{
    SipPair pair(nullptr);
    vctest::listen_on(pair.client.get(), "tcp:127.0.0.1:0");
    vctest::ClosedTcpPort closed;
    const std::string target = "sip:127.0.0.1:" + std::to_string(closed.port()) + ";transport=tcp";
    const RecordedEvent result = options_result(pair, 0, target);
    EXPECT_EQ(503, result.value) << result.detail;
    EXPECT_EQ(503, vctest::json_integer(result.detail, "code")) << result.detail;
    EXPECT_EQ(target, vctest::json_string(result.detail, "uri")) << result.detail;
}

TEST(Messaging, RequestIdsAreDistinctAndTheOutputIsOptional)
{
    SipPair pair(nullptr);
    const std::string target = vctest::sip_uri_of(pair.server_bound);
    const int count = vctest::scaled(10, 4);
    std::set<uint64_t> ids;
    for (int i = 0; i < count; ++i) {
        uint64_t id = 0;
        ASSERT_TRUE(Succeeds(vc_sip_send_options(pair.client.get(), &id, 0, target.c_str())));
        EXPECT_TRUE(ids.insert(id).second) << "request id handed out twice: " << id;
        ASSERT_TRUE(Succeeds(vc_sip_send_options(pair.client.get(), nullptr, 0, target.c_str())));
        ASSERT_TRUE(Succeeds(vc_sip_send_message(pair.client.get(), nullptr, 0, target.c_str(), "text/plain", "no id")));
    }
    // Every request reports, including those sent without asking for the id.
    const auto results = [&] { return pair.client_events.matching(vctest::of_type(VC_EVENT_REQUEST_RESULT)); };
    EXPECT_TRUE(vctest::wait_until([&] { return results().size() >= size_t(3 * count); }))
        << results().size() << " of " << 3 * count << " results";
    std::set<int64_t> reported;
    for (const auto &result : results()) {
        EXPECT_EQ(200, result.value) << result.detail;
        EXPECT_TRUE(reported.insert(result.value2).second) << "two results with id " << result.value2;
    }
    for (uint64_t id : ids) {
        EXPECT_EQ(1u, reported.count(int64_t(id))) << id;
    }
}

TEST(Messaging, NonSipTargetIsInvalidArgument)
{
    SipPair pair(nullptr);
    const char *const targets[] = {"http://example.com/", "mailto:bob@example.com", "tel:+15551234567", "not a uri", "", "sip:"};
    for (const char *target : targets) {
        SCOPED_TRACE(std::string("'") + target + "'");
        uint64_t id = 0;
        EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_sip_send_options(pair.client.get(), &id, 0, target); }));
        EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] {
            return vc_sip_send_message(pair.client.get(), &id, 0, target, "text/plain", "hi");
        }));
    }
    // Nothing was sent for them: no result events (posting a marker and waiting for it first).
    ASSERT_TRUE(Succeeds(vc_engine_post_event(pair.client.get(), 99, nullptr)));
    ASSERT_TRUE(pair.client_events.wait_for_value(99));
    for (const auto &result : pair.client_events.matching(vctest::of_type(VC_EVENT_REQUEST_RESULT))) {
        ADD_FAILURE() << "a refused request still reported: " << result.detail;
    }
}

TEST(Messaging, NullTargetIsInvalidArgument)
{
    SipPair pair(nullptr);
    uint64_t id = 0;
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_sip_send_options(pair.client.get(), &id, 0, nullptr); }));
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] {
        return vc_sip_send_message(pair.client.get(), &id, 0, nullptr, "text/plain", "hi");
    }));
}

TEST(Messaging, MessageWithoutContentTypeIsInvalidArgument)
{
    SipPair pair(nullptr);
    const std::string target = vctest::sip_uri_of(pair.server_bound, "bob");
    uint64_t id = 0;
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] {
        return vc_sip_send_message(pair.client.get(), &id, 0, target.c_str(), nullptr, "hi");
    }));
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] {
        return vc_sip_send_message(pair.client.get(), nullptr, 0, target.c_str(), nullptr, nullptr);
    }));
}

/* Sends a MESSAGE from the client to bob at the registrar engine's `bound` listener; returns what arrived. */
RecordedEvent deliver(SipPair &pair, vc_account_t from, const std::string &bound, const char *content_type, const std::string &body)
{
    const std::string target = vctest::sip_uri_of(bound, "bob");
    const size_t before = pair.server_events.matching(vctest::of_type(VC_EVENT_MESSAGE_RECEIVED)).size();
    uint64_t id = 0;
    int rc = vc_sip_send_message(pair.client.get(), &id, from, target.c_str(), content_type, body.c_str());
    if (rc != VC_OK) {
        ADD_FAILURE() << "vc_sip_send_message: " << vc_strerror(rc) << ": " << vctest::last_error();
        return {};
    }
    EXPECT_TRUE(pair.client_events.wait_for(vctest::request_result(id))) << "no REQUEST_RESULT for MESSAGE " << id;
    const auto results = pair.client_events.matching(vctest::request_result(id));
    if (!results.empty()) {
        EXPECT_EQ(200, results.front().value) << results.front().detail;
        EXPECT_EQ(from, results.front().handle);
        EXPECT_EQ("MESSAGE", vctest::json_string(results.front().detail, "method")) << results.front().detail;
    }
    const auto received = [&] { return pair.server_events.matching(vctest::of_type(VC_EVENT_MESSAGE_RECEIVED)); };
    if (!vctest::wait_until([&] { return received().size() > before; })) {
        ADD_FAILURE() << "no MESSAGE_RECEIVED on the other engine";
        return {};
    }
    return received()[before];
}

TEST(Messaging, MessageArrivesWithBodyAndContentType)
{
    SipPair pair(nullptr);
    vc_account_t alice = 0;
    ASSERT_TRUE(Succeeds(vc_account_create(&alice, pair.client.get(), "{\"uri\":\"sip:alice@127.0.0.1\"}")));
    const std::string body = "Hello, Bob!";
    const RecordedEvent got = deliver(pair, alice, pair.server_bound, "text/plain", body);
    ASSERT_EQ(VC_EVENT_MESSAGE_RECEIVED, got.type);
    EXPECT_EQ(pair.server.get(), got.engine);
    EXPECT_EQ(int64_t(body.size()), got.value);
    EXPECT_EQ("text/plain", vctest::json_string(got.detail, "content_type")) << got.detail;
    EXPECT_EQ(body, vctest::json_string(got.detail, "body")) << got.detail;
    EXPECT_TRUE(vctest::contains(vctest::json_string(got.detail, "from").value_or(""), "sip:alice@127.0.0.1")) << got.detail;
    EXPECT_TRUE(vctest::contains(vctest::json_string(got.detail, "to").value_or(""), "bob@")) << got.detail;
    EXPECT_TRUE(vctest::json_string(got.detail, "source").has_value()) << got.detail;
}

TEST(Messaging, BodyBytesSurviveTheTrip)
{
    SipPair pair(nullptr);
    // Quotes, backslashes, control characters, multi-byte UTF-8 (2, 3 and 4 bytes): all must
    // come back byte for byte once the detail's JSON escapes are decoded.
    const std::string body = "quote \" backslash \\ slash / newline \n tab \t cr \r ctrl \x01 e\xC3\xA9 euro \xE2\x82\xAC "
                             "smile \xF0\x9F\x98\x80 {\"json\":[1,2]}";
    const RecordedEvent got = deliver(pair, 0, pair.server_bound, "text/plain;charset=utf-8", body);
    ASSERT_EQ(VC_EVENT_MESSAGE_RECEIVED, got.type);
    EXPECT_EQ(int64_t(body.size()), got.value) << "value is the body length in bytes";
    EXPECT_EQ(body, vctest::json_string(got.detail, "body")) << got.detail;
    EXPECT_EQ("text/plain;charset=utf-8", vctest::json_string(got.detail, "content_type")) << got.detail;
}

TEST(Messaging, EmptyBodyArrives)
{
    SipPair pair(nullptr);
    const RecordedEvent got = deliver(pair, 0, pair.server_bound, "application/x-empty", "");
    ASSERT_EQ(VC_EVENT_MESSAGE_RECEIVED, got.type);
    EXPECT_EQ(0, got.value);
    EXPECT_EQ("", vctest::json_string(got.detail, "body")) << got.detail;
    EXPECT_EQ("application/x-empty", vctest::json_string(got.detail, "content_type")) << got.detail;
}

TEST(Messaging, LargeBodyOverTcp)
{
    SipPair pair(nullptr);
    vctest::listen_on(pair.client.get(), "tcp:127.0.0.1:0");
    const std::string bound = vctest::listen_on(pair.server.get(), "tcp:127.0.0.1:0");
    std::string body;
    for (int i = 0; body.size() < 20000; ++i) {
        body += "line " + std::to_string(i) + "\n";
    }
    const RecordedEvent got = deliver(pair, 0, bound, "text/plain", body);
    ASSERT_EQ(VC_EVENT_MESSAGE_RECEIVED, got.type);
    EXPECT_EQ(int64_t(body.size()), got.value);
    EXPECT_EQ(body, vctest::json_string(got.detail, "body").value_or("(missing)"));
}

}  // namespace
