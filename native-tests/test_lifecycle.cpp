/*
 * test_lifecycle.cpp - vc_engine_destroy while the engine is busy: pollers blocked in poll,
 * posters still posting, a slow callback running, destroy from inside the engine's own
 * callback, and several threads destroying at once. The promise under test: destroy returns,
 * and once it has returned no callback is running or will start.
 */
#include "test_support.h"

#include <atomic>
#include <future>
#include <vector>

namespace {

using vctest::Clock;
using vctest::EventRecorder;
using vctest::FailsWith;
using vctest::Millis;
using vctest::ScopedEngine;
using vctest::SlowCallback;
using vctest::Succeeds;

/* A post, poll or destroy racing with destroy may see either of these, nothing else. */
bool is_shutdown_result(int rc) { return rc == VC_E_INVALID_HANDLE || rc == VC_E_SHUTDOWN; }

TEST(Lifecycle, DestroyWakesThreadsBlockedInPoll)
{
    vc_engine_t handle = 0;
    ASSERT_TRUE(Succeeds(vc_engine_create(&handle, nullptr)));
    vctest::poll_one(handle);  // take ENGINE_STARTED so the pollers really block
    constexpr int kPollers = 3;
    // A poller never woken would also block these futures' destructors: CTest's TIMEOUT bounds that.
    std::vector<std::future<int>> pollers;
    for (int i = 0; i < kPollers; ++i) {
        pollers.push_back(std::async(std::launch::async, [handle] {
            vc_event_t event{};
            int rc = vc_engine_poll_event(handle, &event, -1);
            return rc == VC_OK ? VC_OK : (vctest::last_error().empty() ? 1 : rc);  // 1: failed without a message
        }));
    }
    vctest::sleep_for(vctest::settle_time());
    const auto start = Clock::now();
    ASSERT_TRUE(Succeeds(vc_engine_destroy(handle)));
    for (auto &poller : pollers) {
        ASSERT_EQ(std::future_status::ready, poller.wait_until(start + vctest::kPromptly)) << "poll(-1) not woken by destroy";
        EXPECT_EQ(VC_E_SHUTDOWN, poller.get());
    }
    EXPECT_TRUE(FailsWith(VC_E_INVALID_HANDLE, vc_engine_post_event(handle, 1, nullptr)));
}

TEST(Lifecycle, DestroyDropsQueuedEvents)
{
    vc_engine_t engine = 0;
    ASSERT_TRUE(Succeeds(vc_engine_create(&engine, nullptr)));
    for (int value = 0; value < 100; ++value) {
        ASSERT_TRUE(Succeeds(vc_engine_post_event(engine, value, "{\"queued\":true}")));
    }
    ASSERT_TRUE(Succeeds(vc_engine_destroy(engine)));
    vc_event_t event{};
    EXPECT_TRUE(FailsWith(VC_E_INVALID_HANDLE, vc_engine_poll_event(engine, &event, 0)));
}

TEST(Lifecycle, DestroyWaitsForTheRunningCallback)
{
    SlowCallback probe(Millis(300));
    vc_engine_t engine = 0;
    ASSERT_TRUE(Succeeds(vc_engine_create(&engine, nullptr)));
    ASSERT_TRUE(Succeeds(probe.install_for_events(engine)));
    ASSERT_TRUE(vctest::wait_until([&] { return probe.running() == 1; }));
    ASSERT_TRUE(Succeeds(vc_engine_destroy(engine)));
    EXPECT_EQ(0, probe.running()) << "destroy returned while a callback was still running";
    probe.retire();
    vctest::sleep_for(vctest::settle_time());
    EXPECT_EQ(0, probe.late());
}

TEST(Lifecycle, DestroyWhilePostersRunAndCallbackIsSlow)
{
    SlowCallback probe(Millis(2));
    vc_engine_t engine = 0;
    ASSERT_TRUE(Succeeds(vc_engine_create(&engine, nullptr)));
    ASSERT_TRUE(Succeeds(probe.install_for_events(engine)));

    constexpr int kPosters = 4;
    const int cap = vctest::scaled(200000, 20000);  // bound each poster even if destroy never lands
    std::atomic<bool> stop{false};
    std::atomic<int> unexpected{0};
    std::vector<std::thread> posters;
    for (int p = 0; p < kPosters; ++p) {
        posters.emplace_back([&, p] {
            for (int i = 0; i < cap && !stop; ++i) {
                int rc = vc_engine_post_event(engine, vctest::poster_value(p, i), "{\"busy\":1}");
                if (rc != VC_OK) {
                    if (!is_shutdown_result(rc)) {
                        ++unexpected;
                    }
                    return;
                }
            }
        });
    }
    // EXPECT, not ASSERT, from here on: the posters must be joined whatever happens.
    EXPECT_TRUE(vctest::wait_until([&] { return probe.entered() >= 20; }));
    EXPECT_TRUE(Succeeds(vc_engine_destroy(engine)));
    probe.retire();
    EXPECT_EQ(0, probe.running()) << "destroy returned while a callback was still running";
    stop = true;
    for (auto &poster : posters) {
        poster.join();
    }
    vctest::sleep_for(vctest::settle_time());
    EXPECT_EQ(0, probe.late()) << "callbacks started after destroy returned";
    EXPECT_EQ(0, unexpected.load()) << "posts racing with destroy failed with something other than INVALID_HANDLE/SHUTDOWN";
}

TEST(Lifecycle, DestroyFromInsideOwnCallback)
{
    EventRecorder recorder;
    std::atomic<bool> callback_done{false};
    std::atomic<int> destroy_rc{1};
    std::atomic<int> post_after_rc{1};
    std::atomic<long long> destroy_ms{-1};
    recorder.on_event = [&](const vc_event_t &event) {
        if (event.type != VC_EVENT_USER || event.value != 7) {
            return;
        }
        const auto start = Clock::now();
        destroy_rc = vc_engine_destroy(event.engine);
        destroy_ms = std::chrono::duration_cast<Millis>(Clock::now() - start).count();
        post_after_rc = vc_engine_post_event(event.engine, 99, nullptr);  // the handle is dead already
        callback_done = true;
    };
    vc_engine_t engine = 0;
    ASSERT_TRUE(Succeeds(vc_engine_create(&engine, nullptr)));
    ASSERT_TRUE(Succeeds(recorder.install(engine)));
    for (int value = 1; value <= 20; ++value) {
        ASSERT_TRUE(Succeeds(vc_engine_post_event(engine, value, nullptr)));
    }
    ASSERT_TRUE(vctest::wait_until([&] { return callback_done.load(); })) << "destroy inside the callback never returned";
    EXPECT_EQ(VC_OK, destroy_rc.load());
    EXPECT_LT(destroy_ms.load(), 5000) << "destroy from the callback should return at once";
    EXPECT_EQ(VC_E_INVALID_HANDLE, post_after_rc.load());

    vctest::sleep_for(vctest::settle_time());
    const auto events = recorder.events();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(7, events.back().value) << "a callback arrived after destroy";
    EXPECT_EQ(8u, events.size());  // ENGINE_STARTED and 1..7
    EXPECT_TRUE(FailsWith(VC_E_INVALID_HANDLE, vc_engine_destroy(engine)));
}

TEST(Lifecycle, DestroyAnotherEngineFromCallback)
{
    SlowCallback inner_probe(Millis(20));
    EventRecorder recorder;
    std::atomic<int> rc{1};
    vc_engine_t inner = 0;
    recorder.on_event = [&](const vc_event_t &event) {
        if (event.type == VC_EVENT_USER) {
            rc = vc_engine_destroy(inner);  // blocks on the other engine's callback: allowed
            inner_probe.retire();
        }
    };
    ASSERT_TRUE(Succeeds(vc_engine_create(&inner, nullptr)));
    ASSERT_TRUE(Succeeds(inner_probe.install_for_events(inner)));
    ASSERT_TRUE(Succeeds(vc_engine_post_event(inner, 1, nullptr)));

    ScopedEngine outer;
    ASSERT_TRUE(Succeeds(recorder.install(outer.get())));
    ASSERT_TRUE(Succeeds(vc_engine_post_event(outer.get(), 1, nullptr)));
    ASSERT_TRUE(vctest::wait_until([&] { return rc.load() != 1; }));
    EXPECT_EQ(VC_OK, rc.load());
    EXPECT_EQ(0, inner_probe.running());
    vctest::sleep_for(vctest::settle_time());
    EXPECT_EQ(0, inner_probe.late());
    EXPECT_TRUE(Succeeds(vc_engine_post_event(outer.get(), 2, nullptr))) << "the outer engine is unaffected";
}

TEST(Lifecycle, TwoThreadsDestroyingWhileCallbackRuns)
{
    // Both destroy calls must return; whichever returns VC_OK promises no callback is running.
    const int trials = vctest::scaled(20, 4);
    for (int trial = 0; trial < trials; ++trial) {
        SCOPED_TRACE("trial " + std::to_string(trial));
        SlowCallback probe(Millis(100));
        vc_engine_t engine = 0;
        ASSERT_TRUE(Succeeds(vc_engine_create(&engine, nullptr)));
        ASSERT_TRUE(Succeeds(probe.install_for_events(engine)));
        ASSERT_TRUE(vctest::wait_until([&] { return probe.running() == 1; }));
        int rcs[2] = {1, 1};
        int running_at_return[2] = {-1, -1};
        vctest::run_concurrently(2, [&](int i) {
            rcs[i] = vc_engine_destroy(engine);
            running_at_return[i] = probe.running();
        });
        probe.retire();
        EXPECT_TRUE(rcs[0] == VC_OK || rcs[1] == VC_OK) << "neither destroy succeeded";
        for (int i = 0; i < 2; ++i) {
            EXPECT_TRUE(rcs[i] == VC_OK || rcs[i] == VC_E_INVALID_HANDLE) << "destroy " << i << ": " << vc_strerror(rcs[i]);
            if (rcs[i] == VC_OK) {
                // LIBRARY BUG when this fails (intermittent, about 1 trial in 300 here): a second
                // concurrent destroy that resolved the handle before the first removed it returns
                // VC_OK at once (Engine.Dispose finds _disposed already set) while the first still
                // waits for the callback, so its caller may free the callback's user data too early.
                EXPECT_EQ(0, running_at_return[i]) << "destroy " << i << " returned VC_OK while a callback was running";
            }
        }
        vctest::sleep_for(Millis(20));
        EXPECT_EQ(0, probe.late());
    }
}

TEST(Lifecycle, ManyThreadsDestroyingTheSameEngine)
{
    const int trials = vctest::scaled(50, 5);
    constexpr int kThreads = 8;
    for (int trial = 0; trial < trials; ++trial) {
        vc_engine_t engine = 0;
        ASSERT_TRUE(Succeeds(vc_engine_create(&engine, nullptr)));
        std::atomic<int> ok{0};
        std::atomic<int> invalid{0};
        vctest::run_concurrently(kThreads, [&](int) {
            int rc = vc_engine_destroy(engine);
            if (rc == VC_OK) {
                ++ok;
            } else if (rc == VC_E_INVALID_HANDLE) {
                ++invalid;
            }
        });
        EXPECT_GE(ok.load(), 1) << "trial " << trial;
        EXPECT_EQ(kThreads, ok.load() + invalid.load()) << "trial " << trial << ": unexpected destroy result";
    }
}

}  // namespace
