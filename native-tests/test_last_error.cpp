/*
 * test_last_error.cpp - vc_last_error() is per thread: "" before any failure on a thread,
 * kept across successful calls, and never changed by another thread's failures.
 */
#include "test_support.h"

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace {

using vctest::ScopedEngine;
using vctest::Succeeds;

/* Fails vc_engine_create with an unknown key, so the message carries a text chosen by the caller. */
void fail_naming(const std::string &key)
{
    vc_engine_t engine = 0;
    const std::string json = "{\"" + key + "\":1}";
    ASSERT_EQ(VC_E_INVALID_ARG, vc_engine_create(&engine, json.c_str()));
    ASSERT_NE(std::string::npos, vctest::last_error().find(key)) << vctest::last_error();
}

/* Lets two threads take turns: each waits for its step number, does its part, passes the turn on. */
class TurnTaking {
public:
    bool wait_for(int step)
    {
        std::unique_lock<std::mutex> lock(mutex_);
        return changed_.wait_for(lock, vctest::kPromptly, [&] { return step_ == step; });
    }
    void advance()
    {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            ++step_;
        }
        changed_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    int step_ = 0;
};

TEST(LastError, EmptyOnAThreadThatNeverFailed)
{
    fail_naming("main_thread_key");  // a failure elsewhere must not show on the new thread
    std::string seen = "(not run)";
    std::thread fresh([&] { seen = vctest::last_error(); });
    fresh.join();
    EXPECT_EQ("", seen);
}

TEST(LastError, SuccessDoesNotClearIt)
{
    fail_naming("kept_key");
    const std::string before = vctest::last_error();
    ScopedEngine engine;
    char *json = nullptr;
    ASSERT_TRUE(Succeeds(vc_engine_get_config(engine.get(), &json)));
    vc_free(json);
    ASSERT_TRUE(Succeeds(vc_engine_post_event(engine.get(), 1, nullptr)));
    EXPECT_EQ(before, vctest::last_error());
}

TEST(LastError, StringStaysValidUntilTheNextFailure)
{
    fail_naming("stable_key");
    const char *message = vc_last_error();
    const std::string copy = message;
    ScopedEngine engine;  // successful calls in between
    EXPECT_EQ(copy, std::string(message));
}

TEST(LastError, FailureOnOneThreadDoesNotChangeAnother)
{
    TurnTaking turns;
    std::string a_after_b, b_after_a;
    std::thread a([&] {
        fail_naming("thread_a_key");                    // step 0: A fails
        turns.advance();
        if (turns.wait_for(2)) {                        // step 2: B has failed since
            a_after_b = vctest::last_error();
            fail_naming("thread_a_second_key");          // A fails again
        }
        turns.advance();
    });
    std::thread b([&] {
        if (turns.wait_for(1)) {                        // step 1: after A's failure
            fail_naming("thread_b_key");
        }
        turns.advance();
        if (turns.wait_for(3)) {                        // step 3: after A's second failure
            b_after_a = vctest::last_error();
        }
        turns.advance();
    });
    a.join();
    b.join();
    EXPECT_NE(std::string::npos, a_after_b.find("thread_a_key")) << a_after_b;
    EXPECT_NE(std::string::npos, b_after_a.find("thread_b_key")) << b_after_a;
}

TEST(LastError, ManyThreadsFailingAtOnceKeepTheirOwnMessages)
{
    const int threads = 8;
    const int rounds = vctest::scaled(300, 20);
    std::vector<int> mismatches(threads, 0);
    vctest::run_concurrently(threads, [&](int index) {
        for (int round = 0; round < rounds; ++round) {
            // "_end" keeps one key from being a prefix of another (r1 vs r10).
            const std::string key = "key_t" + std::to_string(index) + "_r" + std::to_string(round) + "_end";
            vc_engine_t engine = 0;
            const std::string json = "{\"" + key + "\":1}";
            vc_engine_create(&engine, json.c_str());
            std::this_thread::yield();  // give the others a chance to fail in between
            if (vctest::last_error().find(key) == std::string::npos) {
                ++mismatches[size_t(index)];
            }
        }
    });
    for (int i = 0; i < threads; ++i) {
        EXPECT_EQ(0, mismatches[size_t(i)]) << "thread " << i << " saw another thread's message";
    }
}

}  // namespace
