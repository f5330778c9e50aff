/*
 * test_logging.cpp - the log callback: delivered on the engine's dispatch thread, nothing
 * below the chosen level, nothing after removal or at VC_LOG_OFF. (The built-in log to
 * standard error is in test_stderr_log.cpp.)
 */
#include "test_support.h"

#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

using vctest::EventRecorder;
using vctest::ScopedEngine;
using vctest::Succeeds;

struct LogRecord {
    int level;
    std::string category;
    std::string message;
    std::thread::id thread;
};

/* Collects log records; strings are copied because they die when the callback returns. */
class LogRecorder {
public:
    static void callback(int level, const char *category, const char *message, void *self)
    {
        auto *recorder = static_cast<LogRecorder *>(self);
        std::lock_guard<std::mutex> lock(recorder->mutex_);
        recorder->records_.push_back({level, category ? category : "(NULL)", message ? message : "(NULL)",
                                      std::this_thread::get_id()});
    }
    int install(vc_engine_t engine, int level) { return vc_set_log_callback(engine, level, &LogRecorder::callback, this); }
    std::vector<LogRecord> records() const
    {
        std::lock_guard<std::mutex> lock(mutex_);
        return records_;
    }

private:
    mutable std::mutex mutex_;
    std::vector<LogRecord> records_;
};

/*
 * Logs and events share the dispatch thread, in order: once an event posted now has been
 * delivered, every log record produced before it has been delivered too.
 */
void flush(vc_engine_t engine, EventRecorder &events, int64_t marker)
{
    ASSERT_TRUE(Succeeds(vc_engine_post_event(engine, marker, nullptr)));
    ASSERT_TRUE(events.wait_for_value(marker));
}

TEST(Logging, RecordsArriveOnTheDispatchThreadAtOrAboveTheLevel)
{
    // The configured level (default "warning") applies until the callback is set, so nothing
    // below warning can be produced at any point of this test.
    EventRecorder events;
    ScopedEngine engine;
    ASSERT_TRUE(Succeeds(events.install(engine.get())));
    LogRecorder logs;
    ASSERT_TRUE(Succeeds(logs.install(engine.get(), VC_LOG_WARNING)));
    flush(engine.get(), events, 1);
    const auto dispatch = events.events().front().thread;
    for (const auto &record : logs.records()) {
        EXPECT_GE(record.level, VC_LOG_WARNING) << record.category << ": " << record.message;
        EXPECT_LT(record.level, VC_LOG_OFF);
        EXPECT_EQ(dispatch, record.thread) << "log callback off the dispatch thread";
        EXPECT_FALSE(record.category.empty());
    }
}

TEST(Logging, DebugLevelRecordsAreWellFormed)
{
    // Whatever the engine logs at debug level (it may log nothing yet) comes well formed.
    EventRecorder events;
    ScopedEngine engine;
    ASSERT_TRUE(Succeeds(events.install(engine.get())));
    LogRecorder logs;
    ASSERT_TRUE(Succeeds(logs.install(engine.get(), VC_LOG_DEBUG)));
    flush(engine.get(), events, 1);
    const auto dispatch = events.events().front().thread;
    for (const auto &record : logs.records()) {
        EXPECT_GE(record.level, VC_LOG_DEBUG);
        EXPECT_LT(record.level, VC_LOG_OFF);
        EXPECT_FALSE(record.category.empty());
        EXPECT_FALSE(record.message.empty());
        EXPECT_EQ(dispatch, record.thread);
    }
}

TEST(Logging, NothingAtLevelOffOrAfterRemoval)
{
    EventRecorder events;
    ScopedEngine engine;
    ASSERT_TRUE(Succeeds(events.install(engine.get())));
    LogRecorder silenced;
    ASSERT_TRUE(Succeeds(silenced.install(engine.get(), VC_LOG_OFF)));
    flush(engine.get(), events, 1);
    EXPECT_TRUE(silenced.records().empty()) << silenced.records().front().message;

    LogRecorder removed;
    ASSERT_TRUE(Succeeds(removed.install(engine.get(), VC_LOG_DEBUG)));
    flush(engine.get(), events, 2);  // records already on their way are delivered before removal
    // Removed at error level: records would now go to standard error, and nothing here is an error.
    ASSERT_TRUE(Succeeds(vc_set_log_callback(engine.get(), VC_LOG_ERROR, nullptr, nullptr)));
    const size_t before = removed.records().size();
    ASSERT_TRUE(Succeeds(vc_engine_post_event(engine.get(), 3, nullptr)));
    flush(engine.get(), events, 4);
    EXPECT_EQ(before, removed.records().size()) << "log callback called after it was removed";
}

}  // namespace
