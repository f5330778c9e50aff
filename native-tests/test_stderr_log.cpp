/*
 * test_stderr_log.cpp - without a log callback the engine logs to standard error, at the
 * level named by the configuration's "log_level"; "off" keeps it silent.
 *
 * The .NET runtime duplicates fd 2 the first time it writes to standard error, so redirecting
 * fd 2 only captures a process that never logged before. Each check therefore runs in a fresh
 * child process: a GoogleTest death test in "threadsafe" style re-executes this binary for it.
 */
#include "test_support.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

/* Redirects fd 2 into a temporary file while alive; finish() restores it and returns the text. */
class StderrCapture {
public:
    StderrCapture()
    {
        std::fflush(stderr);
        saved_ = dup(STDERR_FILENO);
        file_ = std::tmpfile();
        ok_ = saved_ >= 0 && file_ != nullptr && dup2(fileno(file_), STDERR_FILENO) >= 0;
    }
    ~StderrCapture() { restore(); }
    StderrCapture(const StderrCapture &) = delete;
    StderrCapture &operator=(const StderrCapture &) = delete;

    bool ok() const { return ok_; }

    std::string finish()
    {
        restore();
        std::string text;
        if (file_ != nullptr) {
            std::rewind(file_);
            char buffer[4096];
            size_t n;
            while ((n = std::fread(buffer, 1, sizeof buffer, file_)) > 0) {
                text.append(buffer, n);
            }
            std::fclose(file_);
            file_ = nullptr;
        }
        return text;
    }

private:
    void restore()
    {
        if (saved_ >= 0) {
            std::fflush(stderr);
            dup2(saved_, STDERR_FILENO);
            close(saved_);
            saved_ = -1;
        }
    }

    int saved_ = -1;
    std::FILE *file_ = nullptr;
    bool ok_ = false;
};

/*
 * In the child: one whole engine life with no log callback (create, post, poll the post back,
 * destroy) while fd 2 is captured. Polling the post back proves every record produced before
 * it was written out. Exits 0 when `expect_output` matches what was captured, 1 otherwise,
 * after printing the captured text so the parent's failure message shows it.
 */
[[noreturn]] void engine_life_then_exit(const char *config, bool expect_output)
{
    StderrCapture capture;
    vc_engine_t engine = 0;
    vc_event_t event{};
    bool lived = capture.ok() && vc_engine_create(&engine, config) == VC_OK &&
                 vc_engine_post_event(engine, 5, nullptr) == VC_OK &&
                 vc_engine_poll_event(engine, &event, 20000) == VC_OK &&
                 vc_engine_poll_event(engine, &event, 20000) == VC_OK && event.value == 5 &&
                 vc_engine_destroy(engine) == VC_OK;
    const std::string written = capture.finish();
    std::fprintf(stderr, "engine life %s; captured standard error: [%s]\n", lived ? "ok" : "FAILED", written.c_str());
    std::exit(lived && written.empty() != expect_output ? 0 : 1);
}

class StandardErrorLog : public ::testing::Test {
protected:
    void SetUp() override { GTEST_FLAG_SET(death_test_style, "threadsafe"); }
};

TEST_F(StandardErrorLog, WithoutCallbackRecordsGoToStandardError)
{
    // Relies on the engine logging something at debug level while it runs (it says it started).
    EXPECT_EXIT(engine_life_then_exit("{\"log_level\":\"debug\"}", /*expect_output=*/true), ::testing::ExitedWithCode(0),
                "");
}

TEST_F(StandardErrorLog, LogLevelOffKeepsStandardErrorQuiet)
{
    EXPECT_EXIT(engine_life_then_exit("{\"log_level\":\"off\"}", /*expect_output=*/false), ::testing::ExitedWithCode(0),
                "");
}

}  // namespace
