/* test_version.cpp - vc_version() agrees with the header, vc_strerror() names every code. */
#include "test_support.h"

#include <climits>
#include <string>

namespace {

TEST(Version, MatchesHeaderMacros)
{
    const std::string header_version = std::to_string(VC_VERSION_MAJOR) + "." + std::to_string(VC_VERSION_MINOR) + "." +
                                       std::to_string(VC_VERSION_PATCH);
    const char *library_version = vc_version();
    ASSERT_NE(library_version, nullptr);
    EXPECT_EQ(header_version, library_version);
}

TEST(Version, IsOneStaticString)
{
    // Documented as a static string owned by the library: the same pointer every time.
    EXPECT_EQ(vc_version(), vc_version());
}

TEST(StrError, NamesEveryCode)
{
    const struct {
        int code;
        const char *name;
    } codes[] = {
        {VC_OK, "VC_OK"},
        {VC_E_INVALID_ARG, "VC_E_INVALID_ARG"},
        {VC_E_INVALID_HANDLE, "VC_E_INVALID_HANDLE"},
        {VC_E_INVALID_STATE, "VC_E_INVALID_STATE"},
        {VC_E_NOT_FOUND, "VC_E_NOT_FOUND"},
        {VC_E_TIMEOUT, "VC_E_TIMEOUT"},
        {VC_E_IO, "VC_E_IO"},
        {VC_E_UNSUPPORTED, "VC_E_UNSUPPORTED"},
        {VC_E_SHUTDOWN, "VC_E_SHUTDOWN"},
        {VC_E_INTERNAL, "VC_E_INTERNAL"},
    };
    for (const auto &entry : codes) {
        const char *name = vc_strerror(entry.code);
        ASSERT_NE(name, nullptr) << "code " << entry.code;
        EXPECT_STREQ(entry.name, name) << "code " << entry.code;
    }
}

TEST(StrError, UnknownCodesGiveUnknown)
{
    const int unknown[] = {1, 2, 42, -10, -11, -100, INT_MAX, INT_MIN};
    for (int code : unknown) {
        const char *name = vc_strerror(code);
        ASSERT_NE(name, nullptr) << "code " << code;
        EXPECT_STREQ("VC_E_UNKNOWN", name) << "code " << code;
    }
}

TEST(StrError, DoesNotTouchLastError)
{
    // vc_strerror is documented as error-free: asking for a name is not a failure.
    const std::string before = vctest::last_error();
    vc_strerror(12345);
    EXPECT_EQ(before, vctest::last_error());
}

}  // namespace
