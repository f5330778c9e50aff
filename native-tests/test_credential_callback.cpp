/*
 * test_credential_callback.cpp - vc_registrar_set_credential_callback: the registrar asks the
 * host for the passwords of users its configuration does not know. The callback runs on SIP
 * worker threads, possibly several at once, so every recorder here is made of atomics or is
 * locked. Covered: a user only the callback knows registers; VC_E_NOT_FOUND gives 403;
 * configured users never reach it; concurrent registrations; removal with NULL; a password of
 * exactly capacity-1 bytes; calling back into the library from inside it.
 */
#include "sip_support.h"

#include <atomic>
#include <cstring>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace {

using vctest::RecordedEvent;
using vctest::SipPair;
using vctest::Succeeds;

/* What a credential callback saw, safe to update from several threads at once. */
struct Lookups {
    std::atomic<int> calls{0};
    std::atomic<int> in_flight{0};
    std::atomic<int> most_in_flight{0};
    std::atomic<int> bad_arguments{0};
    std::atomic<size_t> capacity{0};
    std::mutex mutex;
    std::multiset<std::string> users;
    std::set<std::thread::id> threads;

    void enter(const char *user, char *password, size_t capacity_given)
    {
        ++calls;
        const int now = ++in_flight;
        int most = most_in_flight.load();
        while (now > most && !most_in_flight.compare_exchange_weak(most, now)) {
        }
        if (user == nullptr || password == nullptr || capacity_given < 2) {
            ++bad_arguments;
        }
        capacity = capacity_given;
        std::lock_guard<std::mutex> lock(mutex);
        users.insert(user != nullptr ? user : "(null)");
        threads.insert(std::this_thread::get_id());
    }
    void leave() { --in_flight; }
    size_t count_for(const std::string &user)
    {
        std::lock_guard<std::mutex> lock(mutex);
        return users.count(user);
    }
};

/* Knows "carol" (password "from-callback") and "pw-<user>" for every user starting with "user". */
int directory(const char *user, char *password, size_t capacity, void *user_data)
{
    auto *lookups = static_cast<Lookups *>(user_data);
    lookups->enter(user, password, capacity);
    int rc = VC_E_NOT_FOUND;
    if (user != nullptr && std::strcmp(user, "carol") == 0) {
        std::snprintf(password, capacity, "%s", "from-callback");
        rc = VC_OK;
    } else if (user != nullptr && std::strncmp(user, "user", 4) == 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));  // widen the window for overlap
        std::snprintf(password, capacity, "pw-%s", user);
        rc = VC_OK;
    }
    lookups->leave();
    return rc;
}

/* Writes exactly capacity-1 'k' bytes and the terminator. */
int longest_password(const char *user, char *password, size_t capacity, void *user_data)
{
    static_cast<Lookups *>(user_data)->enter(user, password, capacity);
    std::memset(password, 'k', capacity - 1);
    password[capacity - 1] = '\0';
    static_cast<Lookups *>(user_data)->leave();
    return VC_OK;
}

/* The registrar engine's dispatch thread, from the thread its first event arrived on. */
std::thread::id dispatch_thread_of(const vctest::EventRecorder &recorder)
{
    EXPECT_TRUE(recorder.wait_for(vctest::of_type(VC_EVENT_ENGINE_STARTED)));
    auto started = recorder.matching(vctest::of_type(VC_EVENT_ENGINE_STARTED));
    return started.empty() ? std::thread::id() : started.front().thread;
}

TEST(CredentialCallback, UserOnlyTheCallbackKnowsRegisters)
{
    Lookups lookups;
    SipPair pair("{}");
    ASSERT_TRUE(Succeeds(vc_registrar_set_credential_callback(pair.server.get(), directory, &lookups)));
    const vc_account_t account = pair.create_account("carol", "from-callback");
    ASSERT_NE(0u, account);
    const RecordedEvent registered = pair.register_and_wait(account, VC_REG_REGISTERED);
    EXPECT_EQ(200, registered.value2);
    EXPECT_GE(lookups.count_for("carol"), 1u);
    EXPECT_EQ(0, lookups.bad_arguments.load());
    EXPECT_EQ(256u, lookups.capacity.load()) << "the header documents a 256-byte password buffer";
    const auto dispatch = dispatch_thread_of(pair.server_events);
    std::lock_guard<std::mutex> lock(lookups.mutex);
    EXPECT_EQ(0u, lookups.threads.count(dispatch)) << "ran on the dispatch thread, not a SIP worker";
    EXPECT_EQ(0u, lookups.threads.count(std::this_thread::get_id()));
}

TEST(CredentialCallback, NotFoundGives403)
{
    Lookups lookups;
    SipPair pair("{}");
    ASSERT_TRUE(Succeeds(vc_registrar_set_credential_callback(pair.server.get(), directory, &lookups)));
    const vc_account_t account = pair.create_account("dave", "anything");
    ASSERT_NE(0u, account);
    const RecordedEvent failed = pair.register_and_wait(account, VC_REG_FAILED);
    EXPECT_EQ(403, failed.value2) << failed.detail;
    EXPECT_GE(lookups.count_for("dave"), 1u);
    EXPECT_TRUE(vctest::is_empty_array(vctest::bindings_of(pair.server.get()))) << vctest::bindings_of(pair.server.get());
    EXPECT_TRUE(Succeeds(vc_account_destroy(account)));
}

TEST(CredentialCallback, WrongPasswordFromTheCallbackGives403)
{
    Lookups lookups;
    SipPair pair("{}");
    ASSERT_TRUE(Succeeds(vc_registrar_set_credential_callback(pair.server.get(), directory, &lookups)));
    const vc_account_t account = pair.create_account("carol", "not-what-the-callback-says");
    ASSERT_NE(0u, account);
    const RecordedEvent failed = pair.register_and_wait(account, VC_REG_FAILED);
    EXPECT_EQ(403, failed.value2) << failed.detail;
    EXPECT_TRUE(Succeeds(vc_account_destroy(account)));
}

TEST(CredentialCallback, ConfiguredUsersDoNotReachIt)
{
    Lookups lookups;
    SipPair pair("{\"users\":{\"alice\":\"secret\"}}");
    ASSERT_TRUE(Succeeds(vc_registrar_set_credential_callback(pair.server.get(), directory, &lookups)));
    const vc_account_t account = pair.create_account("alice", "secret");
    ASSERT_NE(0u, account);
    EXPECT_EQ(200, pair.register_and_wait(account, VC_REG_REGISTERED).value2);
    EXPECT_EQ(0u, lookups.count_for("alice"));
}

TEST(CredentialCallback, ConcurrentRegistrationsGetTheirOwnAnswers)
{
    Lookups lookups;
    SipPair pair("{}");
    ASSERT_TRUE(Succeeds(vc_registrar_set_credential_callback(pair.server.get(), directory, &lookups)));
    const int count = vctest::scaled(16, 6);
    std::vector<vc_account_t> accounts;
    std::vector<bool> known;
    for (int i = 0; i < count; ++i) {
        // Every fourth is a user the callback does not know; the others give the password it computes.
        const bool is_known = i % 4 != 3;
        const std::string user = (is_known ? "user" : "ghost") + std::to_string(i);
        const std::string password = "pw-" + user;
        accounts.push_back(pair.create_account(user, password.c_str()));
        known.push_back(is_known);
        ASSERT_NE(0u, accounts.back());
    }
    std::atomic<int> register_failures{0};
    vctest::run_concurrently(count, [&](int i) {
        if (vc_account_register(accounts[size_t(i)]) != VC_OK) {
            ++register_failures;
        }
    });
    EXPECT_EQ(0, register_failures.load());
    for (int i = 0; i < count; ++i) {
        const int state = known[size_t(i)] ? VC_REG_REGISTERED : VC_REG_FAILED;
        EXPECT_TRUE(pair.client_events.wait_for(vctest::registration_state(accounts[size_t(i)], state)))
            << "account " << i << " never reached state " << state;
        const auto reached = pair.client_events.matching(vctest::registration_state(accounts[size_t(i)], state));
        if (!reached.empty()) {
            EXPECT_EQ(known[size_t(i)] ? 200 : 403, reached.front().value2) << reached.front().detail;
        }
        // Nobody got the other outcome on the way.
        const int other = known[size_t(i)] ? VC_REG_FAILED : VC_REG_REGISTERED;
        EXPECT_TRUE(pair.client_events.matching(vctest::registration_state(accounts[size_t(i)], other)).empty())
            << "account " << i;
    }
    EXPECT_EQ(0, lookups.bad_arguments.load());
    EXPECT_EQ(0, lookups.in_flight.load());
    EXPECT_GE(lookups.calls.load(), count);
    for (int i = 0; i < count; ++i) {
        const std::string user = (known[size_t(i)] ? "user" : "ghost") + std::to_string(i);
        EXPECT_GE(lookups.count_for(user), 1u) << user;
    }
    ::testing::Test::RecordProperty("most_lookups_at_once", lookups.most_in_flight.load());
    for (auto account : accounts) {
        EXPECT_TRUE(Succeeds(vc_account_destroy(account)));
    }
}

TEST(CredentialCallback, RemovingItWithNull)
{
    Lookups lookups;
    SipPair pair("{}");
    ASSERT_TRUE(Succeeds(vc_registrar_set_credential_callback(pair.server.get(), directory, &lookups)));
    const vc_account_t before = pair.create_account("carol", "from-callback");
    ASSERT_NE(0u, before);
    EXPECT_EQ(200, pair.register_and_wait(before, VC_REG_REGISTERED).value2);
    EXPECT_TRUE(Succeeds(vc_account_destroy(before)));

    ASSERT_TRUE(Succeeds(vc_registrar_set_credential_callback(pair.server.get(), nullptr, nullptr)));
    const int calls = lookups.calls.load();
    const vc_account_t after = pair.create_account("user7", "pw-user7");
    ASSERT_NE(0u, after);
    const RecordedEvent failed = pair.register_and_wait(after, VC_REG_FAILED);
    EXPECT_EQ(403, failed.value2) << failed.detail;
    EXPECT_EQ(calls, lookups.calls.load()) << "the removed callback was still asked";
    EXPECT_TRUE(Succeeds(vc_account_destroy(after)));
}

TEST(CredentialCallback, ReplacingItUsesTheNewOne)
{
    Lookups first;
    Lookups second;
    SipPair pair("{}");
    ASSERT_TRUE(Succeeds(vc_registrar_set_credential_callback(pair.server.get(), directory, &first)));
    ASSERT_TRUE(Succeeds(vc_registrar_set_credential_callback(pair.server.get(), directory, &second)));
    const vc_account_t account = pair.create_account("carol", "from-callback");
    ASSERT_NE(0u, account);
    EXPECT_EQ(200, pair.register_and_wait(account, VC_REG_REGISTERED).value2);
    EXPECT_EQ(0, first.calls.load());
    EXPECT_GE(second.calls.load(), 1);
}

TEST(CredentialCallback, PasswordOfCapacityMinusOneBytes)
{
    Lookups lookups;
    SipPair pair("{}");
    ASSERT_TRUE(Succeeds(vc_registrar_set_credential_callback(pair.server.get(), longest_password, &lookups)));
    const std::string password(255, 'k');  // capacity 256 (voipcore.h), less the terminator
    const vc_account_t account = pair.create_account("frank", password.c_str());
    ASSERT_NE(0u, account);
    const RecordedEvent registered = pair.register_and_wait(account, VC_REG_REGISTERED);
    EXPECT_EQ(200, registered.value2) << registered.detail;
    EXPECT_EQ(256u, lookups.capacity.load());
}

/* Caches what it is asked for with vc_registrar_add_user and announces it with a posted event. */
struct CachingDirectory {
    vc_engine_t engine = 0;
    std::atomic<int> calls{0};
    std::atomic<int> library_failures{0};
};

int caching_directory(const char *user, char *password, size_t capacity, void *user_data)
{
    auto *self = static_cast<CachingDirectory *>(user_data);
    ++self->calls;
    if (std::strcmp(user, "gina") != 0) {
        return VC_E_NOT_FOUND;
    }
    std::snprintf(password, capacity, "%s", "cached");
    if (vc_registrar_add_user(self->engine, user, password) != VC_OK ||
        vc_engine_post_event(self->engine, 4242, "{\"cached\":\"gina\"}") != VC_OK) {
        ++self->library_failures;
    }
    return VC_OK;
}

TEST(CredentialCallback, MayCallTheLibrary)
{
    CachingDirectory cache;
    SipPair pair("{}");
    cache.engine = pair.server.get();
    ASSERT_TRUE(Succeeds(vc_registrar_set_credential_callback(pair.server.get(), caching_directory, &cache)));
    const vc_account_t account = pair.create_account("gina", "cached");
    ASSERT_NE(0u, account);
    EXPECT_EQ(200, pair.register_and_wait(account, VC_REG_REGISTERED).value2);
    EXPECT_EQ(0, cache.library_failures.load());
    EXPECT_TRUE(pair.server_events.wait_for_value(4242));

    // Now a configured user: the callback is not asked again.
    const int calls = cache.calls.load();
    ASSERT_TRUE(Succeeds(vc_account_unregister(account)));
    ASSERT_TRUE(pair.client_events.wait_for(vctest::registration_state(account, VC_REG_UNREGISTERED)));
    EXPECT_EQ(calls, cache.calls.load());
}

}  // namespace
