/*
 * test_leaks.cpp - engines give back what they take: after many create/destroy cycles the
 * process has no more threads (/proc/self/task) and no more descriptors (/proc/self/fd) than
 * before. A warm-up cycle first lets everything created once per process start; the .NET
 * runtime's own threads are left out of the count (see non_runtime_thread_count).
 */
#include "test_support.h"

#include <atomic>
#include <functional>

namespace {

using vctest::EventRecorder;
using vctest::Millis;
using vctest::Succeeds;

/* One create/destroy cycle in which the dispatch thread really ran: it delivered ENGINE_STARTED. */
void polled_cycle()
{
    vc_engine_t engine = 0;
    ASSERT_TRUE(Succeeds(vc_engine_create(&engine, nullptr)));
    ASSERT_EQ(VC_EVENT_ENGINE_STARTED, vctest::poll_one(engine).type);
    ASSERT_TRUE(Succeeds(vc_engine_destroy(engine)));
}

/* The same through a callback, with a configuration and get_config in between. */
void callback_cycle()
{
    EventRecorder recorder;
    vc_engine_t engine = 0;
    ASSERT_TRUE(Succeeds(vc_engine_create(&engine, "{\"user_agent\":\"leak-check\",\"event_queue_capacity\":64}")));
    ASSERT_TRUE(Succeeds(recorder.install(engine)));
    char *config = nullptr;
    ASSERT_TRUE(Succeeds(vc_engine_get_config(engine, &config)));
    vc_free(config);
    ASSERT_TRUE(Succeeds(vc_engine_post_event(engine, 1, "{\"cycle\":true}")));
    ASSERT_TRUE(recorder.wait_for_value(1));
    ASSERT_TRUE(Succeeds(vc_engine_destroy(engine)));
}

/* Destroyed from inside its own callback: nobody joins the dispatch thread, it must end by itself. */
void self_destroying_cycle()
{
    EventRecorder recorder;
    std::atomic<int> rc{1};
    recorder.on_event = [&](const vc_event_t &event) { rc = vc_engine_destroy(event.engine); };
    vc_engine_t engine = 0;
    ASSERT_TRUE(Succeeds(vc_engine_create(&engine, nullptr)));
    ASSERT_TRUE(Succeeds(recorder.install(engine)));
    ASSERT_TRUE(vctest::wait_until([&] { return rc.load() != 1; }));
    ASSERT_EQ(VC_OK, rc.load());
}

/*
 * Runs `cycle` once to warm up, records thread and descriptor counts, runs it `cycles` more
 * times, then requires both counts back at the baseline. Threads get a bounded grace period:
 * a joined thread can linger in /proc for a moment while the kernel finishes its exit.
 */
void expect_no_growth(const std::function<void()> &cycle, int cycles)
{
    cycle();
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
    vctest::sleep_for(vctest::settle_time());  // the warm-up's own dispatch thread finishes exiting
    const size_t threads_before = vctest::non_runtime_thread_count();
    const size_t fds_before = vctest::open_fd_count();
    const std::string names_before = vctest::describe_threads();

    for (int i = 0; i < cycles; ++i) {
        cycle();
        ASSERT_FALSE(::testing::Test::HasFatalFailure()) << "cycle " << i;
    }

    EXPECT_TRUE(vctest::wait_until([&] { return vctest::non_runtime_thread_count() <= threads_before; }))
        << "threads before: " << threads_before << " (" << names_before << "), after " << cycles
        << " cycles: " << vctest::non_runtime_thread_count() << " (" << vctest::describe_threads() << ")";
    EXPECT_EQ(fds_before, vctest::open_fd_count()) << "file descriptors leaked";
}

TEST(Leaks, CreateDestroyCyclesLeaveNoThreadsOrDescriptors)
{
    expect_no_growth(polled_cycle, vctest::scaled(1000, 30));
}

TEST(Leaks, CallbackCyclesLeaveNoThreadsOrDescriptors)
{
    expect_no_growth(callback_cycle, vctest::scaled(300, 15));
}

TEST(Leaks, SelfDestroyingEnginesLeaveNoThreads)
{
    expect_no_growth(self_destroying_cycle, vctest::scaled(200, 10));
}

TEST(Leaks, ManyLiveEnginesReleaseEverything)
{
    const int live = vctest::scaled(100, 8);
    expect_no_growth(
        [&] {
            std::vector<vc_engine_t> engines(size_t(live), 0);
            for (auto &engine : engines) {
                ASSERT_TRUE(Succeeds(vc_engine_create(&engine, nullptr)));
            }
            for (auto engine : engines) {
                ASSERT_TRUE(Succeeds(vc_engine_destroy(engine)));
            }
        },
        vctest::scaled(5, 2));
}

}  // namespace
