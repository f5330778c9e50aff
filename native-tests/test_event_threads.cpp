/*
 * test_event_threads.cpp - events posted from many threads at once: each arrives exactly once,
 * on one dispatch thread that is none of the posters, with consecutive sequence numbers and
 * each poster's own order kept. Several engines stay independent.
 */
#include "test_support.h"

#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace {

using vctest::EventRecorder;
using vctest::RecordedEvent;
using vctest::ScopedEngine;
using vctest::Succeeds;

constexpr int kPosters = 8;

int events_per_poster() { return vctest::scaled(1000, 100); }

/* Posts events_per_poster() events from each of kPosters threads; returns the posters' thread ids. */
std::set<std::thread::id> post_from_many_threads(vc_engine_t engine)
{
    std::mutex mutex;
    std::set<std::thread::id> posters;
    const int count = events_per_poster();
    vctest::run_concurrently(kPosters, [&](int poster) {
        {
            std::lock_guard<std::mutex> lock(mutex);
            posters.insert(std::this_thread::get_id());
        }
        for (int i = 0; i < count; ++i) {
            int rc = vc_engine_post_event(engine, vctest::poster_value(poster, i), nullptr);
            if (rc != VC_OK) {
                ADD_FAILURE() << "poster " << poster << " event " << i << ": " << vc_strerror(rc) << ": "
                              << vctest::last_error();
                return;
            }
        }
    });
    return posters;
}

/*
 * The checks shared by callback and polling delivery: ENGINE_STARTED first, sequence 1..N with
 * no gap, every posted value exactly once, and each poster's values in the order it posted them.
 */
void expect_complete_ordered_stream(const std::vector<RecordedEvent> &events, vc_engine_t engine)
{
    const size_t expected = 1 + size_t(kPosters) * size_t(events_per_poster());
    ASSERT_EQ(expected, events.size());
    EXPECT_EQ(VC_EVENT_ENGINE_STARTED, events[0].type);
    std::map<int, int> next_index;  // poster -> index it must post next
    for (size_t i = 0; i < events.size(); ++i) {
        ASSERT_EQ(i + 1, events[i].sequence) << "sequence gap or reordering at position " << i;
        ASSERT_EQ(engine, events[i].engine);
        if (i == 0) {
            continue;
        }
        ASSERT_EQ(VC_EVENT_USER, events[i].type);
        const int poster = vctest::poster_of(events[i].value);
        ASSERT_GE(poster, 0);
        ASSERT_LT(poster, kPosters);
        // Exactly-once and per-poster order in one check: each index follows the previous one.
        ASSERT_EQ(next_index[poster], vctest::index_of(events[i].value)) << "poster " << poster << " at position " << i;
        ++next_index[poster];
    }
    for (int poster = 0; poster < kPosters; ++poster) {
        EXPECT_EQ(events_per_poster(), next_index[poster]) << "poster " << poster;
    }
}

TEST(EventThreads, CallbacksFromManyPostersArriveOnceInOrderOnOneThread)
{
    EventRecorder recorder;
    ScopedEngine engine;
    ASSERT_TRUE(Succeeds(recorder.install(engine.get())));
    const auto posters = post_from_many_threads(engine.get());
    const size_t expected = 1 + size_t(kPosters) * size_t(events_per_poster());
    ASSERT_TRUE(recorder.wait_for_count(expected)) << "only " << recorder.count() << " of " << expected << " arrived";
    vctest::sleep_for(std::chrono::milliseconds(50));  // anything extra (a duplicate) would show up now
    const auto events = recorder.events();
    expect_complete_ordered_stream(events, engine.get());

    const std::thread::id dispatch = events.front().thread;
    EXPECT_NE(std::this_thread::get_id(), dispatch);
    EXPECT_EQ(0u, posters.count(dispatch)) << "a callback ran on a posting thread";
    for (const auto &event : events) {
        ASSERT_EQ(dispatch, event.thread) << "callbacks ran on more than one thread (sequence " << event.sequence << ")";
    }
}

TEST(EventThreads, PolledEventsFromManyPostersArriveOnceInOrder)
{
    std::vector<RecordedEvent> events;
    const size_t expected = 1 + size_t(kPosters) * size_t(events_per_poster());
    // Consume while the posters run, so polling really races with posting.
    ScopedEngine engine("{\"event_queue_capacity\":1048576}");
    std::thread consumer([&] { events = vctest::poll_events(engine.get(), expected, vctest::kPromptly); });
    post_from_many_threads(engine.get());
    consumer.join();
    expect_complete_ordered_stream(events, engine.get());
}

TEST(EventThreads, EnginesHaveSeparateStreamsAndThreads)
{
    constexpr int kEngines = 3;
    EventRecorder recorders[kEngines];
    ScopedEngine engines[kEngines];
    for (int e = 0; e < kEngines; ++e) {
        ASSERT_TRUE(Succeeds(recorders[e].install(engines[e].get())));
    }
    const int count = vctest::scaled(500, 50);
    // Two posters per engine, all at the same time.
    vctest::run_concurrently(2 * kEngines, [&](int poster) {
        const int e = poster % kEngines;
        for (int i = 0; i < count; ++i) {
            EXPECT_TRUE(Succeeds(vc_engine_post_event(engines[e].get(), vctest::poster_value(poster, i), nullptr)));
        }
    });
    std::set<std::thread::id> dispatch_threads;
    for (int e = 0; e < kEngines; ++e) {
        ASSERT_TRUE(recorders[e].wait_for_count(1 + 2 * size_t(count)));
        const auto events = recorders[e].events();
        for (size_t i = 0; i < events.size(); ++i) {
            ASSERT_EQ(engines[e].get(), events[i].engine) << "engine " << e << " got another engine's event";
            ASSERT_EQ(i + 1, events[i].sequence) << "engine " << e << ": sequences are per engine";
            if (i > 0) {
                ASSERT_EQ(e, vctest::poster_of(events[i].value) % kEngines);
            }
        }
        dispatch_threads.insert(events.front().thread);
    }
    EXPECT_EQ(size_t(kEngines), dispatch_threads.size()) << "engines share a dispatch thread";
}

}  // namespace
