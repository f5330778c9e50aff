/*
 * test_config.cpp - the configuration JSON of vc_engine_create and vc_engine_get_config:
 * defaults, overrides, and rejection of anything malformed (including ""), unknown, repeated,
 * mistyped or out of range with VC_E_INVALID_ARG and a message naming the key.
 */
#include "test_support.h"

#include <cctype>
#include <ostream>
#include <string>

namespace {

using vctest::FailsFreshlyWith;
using vctest::ScopedEngine;
using vctest::Succeeds;

/* The effective configuration, copied out and released with vc_free. */
std::string config_of(vc_engine_t engine)
{
    char *json = nullptr;
    EXPECT_TRUE(Succeeds(vc_engine_get_config(engine, &json)));
    if (json == nullptr) {
        ADD_FAILURE() << "vc_engine_get_config returned VC_OK and a NULL string";
        return "";
    }
    std::string copy(json);
    vc_free(json);
    return copy;
}

/*
 * The raw text of a top-level scalar member (`"key": value`), or "" when absent. Enough for the
 * flat configuration object without pulling in a JSON library; tolerant of whitespace.
 */
std::string member(const std::string &json, const std::string &key)
{
    const std::string quoted = "\"" + key + "\"";
    size_t at = json.find(quoted);
    if (at == std::string::npos) {
        return "";
    }
    at += quoted.size();
    while (at < json.size() && (std::isspace(static_cast<unsigned char>(json[at])) || json[at] == ':')) {
        ++at;
    }
    size_t end = at;
    if (end < json.size() && json[end] == '"') {
        end = json.find('"', end + 1);
        return end == std::string::npos ? "" : json.substr(at, end + 1 - at);
    }
    while (end < json.size() && json[end] != ',' && json[end] != '}' && !std::isspace(static_cast<unsigned char>(json[end]))) {
        ++end;
    }
    return json.substr(at, end - at);
}

void expect_defaults(const std::string &config)
{
    EXPECT_EQ("\"warning\"", member(config, "log_level")) << config;
    EXPECT_EQ("\"libvoipcore/" + std::string(vc_version()) + "\"", member(config, "user_agent")) << config;
    EXPECT_EQ("65536", member(config, "event_queue_capacity")) << config;
}

TEST(Config, NullGivesDefaults)
{
    ScopedEngine engine(nullptr);
    expect_defaults(config_of(engine.get()));
}

TEST(Config, EmptyObjectGivesDefaults)
{
    ScopedEngine engine("{}");
    expect_defaults(config_of(engine.get()));
}

TEST(Config, OverridesAreMergedWithDefaults)
{
    ScopedEngine engine("{\"user_agent\":\"vctest/1.0\"}");
    const std::string config = config_of(engine.get());
    EXPECT_EQ("\"vctest/1.0\"", member(config, "user_agent")) << config;
    EXPECT_EQ("\"warning\"", member(config, "log_level")) << config;
    EXPECT_EQ("65536", member(config, "event_queue_capacity")) << config;
}

TEST(Config, EveryKeyCanBeOverridden)
{
    ScopedEngine engine(" {\n \"log_level\" : \"debug\",\n \"user_agent\": \"a b\",\n \"event_queue_capacity\": 16 } ");
    const std::string config = config_of(engine.get());
    EXPECT_EQ("\"debug\"", member(config, "log_level")) << config;
    EXPECT_EQ("\"a b\"", member(config, "user_agent")) << config;
    EXPECT_EQ("16", member(config, "event_queue_capacity")) << config;
}

TEST(Config, EveryLogLevelNameIsAccepted)
{
    for (const char *level : {"debug", "info", "warning", "error", "off"}) {
        const std::string json = std::string("{\"log_level\":\"") + level + "\"}";
        ScopedEngine engine(json.c_str());
        EXPECT_EQ("\"" + std::string(level) + "\"", member(config_of(engine.get()), "log_level"));
    }
}

TEST(Config, QueueCapacityBoundsAreInclusive)
{
    for (const char *capacity : {"16", "1048576"}) {
        const std::string json = std::string("{\"event_queue_capacity\":") + capacity + "}";
        ScopedEngine engine(json.c_str());
        EXPECT_EQ(capacity, member(config_of(engine.get()), "event_queue_capacity"));
    }
}

TEST(Config, EffectiveConfigIsValidInput)
{
    // What get_config returns must be accepted back by create and describe the same engine.
    ScopedEngine original("{\"log_level\":\"warning\",\"event_queue_capacity\":1024}");
    const std::string config = config_of(original.get());
    ScopedEngine copy(config.c_str());
    EXPECT_EQ(config, config_of(copy.get()));
}

TEST(Config, EachGetConfigIsAFreshStringToFree)
{
    // Under memcheck this also proves vc_free releases exactly what get_config allocated.
    ScopedEngine engine;
    const int rounds = vctest::scaled(2000, 100);
    for (int i = 0; i < rounds; ++i) {
        char *json = nullptr;
        ASSERT_TRUE(Succeeds(vc_engine_get_config(engine.get(), &json)));
        ASSERT_NE(json, nullptr);
        json[0] = '{';  // ours to write until freed
        vc_free(json);
    }
}

struct BadConfig {
    const char *what;
    const char *json;
    const char *named;  // text the message must contain: the offending key
};

void PrintTo(const BadConfig &bad, std::ostream *out) { *out << bad.what << ": " << bad.json; }

/* "capacity below 16" -> "capacity_below_16": readable CTest names instead of /0, /1, ... */
std::string case_name(const ::testing::TestParamInfo<BadConfig> &info)
{
    std::string name;
    for (const char *c = info.param.what; *c != '\0'; ++c) {
        name += std::isalnum(static_cast<unsigned char>(*c)) ? *c : '_';
    }
    return name;
}

class ConfigRejects : public ::testing::TestWithParam<BadConfig> {};

TEST_P(ConfigRejects, WithInvalidArgNamingTheKey)
{
    const BadConfig &bad = GetParam();
    const vc_engine_t untouched = 0xDEADBEEFCAFEull;
    vc_engine_t engine = untouched;
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_engine_create(&engine, bad.json); }));
    EXPECT_EQ(untouched, engine) << "output written on failure";
    if (bad.named[0] != '\0') {
        EXPECT_NE(std::string::npos, vctest::last_error().find(bad.named))
            << "message does not name '" << bad.named << "': " << vctest::last_error();
    }
    if (engine != untouched) {
        vc_engine_destroy(engine);
    }
}

INSTANTIATE_TEST_SUITE_P(
    UnknownKeys, ConfigRejects,
    ::testing::Values(BadConfig{"unknown key", "{\"bogus\":1}", "bogus"},
                      BadConfig{"unknown key after valid ones", "{\"log_level\":\"info\",\"extra\":{\"a\":1}}", "extra"},
                      BadConfig{"keys are case-sensitive", "{\"Log_Level\":\"info\"}", "Log_Level"}),
    case_name);

INSTANTIATE_TEST_SUITE_P(
    WrongTypes, ConfigRejects,
    ::testing::Values(BadConfig{"log_level number", "{\"log_level\":1}", "log_level"},
                      BadConfig{"log_level null", "{\"log_level\":null}", "log_level"},
                      BadConfig{"log_level array", "{\"log_level\":[\"info\"]}", "log_level"},
                      BadConfig{"user_agent number", "{\"user_agent\":42}", "user_agent"},
                      BadConfig{"user_agent null", "{\"user_agent\":null}", "user_agent"},
                      BadConfig{"user_agent object", "{\"user_agent\":{}}", "user_agent"},
                      BadConfig{"capacity string", "{\"event_queue_capacity\":\"big\"}", "event_queue_capacity"},
                      BadConfig{"capacity fraction", "{\"event_queue_capacity\":16.5}", "event_queue_capacity"},
                      BadConfig{"capacity boolean", "{\"event_queue_capacity\":true}", "event_queue_capacity"},
                      BadConfig{"capacity null", "{\"event_queue_capacity\":null}", "event_queue_capacity"}),
    case_name);

INSTANTIATE_TEST_SUITE_P(
    OutOfRange, ConfigRejects,
    ::testing::Values(BadConfig{"log_level name", "{\"log_level\":\"verbose\"}", "log_level"},
                      BadConfig{"log_level upper case", "{\"log_level\":\"INFO\"}", "log_level"},
                      BadConfig{"capacity below 16", "{\"event_queue_capacity\":15}", "event_queue_capacity"},
                      BadConfig{"capacity zero", "{\"event_queue_capacity\":0}", "event_queue_capacity"},
                      BadConfig{"capacity negative", "{\"event_queue_capacity\":-1}", "event_queue_capacity"},
                      BadConfig{"capacity above 1048576", "{\"event_queue_capacity\":1048577}", "event_queue_capacity"},
                      BadConfig{"capacity beyond 32 bits", "{\"event_queue_capacity\":99999999999}", "event_queue_capacity"}),
    case_name);

INSTANTIATE_TEST_SUITE_P(
    RepeatedKeys, ConfigRejects,
    ::testing::Values(BadConfig{"same value twice", "{\"log_level\":\"debug\",\"log_level\":\"debug\"}", "log_level"},
                      BadConfig{"different values", "{\"event_queue_capacity\":16,\"user_agent\":\"a\",\"event_queue_capacity\":32}",
                                "event_queue_capacity"}),
    case_name);

// No key to name in a document that is not an object at all: the message must still exist.
INSTANTIATE_TEST_SUITE_P(
    Malformed, ConfigRejects,
    ::testing::Values(BadConfig{"empty string", "", ""}, BadConfig{"blank string", " \n\t ", ""},
                      BadConfig{"unclosed object", "{", ""}, BadConfig{"missing value", "{\"log_level\":}", ""},
                      BadConfig{"not json", "not json", ""}, BadConfig{"array", "[]", ""},
                      BadConfig{"json null", "null", ""}, BadConfig{"number", "42", ""},
                      BadConfig{"trailing garbage", "{} x", ""}, BadConfig{"two objects", "{}{}", ""},
                      BadConfig{"single quotes", "{'log_level':'info'}", ""}),
    case_name);

}  // namespace
