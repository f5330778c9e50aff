/*
 * test_support.h - the helpers every native test shares: engine ownership, error assertions,
 * bounded waiting, an event recorder for callbacks, and process statistics from /proc.
 *
 * Everything here waits with a deadline, never forever: a library that deadlocks must turn
 * into a failed test, not a hung CTest run.
 */
#ifndef VOIPCORE_NATIVE_TESTS_TEST_SUPPORT_H
#define VOIPCORE_NATIVE_TESTS_TEST_SUPPORT_H

#include <voipcore.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace vctest {

using Clock = std::chrono::steady_clock;
using Millis = std::chrono::milliseconds;

/*
 * The memcheck CTest entry sets VOIPCORE_TEST_REDUCED=1: under valgrind everything runs
 * 20-50x slower, so loops shrink there while the plain entry runs the full counts.
 */
bool reduced_run();
int scaled(int full, int reduced);

/*
 * The longest any test waits for something that should happen promptly (an event, a thread
 * ending). Generous so valgrind never causes a false failure; a correct library is far faster.
 */
constexpr Millis kPromptly{20000};

/* A pause long enough for another thread to have blocked (in poll, in a callback) by then. */
Millis settle_time();

void sleep_for(Millis duration);

/* Copies vc_last_error(): the library's string is only valid until the next failure. */
std::string last_error();

/* Passes when rc is VC_OK; otherwise prints the code's name and vc_last_error(). */
::testing::AssertionResult Succeeds(int rc);

/* Passes when rc is `expected` (a VC_E_* code) and vc_last_error() is not empty. */
::testing::AssertionResult FailsWith(int expected, int rc);

/*
 * Stronger form of FailsWith for single calls: first leaves a known marker message in
 * vc_last_error(), then runs `call`, and requires the message to have changed. This proves
 * the failing call wrote its own message rather than leaving an older one behind.
 */
::testing::AssertionResult FailsFreshlyWith(int expected, const std::function<int()> &call);

/* Polls `done` every millisecond until it holds or `timeout` passes; returns its last value. */
bool wait_until(const std::function<bool()> &done, Millis timeout = kPromptly);

/*
 * Owns one engine: creates it in the constructor (reporting a test failure if that fails)
 * and destroys it in the destructor unless a test destroyed or released it already.
 * Declare it after everything its callbacks use, so it is destroyed before they are.
 */
class ScopedEngine {
public:
    explicit ScopedEngine(const char *config_json = nullptr);
    ~ScopedEngine();
    ScopedEngine(const ScopedEngine &) = delete;
    ScopedEngine &operator=(const ScopedEngine &) = delete;

    vc_engine_t get() const { return handle_; }
    /* Destroys now and forgets the handle; returns vc_engine_destroy's result. */
    int destroy();
    /* Forgets the handle without destroying (a test destroyed it another way). */
    vc_engine_t release();

private:
    vc_engine_t handle_ = 0;
};

/* Value-copy of a vc_event_t plus the thread it arrived on, safe to keep after the callback. */
struct RecordedEvent {
    int32_t type = VC_EVENT_NONE;
    uint64_t sequence = 0;
    vc_engine_t engine = 0;
    uint64_t handle = 0;
    uint64_t related = 0;
    int64_t value = 0;
    int64_t value2 = 0;
    bool has_detail = false;
    std::string detail;
    std::thread::id thread;
};

RecordedEvent copy_event(const vc_event_t &event);

/*
 * Collects events from an engine's event callback. `on_event` (optional) runs inside the
 * callback after the event is recorded, so tests can call back into the library from there.
 * A recorder must outlive the engine it is installed on (or the engine's destruction).
 */
class EventRecorder {
public:
    std::function<void(const vc_event_t &)> on_event;

    /* The vc_event_fn to register, with this recorder as user_data. */
    static void callback(const vc_event_t *event, void *self);

    /* vc_engine_set_event_callback(engine, callback, this). */
    int install(vc_engine_t engine);

    size_t count() const;
    std::vector<RecordedEvent> events() const;
    /* Waits until at least `n` events were recorded. */
    bool wait_for_count(size_t n, Millis timeout = kPromptly) const;
    /* Waits until a VC_EVENT_USER event carrying `value` was recorded. */
    bool wait_for_value(int64_t value, Millis timeout = kPromptly) const;

    using Match = std::function<bool(const RecordedEvent &)>;
    /* The recorded events `match` accepts, in order. */
    std::vector<RecordedEvent> matching(const Match &match) const;
    /* Waits until an event `match` accepts was recorded (at any time, also before the call).
     * `match` runs with the recorder locked: it must not call back into this recorder. */
    bool wait_for(const Match &match, Millis timeout = kPromptly) const;

private:
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    std::vector<RecordedEvent> events_;
};

/*
 * A callback (event or log) that takes `delay` each time and keeps count, so tests can tell
 * whether it is running when some call returns, and whether it ran after it should have stopped.
 */
class SlowCallback {
public:
    explicit SlowCallback(Millis per_call) : delay_(per_call) {}

    static void event_callback(const vc_event_t *event, void *self);
    static void log_callback(int level, const char *category, const char *message, void *self);
    int install_for_events(vc_engine_t engine);
    int install_for_logs(vc_engine_t engine, int level);

    int running() const { return running_.load(); }
    int entered() const { return entered_.load(); }
    /* Call once the callback must never start again (destroyed, replaced); later starts count as late. */
    void retire() { retired_ = true; }
    int late() const { return late_.load(); }

private:
    void call();

    Millis delay_;
    std::atomic<int> running_{0};
    std::atomic<int> entered_{0};
    std::atomic<bool> retired_{false};
    std::atomic<int> late_{0};
};

/*
 * Polls `engine` until `count` events were taken or no event came for `quiet` (VC_E_TIMEOUT).
 * Any other poll result fails the test and stops.
 */
std::vector<RecordedEvent> poll_events(vc_engine_t engine, size_t count, Millis quiet);

/* Polls one event, requiring VC_OK within kPromptly. */
RecordedEvent poll_one(vc_engine_t engine);

/* Entries in a /proc directory such as /proc/self/task (threads) or /proc/self/fd. */
size_t count_dir_entries(const char *path);
size_t open_fd_count();
/*
 * Threads of this process except the .NET runtime's own, which it names ".NET ..." (its
 * finalizer; its background GC thread, which appears at the first background collection and
 * exits after about 20 s idle). Those come and go on the runtime's schedule, not the engine's.
 */
size_t non_runtime_thread_count();
/* "tid:name" of every thread, for failure messages about leaked threads. */
std::string describe_threads();

/*
 * Starts `n` threads that each run body(index) at the same moment (after all have started),
 * and joins them. Used wherever a test needs real contention.
 */
void run_concurrently(int n, const std::function<void(int)> &body);

/* Value carried by an event that a poster thread sends: poster index and per-poster counter. */
constexpr int64_t poster_value(int poster, int index) { return (int64_t(poster) << 32) | uint32_t(index); }
constexpr int poster_of(int64_t value) { return int(value >> 32); }
constexpr int index_of(int64_t value) { return int(uint32_t(value)); }

}  // namespace vctest

#endif
