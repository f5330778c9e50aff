/*
 * test_arguments.cpp - NULL and out-of-range arguments other than handles and configuration:
 * each gives VC_E_INVALID_ARG with a message, leaves outputs untouched and harms nothing.
 */
#include "test_support.h"

#include <climits>

namespace {

using vctest::FailsFreshlyWith;
using vctest::ScopedEngine;
using vctest::Succeeds;

TEST(Arguments, CreateWithNullOutput)
{
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [] { return vc_engine_create(nullptr, nullptr); }));
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [] { return vc_engine_create(nullptr, "{}"); }));
}

TEST(Arguments, GetConfigWithNullOutput)
{
    ScopedEngine engine;
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_engine_get_config(engine.get(), nullptr); }));
}

TEST(Arguments, PollWithNullOutput)
{
    ScopedEngine engine;
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_engine_poll_event(engine.get(), nullptr, 0); }));
    // The rejected poll must not have consumed the first event.
    EXPECT_EQ(VC_EVENT_ENGINE_STARTED, vctest::poll_one(engine.get()).type);
}

TEST(Arguments, PollWithTimeoutBelowMinusOne)
{
    ScopedEngine engine;
    for (int timeout : {-2, -1000, INT_MIN}) {
        vc_event_t event{};
        event.type = 12345;
        EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_engine_poll_event(engine.get(), &event, timeout); }))
            << "timeout " << timeout;
        EXPECT_EQ(12345, event.type) << "output written on failure";
    }
}

TEST(Arguments, LogLevelOutOfRange)
{
    ScopedEngine engine;
    for (int level : {VC_LOG_DEBUG - 1, VC_LOG_OFF + 1, 100, INT_MIN, INT_MAX}) {
        EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_set_log_callback(engine.get(), level, nullptr, nullptr); }))
            << "level " << level;
    }
    for (int level = VC_LOG_DEBUG; level <= VC_LOG_OFF; ++level) {
        EXPECT_TRUE(Succeeds(vc_set_log_callback(engine.get(), level, nullptr, nullptr))) << "level " << level;
    }
}

TEST(Arguments, PostedDetailMustBeJsonObject)
{
    ScopedEngine engine;
    for (const char *detail : {"", "[]", "[1,2]", "42", "\"text\"", "null", "true", "{", "{\"a\":}", "not json", "{} {}"}) {
        EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_engine_post_event(engine.get(), 1, detail); }))
            << "detail '" << detail << "'";
    }
    // Rejected posts queue nothing: only ENGINE_STARTED and the valid posts below come out.
    EXPECT_TRUE(Succeeds(vc_engine_post_event(engine.get(), 2, "{}")));
    EXPECT_TRUE(Succeeds(vc_engine_post_event(engine.get(), 3, " { \"nested\" : {\"a\":[1,2,{}]} } ")));
    EXPECT_TRUE(Succeeds(vc_engine_post_event(engine.get(), 4, nullptr)));
    const auto events = vctest::poll_events(engine.get(), 10, std::chrono::milliseconds(300));
    ASSERT_EQ(4u, events.size());
    EXPECT_EQ(VC_EVENT_ENGINE_STARTED, events[0].type);
    EXPECT_EQ(2, events[1].value);
    EXPECT_EQ(3, events[2].value);
    EXPECT_EQ(4, events[3].value);
}

TEST(Arguments, NullCallbacksAreAccepted)
{
    ScopedEngine engine;
    EXPECT_TRUE(Succeeds(vc_engine_set_event_callback(engine.get(), nullptr, nullptr)));
    EXPECT_TRUE(Succeeds(vc_set_log_callback(engine.get(), VC_LOG_DEBUG, nullptr, nullptr)));
}

TEST(Arguments, FreeNullIsNoOp)
{
    vc_free(nullptr);
}

}  // namespace
