/*
 * test_registrar.cpp - one engine as registrar, another with accounts, over UDP on loopback:
 * REGISTER with digest authentication through the ABI (REGISTRATION_STATE on the client,
 * REGISTRAR_BINDING and vc_registrar_list_bindings on the registrar), un-REGISTER, wrong
 * credentials (403), and the registrar's own argument and state checks.
 */
#include "sip_support.h"

#include <algorithm>
#include <string>

namespace {

using vctest::FailsFreshlyWith;
using vctest::RecordedEvent;
using vctest::ScopedEngine;
using vctest::SipPair;
using vctest::Succeeds;

const char *const kAliceRegistrar = "{\"users\":{\"alice\":\"secret\"}}";

int no_password(const char *, char *, size_t, void *) { return VC_E_NOT_FOUND; }

/* Index in `events` of the first REGISTRATION_STATE event of `account` with `state`, or -1. */
long index_of_state(const std::vector<RecordedEvent> &events, vc_account_t account, int state)
{
    auto match = vctest::registration_state(account, state);
    auto found = std::find_if(events.begin(), events.end(), match);
    return found == events.end() ? -1 : long(found - events.begin());
}

TEST(Registrar, ConfigurationIsValidated)
{
    ScopedEngine engine;
    struct Case {
        const char *config;
        const char *named;
    };
    const Case cases[] = {
        {"", ""},
        {"[]", ""},
        {"{", ""},
        {"{\"no_such_key\":1}", "no_such_key"},
        {"{\"realm\":5}", "realm"},
        {"{\"users\":[\"alice\"]}", "users"},
        {"{\"users\":{\"alice\":1}}", "users"},
        {"{\"users\":{\"alice\":null}}", "users"},
        {"{\"users\":{\"\":\"secret\"}}", "users"},
        {"{\"algorithms\":[\"ROT13\"]}", "ROT13"},
        {"{\"algorithms\":[]}", "algorithms"},
        {"{\"min_expires\":100,\"max_expires\":50}", "expires"},
        {"{\"default_expires\":10,\"min_expires\":60}", "expires"},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.config);
        EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_registrar_enable(engine.get(), c.config); }));
        EXPECT_TRUE(vctest::contains(vctest::last_error(), c.named)) << vctest::last_error();
    }
    // A rejected configuration left the registrar off.
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_STATE, [&] { return vc_registrar_add_user(engine.get(), "a", "b"); }));
    EXPECT_TRUE(Succeeds(vc_registrar_enable(engine.get(), nullptr)));
    EXPECT_TRUE(Succeeds(vc_registrar_enable(engine.get(), "{}")));
    EXPECT_TRUE(Succeeds(vc_registrar_enable(engine.get(),
                                             "{\"realm\":\"example.test\",\"min_expires\":30,\"default_expires\":60,"
                                             "\"max_expires\":90,\"algorithms\":[\"MD5\",\"SHA-256\"],"
                                             "\"users\":{\"alice\":\"secret\",\"bob\":\"\"}}")));
}

TEST(Registrar, FunctionsNeedTheRegistrarEnabled)
{
    ScopedEngine engine;
    char *json = nullptr;
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_STATE, [&] { return vc_registrar_add_user(engine.get(), "alice", "secret"); }));
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_STATE, [&] { return vc_registrar_list_bindings(engine.get(), &json); }));
    EXPECT_EQ(nullptr, json);
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_STATE,
                                 [&] { return vc_registrar_set_credential_callback(engine.get(), no_password, nullptr); }));
    ASSERT_TRUE(Succeeds(vc_registrar_enable(engine.get(), nullptr)));
    EXPECT_TRUE(Succeeds(vc_registrar_add_user(engine.get(), "alice", "secret")));
    EXPECT_TRUE(Succeeds(vc_registrar_set_credential_callback(engine.get(), no_password, nullptr)));
    EXPECT_TRUE(Succeeds(vc_registrar_set_credential_callback(engine.get(), nullptr, nullptr)));
    EXPECT_TRUE(vctest::is_empty_array(vctest::bindings_of(engine.get()))) << vctest::bindings_of(engine.get());
}

TEST(Registrar, AddUserArgumentsAreChecked)
{
    ScopedEngine engine;
    ASSERT_TRUE(Succeeds(vc_registrar_enable(engine.get(), nullptr)));
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_registrar_add_user(engine.get(), nullptr, "secret"); }));
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_registrar_add_user(engine.get(), "alice", nullptr); }));
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_registrar_add_user(engine.get(), nullptr, nullptr); }));
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_registrar_add_user(engine.get(), "", "secret"); }));
}

TEST(Registrar, ListBindingsWithNullOutputIsInvalidArgument)
{
    ScopedEngine engine;
    ASSERT_TRUE(Succeeds(vc_registrar_enable(engine.get(), nullptr)));
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_registrar_list_bindings(engine.get(), nullptr); }));
}

TEST(Registrar, RegisterAndUnregister)
{
    SipPair pair(kAliceRegistrar);
    const vc_account_t account = pair.create_account("alice", "secret");
    ASSERT_NE(0u, account);
    const std::string aor = "sip:alice@" + vctest::host_port(pair.server_bound);

    // Registered, after registering, with the 200 that did it.
    const RecordedEvent registered = pair.register_and_wait(account, VC_REG_REGISTERED);
    ASSERT_EQ(VC_EVENT_REGISTRATION_STATE, registered.type);
    EXPECT_EQ(pair.client.get(), registered.engine);
    EXPECT_EQ(200, registered.value2);
    EXPECT_EQ("registered", vctest::json_string(registered.detail, "state")) << registered.detail;
    EXPECT_EQ(200, vctest::json_integer(registered.detail, "code")) << registered.detail;
    EXPECT_EQ(aor, vctest::json_string(registered.detail, "aor")) << registered.detail;
    EXPECT_GT(vctest::json_integer(registered.detail, "expires").value_or(0), 0) << registered.detail;
    const std::string contact = vctest::json_string(registered.detail, "contact").value_or("");
    ASSERT_FALSE(contact.empty()) << registered.detail;
    EXPECT_EQ(0u, contact.rfind("sip:", 0)) << contact;

    auto events = pair.client_events.events();
    const long registering_at = index_of_state(events, account, VC_REG_REGISTERING);
    ASSERT_GE(registering_at, 0) << "no REGISTRATION_STATE registering(1)";
    EXPECT_LT(registering_at, index_of_state(events, account, VC_REG_REGISTERED));
    EXPECT_EQ(0, events[size_t(registering_at)].value2) << "registering is caused by no SIP status";
    EXPECT_EQ("registering", vctest::json_string(events[size_t(registering_at)].detail, "state"));

    int state = -1;
    EXPECT_TRUE(Succeeds(vc_account_get_state(account, &state)));
    EXPECT_EQ(VC_REG_REGISTERED, state);

    // The registrar saw the binding come and lists it.
    ASSERT_TRUE(pair.server_events.wait_for(vctest::binding_event("added", contact)))
        << "no REGISTRAR_BINDING added for " << contact;
    const auto added = pair.server_events.matching(vctest::binding_event("added", contact)).front();
    EXPECT_EQ(pair.server.get(), added.engine);
    EXPECT_EQ(vctest::kBindingAdded, added.value) << added.detail;
    EXPECT_EQ("alice", vctest::json_string(added.detail, "aor")) << "the aor is the user name: " << added.detail;
    EXPECT_EQ(contact, vctest::json_string(added.detail, "contact")) << added.detail;
    EXPECT_GT(vctest::json_integer(added.detail, "expires").value_or(0), 0) << added.detail;
    EXPECT_TRUE(vctest::json_string(added.detail, "source").has_value()) << added.detail;
    const std::string bindings = vctest::bindings_of(pair.server.get());
    EXPECT_EQ('[', bindings.front()) << bindings;
    EXPECT_TRUE(vctest::contains(bindings, "\"" + contact + "\"")) << bindings;
    EXPECT_EQ(vctest::json_string(bindings, "aor"), vctest::json_string(added.detail, "aor")) << bindings;
    for (const char *key : {"contact", "source", "call_id"}) {
        EXPECT_TRUE(vctest::json_string(bindings, key).has_value()) << key << " in " << bindings;
    }
    for (const char *key : {"expires", "cseq"}) {
        EXPECT_TRUE(vctest::json_integer(bindings, key).has_value()) << key << " in " << bindings;
    }

    // Un-register: the state says so and the binding goes.
    ASSERT_TRUE(Succeeds(vc_account_unregister(account)));
    ASSERT_TRUE(pair.client_events.wait_for(vctest::registration_state(account, VC_REG_UNREGISTERED)));
    const auto unregistered = pair.client_events.matching(vctest::registration_state(account, VC_REG_UNREGISTERED)).front();
    EXPECT_EQ(200, unregistered.value2);
    EXPECT_EQ("unregistered", vctest::json_string(unregistered.detail, "state")) << unregistered.detail;
    EXPECT_TRUE(Succeeds(vc_account_get_state(account, &state)));
    EXPECT_EQ(VC_REG_UNREGISTERED, state);
    ASSERT_TRUE(pair.server_events.wait_for(vctest::binding_event("removed", contact)))
        << "no REGISTRAR_BINDING removed for " << contact;
    const auto removed = pair.server_events.matching(vctest::binding_event("removed", contact)).front();
    EXPECT_EQ(vctest::kBindingRemoved, removed.value) << removed.detail;
    EXPECT_EQ(0, vctest::json_integer(removed.detail, "expires")) << removed.detail;
    EXPECT_TRUE(pair.wait_for_binding(contact, /*present=*/false)) << vctest::bindings_of(pair.server.get());

    // And registering again works.
    const size_t before = pair.client_events.matching(vctest::registration_state(account, VC_REG_REGISTERED)).size();
    ASSERT_TRUE(Succeeds(vc_account_register(account)));
    EXPECT_TRUE(vctest::wait_until([&] {
        return pair.client_events.matching(vctest::registration_state(account, VC_REG_REGISTERED)).size() > before;
    }));
    EXPECT_TRUE(pair.wait_for_binding(contact, /*present=*/true));
}

/* The account fails with `code`, the registrar keeps no binding for it. */
void expect_refused(SipPair &pair, vc_account_t account, int code)
{
    const RecordedEvent failed = pair.register_and_wait(account, VC_REG_FAILED);
    EXPECT_EQ(code, failed.value2) << failed.detail;
    EXPECT_EQ("failed", vctest::json_string(failed.detail, "state")) << failed.detail;
    EXPECT_EQ(code, vctest::json_integer(failed.detail, "code")) << failed.detail;
    int state = -1;
    EXPECT_TRUE(Succeeds(vc_account_get_state(account, &state)));
    EXPECT_EQ(VC_REG_FAILED, state);
    EXPECT_TRUE(pair.client_events.matching(vctest::registration_state(account, VC_REG_REGISTERED)).empty());
    EXPECT_TRUE(vctest::is_empty_array(vctest::bindings_of(pair.server.get()))) << vctest::bindings_of(pair.server.get());
    EXPECT_TRUE(pair.server_events.matching(vctest::of_type(VC_EVENT_REGISTRAR_BINDING)).empty());
    // Stop the backoff retries now rather than at engine destruction.
    EXPECT_TRUE(Succeeds(vc_account_destroy(account)));
}

TEST(Registrar, WrongPasswordFailsWith403)
{
    SipPair pair(kAliceRegistrar);
    const vc_account_t account = pair.create_account("alice", "not-the-secret");
    ASSERT_NE(0u, account);
    expect_refused(pair, account, 403);
}

TEST(Registrar, UnknownUserFailsWith403)
{
    SipPair pair(kAliceRegistrar);
    const vc_account_t account = pair.create_account("mallory", "secret");
    ASSERT_NE(0u, account);
    expect_refused(pair, account, 403);
}

TEST(Registrar, UserAddedAfterEnableRegisters)
{
    SipPair pair("{}");
    ASSERT_TRUE(Succeeds(vc_registrar_add_user(pair.server.get(), "bob", "first")));
    ASSERT_TRUE(Succeeds(vc_registrar_add_user(pair.server.get(), "bob", "second")));  // replaces
    const vc_account_t stale_password = pair.create_account("bob", "first");
    ASSERT_NE(0u, stale_password);
    expect_refused(pair, stale_password, 403);

    const vc_account_t account = pair.create_account("bob", "second");
    ASSERT_NE(0u, account);
    const RecordedEvent registered = pair.register_and_wait(account, VC_REG_REGISTERED);
    EXPECT_EQ(200, registered.value2);
}

TEST(Registrar, EnablingAgainDropsTheBindings)
{
    SipPair pair(kAliceRegistrar);
    const vc_account_t account = pair.create_account("alice", "secret");
    ASSERT_NE(0u, account);
    const RecordedEvent registered = pair.register_and_wait(account, VC_REG_REGISTERED);
    const std::string contact = vctest::json_string(registered.detail, "contact").value_or("?");
    ASSERT_TRUE(pair.wait_for_binding(contact, /*present=*/true));
    ASSERT_TRUE(Succeeds(vc_registrar_enable(pair.server.get(), kAliceRegistrar)));
    EXPECT_TRUE(vctest::is_empty_array(vctest::bindings_of(pair.server.get()))) << vctest::bindings_of(pair.server.get());
}

}  // namespace
