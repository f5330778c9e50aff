/*
 * test_unregister_on_destroy.cpp - destroying what is registered: vc_account_destroy returns at
 * once and un-registers in the background (the binding leaves the registrar within seconds),
 * its handle is stale from the moment it returns; vc_engine_destroy un-registers its accounts
 * and returns within its documented ~3 s grace even when the registrar is gone.
 */
#include "sip_support.h"

#include <string>

namespace {

using vctest::Clock;
using vctest::FailsFreshlyWith;
using vctest::Millis;
using vctest::RecordedEvent;
using vctest::SipPair;
using vctest::Succeeds;

const char *const kUsers = "{\"users\":{\"alice\":\"secret\",\"bob\":\"secret\"}}";

/* How long a call documented as returning "at once" may take; valgrind is slow. */
Millis at_once() { return vctest::reduced_run() ? Millis(3000) : Millis(1000); }
/* "Within a few seconds" for a binding to leave the registrar after a background un-register. */
Millis a_few_seconds() { return vctest::reduced_run() ? Millis(15000) : Millis(5000); }

/* Registers `user` and waits for its binding on the registrar; returns the contact ("" on failure). */
std::string registered_contact(SipPair &pair, vc_account_t account)
{
    const RecordedEvent registered = pair.register_and_wait(account, VC_REG_REGISTERED);
    const std::string contact = vctest::json_string(registered.detail, "contact").value_or("");
    EXPECT_FALSE(contact.empty()) << registered.detail;
    EXPECT_TRUE(pair.wait_for_binding(contact, /*present=*/true)) << vctest::bindings_of(pair.server.get());
    return contact;
}

TEST(UnregisterOnDestroy, DestroyingARegisteredAccountRemovesItsBinding)
{
    SipPair pair(kUsers);
    const vc_account_t account = pair.create_account("alice", "secret");
    ASSERT_NE(0u, account);
    const std::string contact = registered_contact(pair, account);
    ASSERT_FALSE(contact.empty());

    const auto start = Clock::now();
    ASSERT_TRUE(Succeeds(vc_account_destroy(account)));
    EXPECT_LT(Clock::now() - start, at_once()) << "vc_account_destroy waited for the un-REGISTER";
    EXPECT_TRUE(pair.wait_for_binding(contact, /*present=*/false, a_few_seconds()))
        << "binding still there: " << vctest::bindings_of(pair.server.get());
    EXPECT_TRUE(pair.server_events.wait_for(vctest::binding_event("removed", contact)));
}

TEST(UnregisterOnDestroy, DestroyedRegisteredAccountIsStaleAtOnce)
{
    SipPair pair(kUsers);
    const vc_account_t account = pair.create_account("alice", "secret");
    ASSERT_NE(0u, account);
    ASSERT_FALSE(registered_contact(pair, account).empty());
    ASSERT_TRUE(Succeeds(vc_account_destroy(account)));
    // "Destroyed" is what the caller did; the background un-REGISTER is the library's business.
    int state = -1;
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_HANDLE, [&] { return vc_account_get_state(account, &state); }))
        << "state " << state;
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_HANDLE, [&] { return vc_account_register(account); }));
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_HANDLE, [&] { return vc_account_destroy(account); }));
}

TEST(UnregisterOnDestroy, RegisterAfterDestroyLeavesNoBinding)
{
    // A host racing its own teardown: vc_account_register just after vc_account_destroy must not
    // bring the destroyed account back. One user per round, so no round's binding hides another's.
    const int rounds = vctest::scaled(20, 3);
    std::string users = "{\"users\":{";
    for (int i = 0; i < rounds; ++i) {
        users += std::string(i ? "," : "") + "\"user" + std::to_string(i) + "\":\"secret\"";
    }
    SipPair pair((users + "}}").c_str());
    for (int i = 0; i < rounds; ++i) {
        const vc_account_t account = pair.create_account("user" + std::to_string(i), "secret");
        ASSERT_NE(0u, account);
        ASSERT_FALSE(registered_contact(pair, account).empty());
        vctest::sleep_for(Millis(50));  // let the registration settle: the race shows more often then
        ASSERT_TRUE(Succeeds(vc_account_destroy(account)));
        const int rc = vc_account_register(account);
        EXPECT_EQ(VC_E_INVALID_HANDLE, rc) << "round " << i << ": vc_account_register on a destroyed account gave "
                                           << vc_strerror(rc);
    }
    EXPECT_TRUE(vctest::wait_until([&] { return vctest::is_empty_array(vctest::bindings_of(pair.server.get())); }, a_few_seconds()))
        << "bindings left behind by destroyed accounts: " << vctest::bindings_of(pair.server.get());
    // Not even destroying their engine removes them: nothing owns them any more.
    ASSERT_TRUE(Succeeds(pair.client.destroy()));
    EXPECT_TRUE(vctest::is_empty_array(vctest::bindings_of(pair.server.get()))) << vctest::bindings_of(pair.server.get());
}

TEST(UnregisterOnDestroy, EngineDestroyUnregistersItsAccounts)
{
    SipPair pair(kUsers);
    const vc_account_t alice = pair.create_account("alice", "secret");
    const vc_account_t bob = pair.create_account("bob", "secret");
    ASSERT_NE(0u, alice);
    ASSERT_NE(0u, bob);
    const std::string alice_contact = registered_contact(pair, alice);
    const std::string bob_contact = registered_contact(pair, bob);
    ASSERT_FALSE(alice_contact.empty());
    ASSERT_FALSE(bob_contact.empty());

    const auto start = Clock::now();
    ASSERT_TRUE(Succeeds(pair.client.destroy()));
    const auto took = Clock::now() - start;
    EXPECT_LT(took, Millis(5000)) << "vc_engine_destroy took "
                                  << std::chrono::duration_cast<Millis>(took).count() << " ms";
    // destroy waits for the un-REGISTERs, so the bindings are gone already (allow the event a moment).
    EXPECT_TRUE(pair.wait_for_binding(alice_contact, /*present=*/false, a_few_seconds()));
    EXPECT_TRUE(pair.wait_for_binding(bob_contact, /*present=*/false, a_few_seconds()));
    EXPECT_TRUE(pair.server_events.wait_for(vctest::binding_event("removed", alice_contact)));
    EXPECT_TRUE(pair.server_events.wait_for(vctest::binding_event("removed", bob_contact)));
    int state = -1;
    EXPECT_TRUE(vctest::FailsWith(VC_E_INVALID_HANDLE, vc_account_get_state(alice, &state)));
}

TEST(UnregisterOnDestroy, EngineDestroyReturnsInTimeWhenTheRegistrarIsGone)
{
    SipPair pair(kUsers);
    const vc_account_t account = pair.create_account("alice", "secret");
    ASSERT_NE(0u, account);
    ASSERT_FALSE(registered_contact(pair, account).empty());
    ASSERT_TRUE(Succeeds(pair.server.destroy()));

    const auto start = Clock::now();
    ASSERT_TRUE(Succeeds(pair.client.destroy()));
    const auto took = Clock::now() - start;
    EXPECT_LT(took, Millis(5000)) << "vc_engine_destroy took "
                                  << std::chrono::duration_cast<Millis>(took).count() << " ms (documented: ~3 s)";
}

TEST(UnregisterOnDestroy, EngineDestroyReturnsInTimeWhenTheRegistrarIsSilent)
{
    // A registrar that swallows everything: a plain UDP socket that never answers.
    SipPair pair(kUsers);
    const vc_account_t account = pair.create_account("alice", "secret");
    ASSERT_NE(0u, account);
    ASSERT_FALSE(registered_contact(pair, account).empty());
    // Silence the registrar without closing its port: a new registrar with no users and a
    // callback would still answer, so destroy it and hold its port with a socket that reads nothing.
    const int port = vctest::port_of(pair.server_bound);
    ASSERT_TRUE(Succeeds(pair.server.destroy()));
    vctest::SilentUdpPort silent(port);
    if (!silent.ok()) {
        GTEST_SKIP() << "could not take over udp port " << port;
    }

    const auto start = Clock::now();
    ASSERT_TRUE(Succeeds(pair.client.destroy()));
    const auto took = Clock::now() - start;
    EXPECT_LT(took, Millis(5000)) << "vc_engine_destroy took "
                                  << std::chrono::duration_cast<Millis>(took).count() << " ms (documented: ~3 s)";
}

}  // namespace
