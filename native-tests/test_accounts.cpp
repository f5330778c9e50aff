/*
 * test_accounts.cpp - vc_account_create / get_state / destroy without the network: the
 * configuration is validated (VC_E_INVALID_ARG naming what is wrong), NULL outputs are
 * rejected, a new account is idle, and handles are distinct and die with destroy.
 */
#include "sip_support.h"

#include <set>
#include <string>

namespace {

using vctest::FailsFreshlyWith;
using vctest::ScopedEngine;
using vctest::Succeeds;

const char *const kMinimal = "{\"uri\":\"sip:alice@127.0.0.1\"}";

TEST(Accounts, CreateWithNullOutputIsInvalidArgument)
{
    ScopedEngine engine;
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_account_create(nullptr, engine.get(), kMinimal); }));
}

TEST(Accounts, CreateWithNullConfigIsInvalidArgument)
{
    ScopedEngine engine;
    vc_account_t account = 0;
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_account_create(&account, engine.get(), nullptr); }));
    EXPECT_EQ(0u, account);
}

TEST(Accounts, BadConfigurationIsInvalidArgument)
{
    ScopedEngine engine;
    struct Case {
        const char *config;
        const char *named;  // what the message must mention ("" for no particular word)
    };
    const Case cases[] = {
        {"", ""},
        {"not json", ""},
        {"[]", ""},
        {"null", ""},
        {"{", ""},
        {"{}", "uri"},
        {"{\"uri\":\"\"}", "uri"},
        {"{\"uri\":42}", "uri"},
        {"{\"uri\":\"http://alice@example.com\"}", "uri"},
        {"{\"uri\":\"sip:example.com\"}", "uri"},  // no user part: not an address-of-record
        {"{\"uri\":\"sip:alice@127.0.0.1\",\"no_such_key\":1}", "no_such_key"},
        {"{\"uri\":\"sip:alice@127.0.0.1\",\"transport\":\"carrier-pigeon\"}", "transport"},
        {"{\"uri\":\"sip:alice@127.0.0.1\",\"expires\":\"soon\"}", "expires"},
        {"{\"uri\":\"sip:alice@127.0.0.1\",\"expires\":-1}", "expires"},
        {"{\"uri\":\"sip:alice@127.0.0.1\",\"password\":\"a\",\"ha1\":\"0123456789abcdef0123456789abcdef\"}", "ha1"},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.config);
        vc_account_t account = 0;
        EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_account_create(&account, engine.get(), c.config); }));
        EXPECT_TRUE(vctest::contains(vctest::last_error(), c.named)) << "message should name '" << c.named
                                                                      << "': " << vctest::last_error();
        EXPECT_EQ(0u, account);
    }
}

TEST(Accounts, EveryDocumentedKeyIsAccepted)
{
    ScopedEngine engine;
    const char *const configs[] = {
        kMinimal,
        "{\"uri\":\"sip:alice@127.0.0.1:5999\",\"display_name\":\"Alice \\\"A\\\" Liddell\",\"username\":\"alice-auth\","
        "\"password\":\"secret\",\"registrar\":\"sip:127.0.0.1:5999\",\"proxy\":\"sip:127.0.0.1:5998\","
        "\"transport\":\"tcp\",\"expires\":120,\"keepalive_s\":0}",
        "{\"uri\":\"sip:bob@127.0.0.1\",\"ha1\":\"0123456789abcdef0123456789abcdef\"}",
        "{\"uri\":\"sip:bob@127.0.0.1\",\"ha1\":\"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\"}",
    };
    for (const char *transport : {"udp", "tcp", "tls", "ws", "wss"}) {
        const std::string config = std::string("{\"uri\":\"sip:carol@127.0.0.1\",\"transport\":\"") + transport + "\"}";
        vc_account_t account = 0;
        EXPECT_TRUE(Succeeds(vc_account_create(&account, engine.get(), config.c_str()))) << config;
        EXPECT_TRUE(Succeeds(vc_account_destroy(account)));
    }
    for (const char *config : configs) {
        vc_account_t account = 0;
        EXPECT_TRUE(Succeeds(vc_account_create(&account, engine.get(), config))) << config;
        EXPECT_NE(0u, account);
        EXPECT_TRUE(Succeeds(vc_account_destroy(account)));
    }
}

TEST(Accounts, NewAccountIsIdle)
{
    ScopedEngine engine;
    vc_account_t account = 0;
    ASSERT_TRUE(Succeeds(vc_account_create(&account, engine.get(), kMinimal)));
    int state = -1;
    EXPECT_TRUE(Succeeds(vc_account_get_state(account, &state)));
    EXPECT_EQ(VC_REG_IDLE, state);
}

TEST(Accounts, GetStateWithNullOutputIsInvalidArgument)
{
    ScopedEngine engine;
    vc_account_t account = 0;
    ASSERT_TRUE(Succeeds(vc_account_create(&account, engine.get(), kMinimal)));
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_account_get_state(account, nullptr); }));
}

TEST(Accounts, HandlesAreDistinctAndDieWithDestroy)
{
    ScopedEngine engine;
    const int count = vctest::scaled(200, 20);
    std::set<vc_account_t> live;
    std::vector<vc_account_t> destroyed;
    for (int i = 0; i < count; ++i) {
        vc_account_t account = 0;
        const std::string config = "{\"uri\":\"sip:user" + std::to_string(i) + "@127.0.0.1\"}";
        ASSERT_TRUE(Succeeds(vc_account_create(&account, engine.get(), config.c_str())));
        ASSERT_TRUE(live.insert(account).second) << "handle handed out twice: " << account;
        if (i % 2 == 1) {
            ASSERT_TRUE(Succeeds(vc_account_destroy(account)));
            destroyed.push_back(account);
        }
    }
    int state = -1;
    for (vc_account_t account : destroyed) {
        EXPECT_TRUE(vctest::FailsWith(VC_E_INVALID_HANDLE, vc_account_get_state(account, &state)));
    }
    // A new account reusing a freed slot does not revive an old handle.
    vc_account_t fresh = 0;
    ASSERT_TRUE(Succeeds(vc_account_create(&fresh, engine.get(), kMinimal)));
    for (vc_account_t account : destroyed) {
        EXPECT_NE(fresh, account);
        EXPECT_TRUE(vctest::FailsWith(VC_E_INVALID_HANDLE, vc_account_get_state(account, &state)));
    }
}

}  // namespace
