/*
 * test_thread_exit.cpp - memory the library keeps per calling thread (the vc_last_error()
 * message, the detail_json of the last polled event) must be released when that thread ends.
 * Otherwise every short-lived host thread that once saw an error or polled an event leaves
 * its strings behind for the life of the process.
 *
 * Measured with glibc's heap statistics; CTest runs these with MALLOC_ARENA_MAX=1 so every
 * thread allocates from the arena mallinfo2() reports on. Under valgrind, which replaces the
 * allocator, the statistics are empty and the tests skip (memcheck lists such blocks as
 * "still reachable", which is not an error).
 */
#include "test_support.h"

#include <malloc.h>

#include <functional>
#include <string>
#include <thread>

namespace {

using vctest::ScopedEngine;
using vctest::Succeeds;

constexpr int kThreads = 200;
constexpr size_t kStringSize = 2000;  // large, so a leak stands far above allocator noise

/* Net heap growth per thread over kThreads threads that each run `body` once and end. */
long heap_growth_per_thread(const std::function<void()> &body)
{
    auto run_threads = [&](int count) {
        for (int i = 0; i < count; ++i) {
            std::thread thread(body);
            thread.join();
        }
    };
    run_threads(10);  // warm-up: first-use allocations are not per thread
    const size_t before = mallinfo2().uordblks;
    run_threads(kThreads);
    const size_t after = mallinfo2().uordblks;
    return (long(after) - long(before)) / kThreads;
}

bool heap_statistics_available() { return mallinfo2().uordblks != 0; }

TEST(ThreadExit, LastErrorMessageIsFreedWhenTheThreadEnds)
{
    if (!heap_statistics_available()) {
        GTEST_SKIP() << "malloc statistics unavailable (valgrind replaces the allocator)";
    }
    const std::string config = "{\"" + std::string(kStringSize, 'k') + "\":1}";  // the message repeats the key
    const long growth = heap_growth_per_thread([&] {
        vc_engine_t engine = 0;
        EXPECT_EQ(VC_E_INVALID_ARG, vc_engine_create(&engine, config.c_str()));
    });
    EXPECT_LT(growth, long(kStringSize / 4)) << "each ended thread left about " << growth
                                             << " bytes behind: its vc_last_error() message is never freed";
}

TEST(ThreadExit, PolledDetailIsFreedWhenTheThreadEnds)
{
    if (!heap_statistics_available()) {
        GTEST_SKIP() << "malloc statistics unavailable (valgrind replaces the allocator)";
    }
    ScopedEngine engine;
    ASSERT_EQ(VC_EVENT_ENGINE_STARTED, vctest::poll_one(engine.get()).type);
    const std::string detail = "{\"d\":\"" + std::string(kStringSize, 'd') + "\"}";
    const long growth = heap_growth_per_thread([&] {
        EXPECT_TRUE(Succeeds(vc_engine_post_event(engine.get(), 1, detail.c_str())));
        EXPECT_EQ(detail, vctest::poll_one(engine.get()).detail);
    });
    EXPECT_LT(growth, long(kStringSize / 4)) << "each ended thread left about " << growth
                                             << " bytes behind: its last polled detail_json is never freed";
}

}  // namespace
