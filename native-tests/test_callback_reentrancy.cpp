/*
 * test_callback_reentrancy.cpp - calling the library from inside its own callbacks. The header
 * promises callbacks never run under an internal lock, so every call below must work (a lock
 * held across the callback would turn these into deadlocks, caught by the bounded waits).
 */
#include "test_support.h"

#include <atomic>
#include <string>

namespace {

using vctest::EventRecorder;
using vctest::FailsWith;
using vctest::ScopedEngine;
using vctest::Succeeds;

TEST(CallbackReentrancy, PostFromCallback)
{
    // Each event posts the next: a chain that only completes if posting works in the callback.
    const int chain = vctest::scaled(500, 50);
    EventRecorder recorder;
    std::atomic<int> failures{0};
    recorder.on_event = [&](const vc_event_t &event) {
        if (event.type == VC_EVENT_USER && event.value < chain) {
            if (vc_engine_post_event(event.engine, event.value + 1, "{\"from\":\"callback\"}") != VC_OK) {
                ++failures;
            }
        }
    };
    ScopedEngine engine;
    ASSERT_TRUE(Succeeds(recorder.install(engine.get())));
    ASSERT_TRUE(Succeeds(vc_engine_post_event(engine.get(), 1, nullptr)));
    ASSERT_TRUE(recorder.wait_for_value(chain)) << "chain stopped after " << recorder.count() << " events";
    EXPECT_EQ(0, failures.load());
    const auto events = recorder.events();
    for (size_t i = 0; i < events.size(); ++i) {
        EXPECT_EQ(i + 1, events[i].sequence);
    }
}

TEST(CallbackReentrancy, ReplaceEventCallbackFromCallback)
{
    EventRecorder first;
    EventRecorder second;
    std::atomic<int> rc{1};
    first.on_event = [&](const vc_event_t &event) {
        if (event.type == VC_EVENT_USER && event.value == 1) {
            rc = second.install(event.engine);
        }
    };
    ScopedEngine engine;
    ASSERT_TRUE(Succeeds(first.install(engine.get())));
    for (int value = 1; value <= 5; ++value) {
        ASSERT_TRUE(Succeeds(vc_engine_post_event(engine.get(), value, nullptr)));
    }
    ASSERT_TRUE(second.wait_for_value(5));
    EXPECT_EQ(VC_OK, rc.load());
    // Event 2 is delivered after the callback for 1 returned, so it already goes to the new callback.
    const auto before = first.events();
    const auto after = second.events();
    ASSERT_EQ(2u, before.size());
    EXPECT_EQ(1, before[1].value);
    ASSERT_EQ(4u, after.size());
    for (size_t i = 0; i < after.size(); ++i) {
        EXPECT_EQ(int64_t(i) + 2, after[i].value);
        EXPECT_EQ(i + 3, after[i].sequence);
    }
}

TEST(CallbackReentrancy, RemoveEventCallbackFromCallback)
{
    EventRecorder recorder;
    recorder.on_event = [&](const vc_event_t &event) {
        if (event.type == VC_EVENT_USER && event.value == 1) {
            vc_engine_set_event_callback(event.engine, nullptr, nullptr);
        }
    };
    ScopedEngine engine;
    ASSERT_TRUE(Succeeds(recorder.install(engine.get())));
    for (int value = 1; value <= 3; ++value) {
        ASSERT_TRUE(Succeeds(vc_engine_post_event(engine.get(), value, nullptr)));
    }
    // Once the callback is gone, the rest queue for polling, in order.
    EXPECT_EQ(2, vctest::poll_one(engine.get()).value);
    EXPECT_EQ(3, vctest::poll_one(engine.get()).value);
    EXPECT_EQ(2u, recorder.count());
}

TEST(CallbackReentrancy, OtherCallsFromCallback)
{
    EventRecorder recorder;
    std::atomic<bool> done{false};
    std::string report;  // written by the callback, read after `done`
    recorder.on_event = [&](const vc_event_t &event) {
        if (event.type != VC_EVENT_USER || event.value != 1) {
            return;
        }
        char *config = nullptr;
        if (vc_engine_get_config(event.engine, &config) != VC_OK || config == nullptr) {
            report += "get_config failed; ";
        }
        vc_free(config);
        if (vc_set_log_callback(event.engine, VC_LOG_ERROR, nullptr, nullptr) != VC_OK) {
            report += "set_log_callback failed; ";
        }
        vc_event_t polled{};
        if (vc_engine_poll_event(event.engine, &polled, 0) != VC_E_TIMEOUT) {
            report += "poll(0) with a callback set did not time out; ";
        }
        // A failure inside the callback sets the dispatch thread's own last error.
        if (vc_engine_post_event(0, 0, nullptr) != VC_E_INVALID_HANDLE || vctest::last_error().empty()) {
            report += "failing call misreported; ";
        }
        vc_engine_t nested = 0;
        if (vc_engine_create(&nested, nullptr) != VC_OK || vc_engine_destroy(nested) != VC_OK) {
            report += "create/destroy of another engine failed; ";
        }
        done = true;
    };
    ScopedEngine engine;
    ASSERT_TRUE(Succeeds(recorder.install(engine.get())));
    ASSERT_TRUE(Succeeds(vc_engine_post_event(engine.get(), 1, nullptr)));
    ASSERT_TRUE(vctest::wait_until([&] { return done.load(); })) << "callback stuck calling the library";
    EXPECT_EQ("", report);
}

TEST(CallbackReentrancy, SetLogCallbackFromCallback)
{
    EventRecorder recorder;
    std::atomic<int> rc{1};
    recorder.on_event = [&](const vc_event_t &event) {
        if (event.type == VC_EVENT_USER) {
            rc = vc_set_log_callback(event.engine, VC_LOG_DEBUG, [](int, const char *, const char *, void *) {}, nullptr);
        }
    };
    ScopedEngine engine;
    ASSERT_TRUE(Succeeds(recorder.install(engine.get())));
    ASSERT_TRUE(Succeeds(vc_engine_post_event(engine.get(), 1, nullptr)));
    ASSERT_TRUE(recorder.wait_for_value(1));
    ASSERT_TRUE(vctest::wait_until([&] { return rc.load() != 1; }));
    EXPECT_TRUE(Succeeds(rc.load()));
    // The engine still delivers afterwards: the call did not wedge the dispatch thread.
    ASSERT_TRUE(Succeeds(vc_engine_post_event(engine.get(), 2, nullptr)));
    EXPECT_TRUE(recorder.wait_for_value(2));
}

}  // namespace
