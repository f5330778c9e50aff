/*
 * test_callback_replacement.cpp - replacing or removing a callback from another thread: when
 * vc_engine_set_event_callback / vc_set_log_callback returns, the previous callback is not
 * running and never runs again, so the host may free its user_data right away.
 */
#include "test_support.h"

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

namespace {

using vctest::EventRecorder;
using vctest::Millis;
using vctest::ScopedEngine;
using vctest::SlowCallback;
using vctest::Succeeds;

/* Long enough that the replacing call surely lands while the old callback sleeps. */
constexpr Millis kSlowCall{300};

/* Installs a slow event callback and waits until it is inside a call. */
void start_slow_event_callback(vc_engine_t engine, SlowCallback &old_callback)
{
    ASSERT_TRUE(Succeeds(old_callback.install_for_events(engine)));
    ASSERT_TRUE(Succeeds(vc_engine_post_event(engine, 1, nullptr)));
    ASSERT_TRUE(vctest::wait_until([&] { return old_callback.running() == 1; }));
}

TEST(CallbackReplacement, NewEventCallbackWaitsForTheOldOne)
{
    SlowCallback old_callback(kSlowCall);
    ScopedEngine engine;
    start_slow_event_callback(engine.get(), old_callback);

    EventRecorder replacement;
    ASSERT_TRUE(Succeeds(replacement.install(engine.get())));
    EXPECT_EQ(0, old_callback.running()) << "set_event_callback returned while the old callback ran";
    old_callback.retire();

    ASSERT_TRUE(Succeeds(vc_engine_post_event(engine.get(), 2, nullptr)));
    ASSERT_TRUE(replacement.wait_for_value(2));
    EXPECT_EQ(0, old_callback.late()) << "the replaced callback was called again";
}

TEST(CallbackReplacement, RemovingTheEventCallbackWaitsForIt)
{
    SlowCallback old_callback(kSlowCall);
    ScopedEngine engine;
    start_slow_event_callback(engine.get(), old_callback);

    ASSERT_TRUE(Succeeds(vc_engine_set_event_callback(engine.get(), nullptr, nullptr)));
    EXPECT_EQ(0, old_callback.running()) << "set_event_callback(NULL) returned while the old callback ran";
    old_callback.retire();

    ASSERT_TRUE(Succeeds(vc_engine_post_event(engine.get(), 2, nullptr)));
    const auto polled = vctest::poll_events(engine.get(), 10, Millis(300));
    ASSERT_FALSE(polled.empty());
    EXPECT_EQ(2, polled.back().value);
    EXPECT_EQ(0, old_callback.late());
}

TEST(CallbackReplacement, RapidReplacementNeverCallsARetiredCallback)
{
    // Many replacements while events stream in: each retired callback must stay silent.
    const int rounds = vctest::scaled(50, 8);
    std::vector<std::unique_ptr<SlowCallback>> callbacks;
    std::atomic<bool> stop{false};
    ScopedEngine engine;
    const vc_engine_t handle = engine.get();
    std::thread poster([&stop, handle] {
        for (int i = 0; i < 100000 && !stop; ++i) {
            if (vc_engine_post_event(handle, i, nullptr) != VC_OK) {
                return;
            }
            std::this_thread::sleep_for(Millis(2));  // slower than the 1 ms callback: the queue drains
        }
    });
    for (int round = 0; round < rounds; ++round) {
        callbacks.push_back(std::make_unique<SlowCallback>(Millis(1)));
        if (!Succeeds(callbacks.back()->install_for_events(handle))) {
            ADD_FAILURE() << "round " << round << ": " << vctest::last_error();
            break;  // no ASSERT here: the poster thread must still be joined
        }
        if (callbacks.size() > 1) {
            auto &previous = *callbacks[callbacks.size() - 2];
            EXPECT_EQ(0, previous.running()) << "round " << round;
            previous.retire();
        }
        std::this_thread::sleep_for(Millis(5));
    }
    stop = true;
    poster.join();
    ASSERT_TRUE(Succeeds(engine.destroy()));
    for (size_t i = 0; i + 1 < callbacks.size(); ++i) {
        EXPECT_EQ(0, callbacks[i]->late()) << "callback " << i << " ran after it was replaced";
    }
}

TEST(CallbackReplacement, NewLogCallbackWaitsForTheOldOne)
{
    SlowCallback old_callback(kSlowCall);
    ScopedEngine engine;
    ASSERT_TRUE(Succeeds(old_callback.install_for_logs(engine.get(), VC_LOG_DEBUG)));
    // Log records come from the engine itself; without one in flight there is nothing to race.
    if (!vctest::wait_until([&] { return old_callback.running() == 1; }, vctest::settle_time())) {
        GTEST_SKIP() << "the engine logged nothing at debug level after vc_set_log_callback";
    }
    ASSERT_TRUE(Succeeds(vc_set_log_callback(engine.get(), VC_LOG_OFF, nullptr, nullptr)));
    EXPECT_EQ(0, old_callback.running()) << "vc_set_log_callback returned while the old callback ran";
    old_callback.retire();
    ASSERT_TRUE(Succeeds(engine.destroy()));  // the engine logs while stopping: still not to the old one
    EXPECT_EQ(0, old_callback.late());
}

}  // namespace
