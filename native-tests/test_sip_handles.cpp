/*
 * test_sip_handles.cpp - handle validation for the SIP functions (listen, accounts, registrar,
 * OPTIONS/MESSAGE): a zero, stale or wrong-type handle, in either the engine or the account
 * position, gives VC_E_INVALID_HANDLE with a message of the call's own, and reaches nothing.
 */
#include "sip_support.h"

#include <cstdio>
#include <string>
#include <vector>

namespace {

using vctest::FailsFreshlyWith;
using vctest::FailsWith;
using vctest::ScopedEngine;
using vctest::Succeeds;

int accept_any_password(const char *, char *password, size_t capacity, void *)
{
    std::snprintf(password, capacity, "x");
    return VC_OK;
}

/* One entry point with its handle argument under test, the other arguments valid. */
struct HandleCall {
    const char *name;
    std::function<int(uint64_t)> call;
};

/* Every SIP function taking an engine handle, with `engine` in that position. */
std::vector<HandleCall> calls_taking_an_engine()
{
    return {
        {"vc_engine_listen",
         [](uint64_t engine) {
             char *bound = nullptr;
             int rc = vc_engine_listen(engine, &bound, "udp:127.0.0.1:0");
             vc_free(bound);
             return rc;
         }},
        {"vc_account_create",
         [](uint64_t engine) {
             vc_account_t account = 0;
             int rc = vc_account_create(&account, engine, "{\"uri\":\"sip:alice@127.0.0.1\"}");
             if (rc == VC_OK) {
                 vc_account_destroy(account);
             }
             return rc;
         }},
        {"vc_registrar_enable", [](uint64_t engine) { return vc_registrar_enable(engine, nullptr); }},
        {"vc_registrar_add_user", [](uint64_t engine) { return vc_registrar_add_user(engine, "alice", "secret"); }},
        {"vc_registrar_set_credential_callback",
         [](uint64_t engine) { return vc_registrar_set_credential_callback(engine, accept_any_password, nullptr); }},
        {"vc_registrar_list_bindings",
         [](uint64_t engine) {
             char *json = nullptr;
             int rc = vc_registrar_list_bindings(engine, &json);
             vc_free(json);
             return rc;
         }},
        {"vc_sip_send_options",
         [](uint64_t engine) {
             uint64_t id = 0;
             return vc_sip_send_options(engine, &id, 0, "sip:127.0.0.1:9");
         }},
        {"vc_sip_send_message",
         [](uint64_t engine) {
             uint64_t id = 0;
             return vc_sip_send_message(engine, &id, 0, "sip:bob@127.0.0.1:9", "text/plain", "hi");
         }},
    };
}

/*
 * Every function taking an account handle, with `account` there and `engine` (live) elsewhere.
 * include_sends: also the OPTIONS/MESSAGE senders, where account 0 is valid (anonymous).
 */
std::vector<HandleCall> calls_taking_an_account(vc_engine_t engine, bool include_destroy, bool include_sends = true)
{
    std::vector<HandleCall> calls = {
        {"vc_account_register", [](uint64_t account) { return vc_account_register(account); }},
        {"vc_account_unregister", [](uint64_t account) { return vc_account_unregister(account); }},
        {"vc_account_get_state",
         [](uint64_t account) {
             int state = -1;
             return vc_account_get_state(account, &state);
         }},
    };
    std::vector<HandleCall> sends = {
        {"vc_sip_send_options (account)",
         [engine](uint64_t account) {
             uint64_t id = 0;
             return vc_sip_send_options(engine, &id, account, "sip:127.0.0.1:9");
         }},
        {"vc_sip_send_message (account)",
         [engine](uint64_t account) {
             uint64_t id = 0;
             return vc_sip_send_message(engine, &id, account, "sip:bob@127.0.0.1:9", "text/plain", "hi");
         }},
    };
    if (include_sends) {
        calls.insert(calls.end(), sends.begin(), sends.end());
    }
    if (include_destroy) {
        calls.push_back({"vc_account_destroy", [](uint64_t account) { return vc_account_destroy(account); }});
    }
    return calls;
}

void expect_rejected(const std::vector<HandleCall> &calls, uint64_t handle)
{
    for (const auto &entry : calls) {
        SCOPED_TRACE(std::string(entry.name) + " with handle " + std::to_string(handle));
        EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_HANDLE, [&] { return entry.call(handle); }));
    }
}

vc_account_t create_account(vc_engine_t engine)
{
    vc_account_t account = 0;
    EXPECT_TRUE(Succeeds(vc_account_create(&account, engine, "{\"uri\":\"sip:alice@127.0.0.1\"}")));
    return account;
}

TEST(SipHandles, ZeroEngineIsRejected)
{
    expect_rejected(calls_taking_an_engine(), 0);
}

TEST(SipHandles, DestroyedEngineIsRejected)
{
    vc_engine_t stale = 0;
    ASSERT_TRUE(Succeeds(vc_engine_create(&stale, nullptr)));
    ASSERT_TRUE(Succeeds(vc_engine_destroy(stale)));
    expect_rejected(calls_taking_an_engine(), stale);
}

TEST(SipHandles, AccountHandleIsNotAnEngine)
{
    ScopedEngine engine;
    const vc_account_t account = create_account(engine.get());
    ASSERT_NE(0u, account);
    expect_rejected(calls_taking_an_engine(), account);
    // The account was not reached (nor destroyed, nor listening) by any of those.
    int state = -1;
    EXPECT_TRUE(Succeeds(vc_account_get_state(account, &state)));
    EXPECT_EQ(VC_REG_IDLE, state);
    EXPECT_TRUE(Succeeds(vc_account_destroy(account)));
}

TEST(SipHandles, AccountHandleDiffersFromEveryEngineHandle)
{
    ScopedEngine engine;
    const vc_account_t account = create_account(engine.get());
    EXPECT_NE(0u, account);
    EXPECT_NE(engine.get(), account);
    EXPECT_NE(engine.get() >> 56, account >> 56) << "accounts and engines share a type tag";
}

TEST(SipHandles, ZeroAccountIsRejected)
{
    ScopedEngine engine;
    // vc_account_destroy(0) is a documented no-op, and account 0 means "anonymous" when sending.
    expect_rejected(calls_taking_an_account(engine.get(), /*include_destroy=*/false, /*include_sends=*/false), 0);
    EXPECT_TRUE(Succeeds(vc_account_destroy(0)));
}

TEST(SipHandles, DestroyedAccountIsRejected)
{
    ScopedEngine engine;
    const vc_account_t account = create_account(engine.get());
    ASSERT_NE(0u, account);
    ASSERT_TRUE(Succeeds(vc_account_destroy(account)));  // never registered: nothing to wait for
    expect_rejected(calls_taking_an_account(engine.get(), /*include_destroy=*/true), account);
}

TEST(SipHandles, AccountsDieWithTheirEngine)
{
    vc_engine_t engine = 0;
    ASSERT_TRUE(Succeeds(vc_engine_create(&engine, nullptr)));
    const vc_account_t account = create_account(engine);
    ASSERT_NE(0u, account);
    ASSERT_TRUE(Succeeds(vc_engine_destroy(engine)));
    ScopedEngine other;  // live, so only the account is wrong in the send calls
    expect_rejected(calls_taking_an_account(other.get(), /*include_destroy=*/true), account);
}

TEST(SipHandles, EngineHandleIsNotAnAccount)
{
    ScopedEngine engine;
    ScopedEngine other;
    expect_rejected(calls_taking_an_account(engine.get(), /*include_destroy=*/true), other.get());
    expect_rejected(calls_taking_an_account(engine.get(), /*include_destroy=*/true), engine.get());
    // Neither engine was touched: both still work.
    for (vc_engine_t live : {engine.get(), other.get()}) {
        EXPECT_TRUE(Succeeds(vc_engine_post_event(live, 1, nullptr)));
        EXPECT_FALSE(vctest::listen_on(live, "udp:127.0.0.1:0").empty());
    }
}

TEST(SipHandles, GarbageAccountHandlesAreRejected)
{
    ScopedEngine engine;
    const vc_account_t account = create_account(engine.get());
    ASSERT_NE(0u, account);
    const uint64_t tag = account >> 56;
    const uint64_t garbage[] = {
        account ^ (1ull << 32),                  // another generation
        (account & ~0xFFFFFFFFull) | 0xFFFFFFFF,  // a slot nobody has
        (tag << 56) | 12345,
        ~0ull,
        1,
    };
    for (uint64_t handle : garbage) {
        for (const auto &entry : calls_taking_an_account(engine.get(), /*include_destroy=*/true)) {
            EXPECT_TRUE(FailsWith(VC_E_INVALID_HANDLE, entry.call(handle))) << entry.name << " with " << handle;
        }
    }
    int state = -1;
    EXPECT_TRUE(Succeeds(vc_account_get_state(account, &state)));
    EXPECT_EQ(VC_REG_IDLE, state);
}

}  // namespace
