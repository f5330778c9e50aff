/* test_support.cpp - implementation of the shared helpers declared in test_support.h. */
#include "test_support.h"

#include <dirent.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace vctest {

bool reduced_run()
{
    const char *flag = std::getenv("VOIPCORE_TEST_REDUCED");
    return flag != nullptr && std::strcmp(flag, "0") != 0 && flag[0] != '\0';
}

int scaled(int full, int reduced) { return reduced_run() ? reduced : full; }

Millis settle_time() { return reduced_run() ? Millis(1000) : Millis(200); }

void sleep_for(Millis duration) { std::this_thread::sleep_for(duration); }

std::string last_error()
{
    const char *message = vc_last_error();
    return message == nullptr ? std::string("(vc_last_error returned NULL)") : std::string(message);
}

::testing::AssertionResult Succeeds(int rc)
{
    if (rc == VC_OK) {
        return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << "expected VC_OK, got " << vc_strerror(rc) << " (" << rc
                                         << "): " << last_error();
}

::testing::AssertionResult FailsWith(int expected, int rc)
{
    if (rc != expected) {
        return ::testing::AssertionFailure() << "expected " << vc_strerror(expected) << ", got " << vc_strerror(rc)
                                             << " (" << rc << "); last error: " << last_error();
    }
    const char *message = vc_last_error();
    if (message == nullptr || message[0] == '\0') {
        return ::testing::AssertionFailure() << vc_strerror(rc) << " returned but vc_last_error() is empty";
    }
    return ::testing::AssertionSuccess();
}

::testing::AssertionResult FailsFreshlyWith(int expected, const std::function<int()> &call)
{
    // A config key nothing else uses: its name in the message marks "left over from before".
    static const char *const kMarkerKey = "vctest_marker_key";
    vc_engine_t unused = 0;
    const std::string marker_config = std::string("{\"") + kMarkerKey + "\":1}";
    if (vc_engine_create(&unused, marker_config.c_str()) != VC_E_INVALID_ARG ||
        last_error().find(kMarkerKey) == std::string::npos) {
        return ::testing::AssertionFailure() << "could not plant the marker message; last error: " << last_error();
    }
    auto result = FailsWith(expected, call());
    if (!result) {
        return result;
    }
    if (last_error().find(kMarkerKey) != std::string::npos) {
        return ::testing::AssertionFailure() << "the call failed but left vc_last_error() unchanged: " << last_error();
    }
    return ::testing::AssertionSuccess();
}

bool wait_until(const std::function<bool()> &done, Millis timeout)
{
    const auto deadline = Clock::now() + timeout;
    while (!done()) {
        if (Clock::now() >= deadline) {
            return done();
        }
        std::this_thread::sleep_for(Millis(1));
    }
    return true;
}

ScopedEngine::ScopedEngine(const char *config_json)
{
    int rc = vc_engine_create(&handle_, config_json);
    if (rc != VC_OK) {
        ADD_FAILURE() << "vc_engine_create(" << (config_json ? config_json : "NULL") << ") failed: " << vc_strerror(rc)
                      << ": " << last_error();
        handle_ = 0;
    }
}

ScopedEngine::~ScopedEngine()
{
    if (handle_ != 0) {
        EXPECT_TRUE(Succeeds(vc_engine_destroy(handle_)));
    }
}

int ScopedEngine::destroy()
{
    vc_engine_t handle = release();
    return vc_engine_destroy(handle);
}

vc_engine_t ScopedEngine::release()
{
    vc_engine_t handle = handle_;
    handle_ = 0;
    return handle;
}

RecordedEvent copy_event(const vc_event_t &event)
{
    RecordedEvent copy;
    copy.type = event.type;
    copy.sequence = event.sequence;
    copy.engine = event.engine;
    copy.handle = event.handle;
    copy.related = event.related;
    copy.value = event.value;
    copy.value2 = event.value2;
    copy.has_detail = event.detail_json != nullptr;
    copy.detail = event.detail_json != nullptr ? event.detail_json : "";
    copy.thread = std::this_thread::get_id();
    return copy;
}

void EventRecorder::callback(const vc_event_t *event, void *self)
{
    auto *recorder = static_cast<EventRecorder *>(self);
    {
        std::lock_guard<std::mutex> lock(recorder->mutex_);
        recorder->events_.push_back(copy_event(*event));
    }
    recorder->changed_.notify_all();
    // Run the hook without our lock held: it may call the library, which may call us back later.
    if (recorder->on_event) {
        recorder->on_event(*event);
    }
}

int EventRecorder::install(vc_engine_t engine) { return vc_engine_set_event_callback(engine, &EventRecorder::callback, this); }

size_t EventRecorder::count() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return events_.size();
}

std::vector<RecordedEvent> EventRecorder::events() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return events_;
}

bool EventRecorder::wait_for_count(size_t n, Millis timeout) const
{
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return events_.size() >= n; });
}

bool EventRecorder::wait_for_value(int64_t value, Millis timeout) const
{
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] {
        for (const auto &event : events_) {
            if (event.type == VC_EVENT_USER && event.value == value) {
                return true;
            }
        }
        return false;
    });
}

std::vector<RecordedEvent> EventRecorder::matching(const Match &match) const
{
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<RecordedEvent> found;
    for (const auto &event : events_) {
        if (match(event)) {
            found.push_back(event);
        }
    }
    return found;
}

bool EventRecorder::wait_for(const Match &match, Millis timeout) const
{
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] {
        for (const auto &event : events_) {
            if (match(event)) {
                return true;
            }
        }
        return false;
    });
}

void SlowCallback::call()
{
    if (retired_) {
        ++late_;
    }
    ++running_;
    ++entered_;
    std::this_thread::sleep_for(delay_);
    --running_;
}

void SlowCallback::event_callback(const vc_event_t *, void *self) { static_cast<SlowCallback *>(self)->call(); }

void SlowCallback::log_callback(int, const char *, const char *, void *self) { static_cast<SlowCallback *>(self)->call(); }

int SlowCallback::install_for_events(vc_engine_t engine)
{
    return vc_engine_set_event_callback(engine, &SlowCallback::event_callback, this);
}

int SlowCallback::install_for_logs(vc_engine_t engine, int level)
{
    return vc_set_log_callback(engine, level, &SlowCallback::log_callback, this);
}

std::vector<RecordedEvent> poll_events(vc_engine_t engine, size_t count, Millis quiet)
{
    std::vector<RecordedEvent> polled;
    while (polled.size() < count) {
        vc_event_t event{};
        int rc = vc_engine_poll_event(engine, &event, int(quiet.count()));
        if (rc == VC_E_TIMEOUT) {
            break;
        }
        if (rc != VC_OK) {
            ADD_FAILURE() << "vc_engine_poll_event: " << vc_strerror(rc) << ": " << last_error();
            break;
        }
        polled.push_back(copy_event(event));
    }
    return polled;
}

RecordedEvent poll_one(vc_engine_t engine)
{
    vc_event_t event{};
    int rc = vc_engine_poll_event(engine, &event, int(kPromptly.count()));
    EXPECT_TRUE(Succeeds(rc)) << "polling one event";
    return rc == VC_OK ? copy_event(event) : RecordedEvent{};
}

size_t count_dir_entries(const char *path)
{
    DIR *dir = opendir(path);
    if (dir == nullptr) {
        ADD_FAILURE() << "cannot open " << path << ": " << std::strerror(errno);
        return 0;
    }
    size_t entries = 0;
    while (const dirent *entry = readdir(dir)) {
        if (std::strcmp(entry->d_name, ".") != 0 && std::strcmp(entry->d_name, "..") != 0) {
            ++entries;
        }
    }
    closedir(dir);
    return entries;
}

namespace {

struct ThreadEntry {
    std::string tid;
    std::string name;
};

std::vector<ThreadEntry> list_threads()
{
    std::vector<ThreadEntry> threads;
    DIR *dir = opendir("/proc/self/task");
    if (dir == nullptr) {
        ADD_FAILURE() << "cannot open /proc/self/task: " << std::strerror(errno);
        return threads;
    }
    while (const dirent *entry = readdir(dir)) {
        if (entry->d_name[0] == '.') {
            continue;
        }
        std::ifstream comm(std::string("/proc/self/task/") + entry->d_name + "/comm");
        std::string name;
        std::getline(comm, name);  // a thread that just exited leaves an empty name: still counted
        threads.push_back({entry->d_name, name});
    }
    closedir(dir);
    return threads;
}

}  // namespace

size_t non_runtime_thread_count()
{
    size_t count = 0;
    for (const auto &thread : list_threads()) {
        if (thread.name.rfind(".NET ", 0) != 0) {
            ++count;
        }
    }
    return count;
}

// opendir holds one descriptor while counting; it is there on every call, so counts compare fairly.
size_t open_fd_count() { return count_dir_entries("/proc/self/fd"); }

std::string describe_threads()
{
    std::ostringstream out;
    for (const auto &thread : list_threads()) {
        out << thread.tid << ":" << thread.name << " ";
    }
    return out.str();
}

namespace {

/*
 * After the last test: vc_engine_destroy has joined every dispatch thread, but the kernel may
 * still be finishing a thread's exit. Waiting for those to disappear keeps memcheck's leak scan
 * at exit from seeing a half-exited thread's TLS as "possibly lost". A thread that never goes
 * away is a real leak, and memcheck then reports it.
 */
class LetThreadsFinishExiting : public ::testing::Environment {
public:
    void TearDown() override
    {
        if (!wait_until([] { return non_runtime_thread_count() <= 1; }, Millis(10000))) {
            std::fprintf(stderr, "threads still running after the last test: %s\n", describe_threads().c_str());
        }
    }
};

// Registered before main() runs (gtest_main's RUN_ALL_TESTS picks it up); gtest owns it.
::testing::Environment *const let_threads_finish_exiting =
    ::testing::AddGlobalTestEnvironment(new LetThreadsFinishExiting);

}  // namespace

void run_concurrently(int n, const std::function<void(int)> &body)
{
    std::mutex mutex;
    std::condition_variable all_started;
    int started = 0;
    std::vector<std::thread> threads;
    threads.reserve(size_t(n));
    for (int i = 0; i < n; ++i) {
        threads.emplace_back([&, i] {
            {
                std::unique_lock<std::mutex> lock(mutex);
                ++started;
                all_started.notify_all();
                all_started.wait(lock, [&] { return started == n; });
            }
            body(i);
        });
    }
    for (auto &thread : threads) {
        thread.join();
    }
}

}  // namespace vctest
