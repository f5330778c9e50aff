/*
 * test_events.cpp - the event stream of one engine seen by one consumer: the first event,
 * the fields of posted events, poll timeouts, switching between polling and a callback,
 * detail_json lifetimes and the dropped-events notice.
 */
#include "test_support.h"

#include <climits>
#include <cstring>
#include <future>
#include <string>

namespace {

using vctest::Clock;
using vctest::EventRecorder;
using vctest::FailsWith;
using vctest::Millis;
using vctest::ScopedEngine;
using vctest::Succeeds;

TEST(Events, FirstPolledEventIsEngineStarted)
{
    ScopedEngine engine;
    const auto first = vctest::poll_one(engine.get());
    EXPECT_EQ(VC_EVENT_ENGINE_STARTED, first.type);
    EXPECT_EQ(1u, first.sequence);
    EXPECT_EQ(engine.get(), first.engine);
    EXPECT_EQ(0u, first.handle);
    EXPECT_EQ(0u, first.related);
    // Documented detail: {"version"}, the library version.
    ASSERT_TRUE(first.has_detail);
    EXPECT_EQ('{', first.detail.front()) << first.detail;
    EXPECT_EQ('}', first.detail.back()) << first.detail;
    EXPECT_NE(std::string::npos, first.detail.find("\"version\"")) << first.detail;
    EXPECT_NE(std::string::npos, first.detail.find(vc_version())) << first.detail;
}

TEST(Events, FirstCallbackEventIsEngineStarted)
{
    EventRecorder recorder;
    ScopedEngine engine;
    ASSERT_TRUE(Succeeds(recorder.install(engine.get())));
    ASSERT_TRUE(recorder.wait_for_count(1));
    const auto first = recorder.events().front();
    EXPECT_EQ(VC_EVENT_ENGINE_STARTED, first.type);
    EXPECT_EQ(1u, first.sequence);
    EXPECT_EQ(engine.get(), first.engine);
}

TEST(Events, PostedEventCarriesValueAndDetail)
{
    ScopedEngine engine;
    ASSERT_TRUE(Succeeds(vc_engine_post_event(engine.get(), 42, "{\"k\":\"v\",\"n\":[1,2]}")));
    ASSERT_TRUE(Succeeds(vc_engine_post_event(engine.get(), INT64_MIN, nullptr)));
    ASSERT_TRUE(Succeeds(vc_engine_post_event(engine.get(), INT64_MAX, "{}")));
    const auto events = vctest::poll_events(engine.get(), 4, vctest::kPromptly);
    ASSERT_EQ(4u, events.size());
    const int64_t values[] = {42, INT64_MIN, INT64_MAX};
    for (size_t i = 1; i < events.size(); ++i) {
        EXPECT_EQ(VC_EVENT_USER, events[i].type);
        EXPECT_EQ(i + 1, events[i].sequence);
        EXPECT_EQ(engine.get(), events[i].engine);
        EXPECT_EQ(values[i - 1], events[i].value);
        EXPECT_EQ(0, events[i].value2);
        EXPECT_EQ(0u, events[i].handle);
        EXPECT_EQ(0u, events[i].related);
    }
    EXPECT_EQ("{\"k\":\"v\",\"n\":[1,2]}", events[1].detail);
    EXPECT_FALSE(events[2].has_detail);
    EXPECT_EQ("{}", events[3].detail);
}

TEST(Events, PostedDetailIsCopied)
{
    char detail[] = "{\"who\":\"original\"}";
    ScopedEngine engine;
    ASSERT_TRUE(Succeeds(vc_engine_post_event(engine.get(), 1, detail)));
    std::memset(detail, 'x', sizeof detail - 1);  // the caller keeps ownership and may reuse it at once
    const auto events = vctest::poll_events(engine.get(), 2, vctest::kPromptly);
    ASSERT_EQ(2u, events.size());
    EXPECT_EQ("{\"who\":\"original\"}", events[1].detail);
}

TEST(Events, PollWithZeroTimeoutReturnsAtOnce)
{
    ScopedEngine engine;
    vctest::poll_one(engine.get());  // ENGINE_STARTED
    vc_event_t event{};
    const auto start = Clock::now();
    EXPECT_TRUE(FailsWith(VC_E_TIMEOUT, vc_engine_poll_event(engine.get(), &event, 0)));
    EXPECT_LT(Clock::now() - start, Millis(2000));
}

TEST(Events, PollTimesOutWithinBoundedTime)
{
    ScopedEngine engine;
    vctest::poll_one(engine.get());
    for (int timeout : {50, 250}) {
        vc_event_t event{};
        const auto start = Clock::now();
        EXPECT_TRUE(FailsWith(VC_E_TIMEOUT, vc_engine_poll_event(engine.get(), &event, timeout)));
        const auto waited = std::chrono::duration_cast<Millis>(Clock::now() - start);
        // The library's clock is coarse (a few ms); half the timeout proves it really waited.
        EXPECT_GE(waited.count(), timeout / 2) << "returned long before the timeout";
        EXPECT_LE(waited.count(), timeout + 5000) << "overslept its timeout";
    }
}

TEST(Events, PollWithoutLimitWakesForAPost)
{
    ScopedEngine engine;
    vctest::poll_one(engine.get());
    const vc_engine_t handle = engine.get();
    auto poller = std::async(std::launch::async, [handle] {
        vc_event_t event{};
        int rc = vc_engine_poll_event(handle, &event, -1);
        return rc == VC_OK ? event.value : -int64_t(1000) + rc;
    });
    vctest::sleep_for(vctest::settle_time());
    ASSERT_TRUE(Succeeds(vc_engine_post_event(engine.get(), 77, nullptr)));
    if (poller.wait_for(vctest::kPromptly) != std::future_status::ready) {
        engine.destroy();  // wakes the poller, so the future's destructor does not wait forever
        FAIL() << "poll(-1) did not wake up for a post";
    }
    EXPECT_EQ(77, poller.get());
}

TEST(Events, CallbackFirstReceivesEventsQueuedForPolling)
{
    EventRecorder recorder;
    ScopedEngine engine;
    for (int value = 1; value <= 5; ++value) {
        ASSERT_TRUE(Succeeds(vc_engine_post_event(engine.get(), value, nullptr)));
    }
    ASSERT_TRUE(Succeeds(recorder.install(engine.get())));
    for (int value = 6; value <= 8; ++value) {
        ASSERT_TRUE(Succeeds(vc_engine_post_event(engine.get(), value, nullptr)));
    }
    ASSERT_TRUE(recorder.wait_for_count(9));
    const auto events = recorder.events();
    ASSERT_EQ(9u, events.size());
    EXPECT_EQ(VC_EVENT_ENGINE_STARTED, events[0].type);
    for (size_t i = 0; i < events.size(); ++i) {
        EXPECT_EQ(i + 1, events[i].sequence);
        if (i > 0) {
            EXPECT_EQ(int64_t(i), events[i].value);
        }
    }
}

TEST(Events, RemovingTheCallbackQueuesLaterEventsForPolling)
{
    EventRecorder recorder;
    ScopedEngine engine;
    ASSERT_TRUE(Succeeds(recorder.install(engine.get())));
    ASSERT_TRUE(Succeeds(vc_engine_post_event(engine.get(), 1, nullptr)));
    ASSERT_TRUE(recorder.wait_for_value(1));
    ASSERT_TRUE(Succeeds(vc_engine_set_event_callback(engine.get(), nullptr, nullptr)));
    ASSERT_TRUE(Succeeds(vc_engine_post_event(engine.get(), 2, nullptr)));
    const auto polled = vctest::poll_one(engine.get());
    EXPECT_EQ(VC_EVENT_USER, polled.type);
    EXPECT_EQ(2, polled.value);
    EXPECT_EQ(3u, polled.sequence);  // sequence numbers run on across the switch
    EXPECT_EQ(2u, recorder.count());
}

TEST(Events, WithACallbackSetNothingIsLeftToPoll)
{
    EventRecorder recorder;
    ScopedEngine engine;
    ASSERT_TRUE(Succeeds(recorder.install(engine.get())));
    ASSERT_TRUE(Succeeds(vc_engine_post_event(engine.get(), 1, nullptr)));
    ASSERT_TRUE(recorder.wait_for_value(1));
    vc_event_t event{};
    EXPECT_TRUE(FailsWith(VC_E_TIMEOUT, vc_engine_poll_event(engine.get(), &event, 50)));
}

TEST(Events, PolledDetailLivesUntilTheSameThreadPollsAgain)
{
    ScopedEngine other;
    ScopedEngine engine;
    vctest::poll_one(engine.get());
    vctest::poll_one(other.get());
    ASSERT_TRUE(Succeeds(vc_engine_post_event(engine.get(), 1, "{\"first\":true}")));
    vc_event_t event{};
    ASSERT_TRUE(Succeeds(vc_engine_poll_event(engine.get(), &event, int(vctest::kPromptly.count()))));
    ASSERT_NE(event.detail_json, nullptr);
    const char *detail = event.detail_json;

    // None of these is "the same thread polling again", so the pointer must stay valid.
    ASSERT_TRUE(Succeeds(vc_engine_post_event(engine.get(), 2, "{\"second\":true}")));
    ASSERT_TRUE(Succeeds(vc_engine_post_event(other.get(), 3, "{\"third\":true}")));
    char *config = nullptr;
    ASSERT_TRUE(Succeeds(vc_engine_get_config(engine.get(), &config)));
    vc_free(config);
    EXPECT_TRUE(FailsWith(VC_E_INVALID_HANDLE, vc_engine_post_event(0, 0, nullptr)));
    std::thread elsewhere([&] {
        // Another thread polling (either engine) does not end this thread's detail.
        EXPECT_EQ(2, vctest::poll_one(engine.get()).value);
        EXPECT_EQ(3, vctest::poll_one(other.get()).value);
    });
    elsewhere.join();
    EXPECT_STREQ("{\"first\":true}", detail);
}

TEST(Events, CallbackDetailIsReadableDuringTheCallback)
{
    // The recorder copies detail_json inside the callback; memcheck checks that read.
    EventRecorder recorder;
    ScopedEngine engine;
    ASSERT_TRUE(Succeeds(recorder.install(engine.get())));
    const int count = vctest::scaled(200, 20);
    for (int i = 0; i < count; ++i) {
        const std::string detail = "{\"i\":" + std::to_string(i) + ",\"pad\":\"" + std::string(size_t(i), 'p') + "\"}";
        ASSERT_TRUE(Succeeds(vc_engine_post_event(engine.get(), i, detail.c_str())));
    }
    ASSERT_TRUE(recorder.wait_for_count(size_t(count) + 1));
    const auto events = recorder.events();
    for (int i = 0; i < count; ++i) {
        const std::string expected = "{\"i\":" + std::to_string(i) + ",\"pad\":\"" + std::string(size_t(i), 'p') + "\"}";
        EXPECT_EQ(expected, events[size_t(i) + 1].detail);
    }
}

/* Overflow checks shared by polling and callback delivery. */
constexpr int kSmallCapacity = 16;
constexpr int kOverflowPosts = 200;
const char *const kSmallQueueConfig = "{\"event_queue_capacity\":16}";

/* Posts kOverflowPosts events with nobody consuming, then lets the dispatch thread park them all. */
void overflow_poll_queue(vc_engine_t engine)
{
    for (int value = 0; value < kOverflowPosts; ++value) {
        ASSERT_TRUE(Succeeds(vc_engine_post_event(engine, value, nullptr)));
    }
    // The dispatch thread moves posts into the bounded queue on its own; let it finish first.
    vctest::sleep_for(vctest::settle_time());
}

/*
 * The stream after an overflow: VC_EVENT_EVENTS_DROPPED first, saying how many were lost, then
 * the newest events in order; every event posted (plus ENGINE_STARTED) delivered or counted.
 */
void expect_overflow_stream(const std::vector<vctest::RecordedEvent> &events)
{
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(VC_EVENT_EVENTS_DROPPED, events[0].type) << "the drop notice comes before the events kept";
    int64_t dropped = 0;
    int user_events = 0;
    int64_t last_value = -1;
    for (size_t i = 0; i < events.size(); ++i) {
        EXPECT_EQ(i + 1, events[i].sequence);
        if (events[i].type == VC_EVENT_EVENTS_DROPPED) {
            EXPECT_GT(events[i].value, 0);
            dropped += events[i].value;
        } else if (events[i].type == VC_EVENT_USER) {
            EXPECT_GT(events[i].value, last_value) << "events out of order";
            last_value = events[i].value;
            ++user_events;
        }
    }
    const bool started_kept = events.size() > 1 && events[1].type == VC_EVENT_ENGINE_STARTED;
    EXPECT_EQ(kOverflowPosts + 1, user_events + dropped + (started_kept ? 1 : 0))
        << "every event is either delivered or counted as dropped";
    EXPECT_EQ(kOverflowPosts - 1, last_value) << "the newest events are the ones kept";
    EXPECT_LE(user_events, kSmallCapacity);
}

TEST(Events, FullPollQueueDropsOldestAndSaysHowMany)
{
    ScopedEngine engine(kSmallQueueConfig);
    overflow_poll_queue(engine.get());
    expect_overflow_stream(vctest::poll_events(engine.get(), size_t(kOverflowPosts) + 2, Millis(500)));
}

TEST(Events, NewCallbackHearsOfEarlierDrops)
{
    EventRecorder recorder;
    ScopedEngine engine(kSmallQueueConfig);
    overflow_poll_queue(engine.get());
    ASSERT_TRUE(Succeeds(recorder.install(engine.get())));
    // Notice plus the kept events; wait for the last posted value, which is always kept.
    ASSERT_TRUE(recorder.wait_for_value(kOverflowPosts - 1));
    expect_overflow_stream(recorder.events());
}

}  // namespace
