/*
 * test_calls.cpp - calls through the C ABI between two engines on loopback: a call connects, carries
 * audio both ways (PCM ports), reports statistics into a versioned struct, ends on either side and
 * invalidates its handle; illegal operations say why; bad handles and arguments are refused; an
 * engine destroyed mid-call hangs up.
 */
#include "sip_support.h"

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

namespace {

using vctest::FailsFreshlyWith;
using vctest::RecordedEvent;
using vctest::SipPair;
using vctest::Succeeds;

vctest::EventRecorder::Match call_state(vc_call_t call, int state)
{
    return [=](const RecordedEvent &e) {
        return e.type == VC_EVENT_CALL_STATE && e.handle == call && e.value == state;
    };
}

/* The client calls the server's listener; the server answers from inside its event callback. */
struct ConnectedCall {
    vc_call_t outgoing = 0;
    vc_call_t incoming = 0;
};

ConnectedCall connect(SipPair &pair, const char *options = "{\"codecs\":[\"pcmu\"]}")
{
    ConnectedCall call;
    pair.server_events.on_event = [](const vc_event_t &e) {
        if (e.type == VC_EVENT_CALL_INCOMING) {
            EXPECT_TRUE(Succeeds(vc_call_answer(e.handle)));
        }
    };
    std::string target = vctest::sip_uri_of(pair.server_bound, "bob");
    EXPECT_TRUE(Succeeds(vc_call_make(&call.outgoing, pair.client.get(), 0, target.c_str(), options)));
    EXPECT_TRUE(pair.client_events.wait_for(call_state(call.outgoing, VC_CALL_CONNECTED)));
    EXPECT_TRUE(pair.server_events.wait_for(vctest::of_type(VC_EVENT_CALL_INCOMING)));
    call.incoming = pair.server_events.matching(vctest::of_type(VC_EVENT_CALL_INCOMING)).front().handle;
    EXPECT_TRUE(pair.server_events.wait_for(call_state(call.incoming, VC_CALL_CONNECTED)));
    return call;
}

TEST(Calls, ConnectReportStatisticsHangUpAndForgetTheHandle)
{
    SipPair pair(nullptr);
    ConnectedCall call = connect(pair);
    int state = -1;
    ASSERT_TRUE(Succeeds(vc_call_get_state(call.outgoing, &state)));
    EXPECT_EQ(VC_CALL_CONNECTED, state);
    vctest::sleep_for(vctest::Millis(600));

    vc_call_stats_t stats;
    vc_call_stats_init(&stats);
    EXPECT_EQ(sizeof stats, stats.struct_size);
    ASSERT_TRUE(Succeeds(vc_call_get_stats(call.incoming, &stats)));
    EXPECT_STREQ("PCMU", stats.codec);
    EXPECT_GT(stats.packets_sent, 10u);
    EXPECT_GT(stats.packets_received, 10u);
    EXPECT_EQ(160u * stats.packets_received, stats.bytes_received);
    EXPECT_EQ(0u, stats.packets_lost);
    EXPECT_GT(stats.mos, 4.0);
    EXPECT_GT(stats.duration_s, 0.3);

    ASSERT_TRUE(Succeeds(vc_call_hangup(call.incoming)));
    ASSERT_TRUE(pair.client_events.wait_for(call_state(call.outgoing, VC_CALL_TERMINATED)));
    ASSERT_TRUE(pair.server_events.wait_for(call_state(call.incoming, VC_CALL_TERMINATED)));
    RecordedEvent end = pair.client_events.matching(call_state(call.outgoing, VC_CALL_TERMINATED)).front();
    EXPECT_EQ("the peer hung up", vctest::json_string(end.detail, "reason").value_or(""));
    EXPECT_TRUE(vctest::contains(end.detail, "\"codec\":\"PCMU\""));
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_HANDLE, [&] { return vc_call_get_state(call.outgoing, &state); }));
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_HANDLE, [&] { return vc_call_hangup(call.incoming); }));
}

TEST(Calls, ANewerCallersLargerStatsStructKeepsTheFieldsThisLibraryDoesNotKnow)
{
    SipPair pair(nullptr);
    ConnectedCall call = connect(pair);
    struct {
        vc_call_stats_t known;
        unsigned char later_fields[16];
    } newer;
    std::memset(&newer, 0xAB, sizeof newer);
    newer.known.struct_size = sizeof newer;
    ASSERT_TRUE(Succeeds(vc_call_get_stats(call.outgoing, &newer.known)));
    EXPECT_STREQ("PCMU", newer.known.codec);
    EXPECT_EQ(sizeof newer, newer.known.struct_size);
    unsigned char untouched[sizeof newer.later_fields];
    std::memset(untouched, 0xAB, sizeof untouched);
    EXPECT_EQ(0, std::memcmp(untouched, newer.later_fields, sizeof untouched));
    vc_call_stats_t unset{};
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_call_get_stats(call.outgoing, &unset); }));
    EXPECT_TRUE(vctest::contains(vctest::last_error(), "vc_call_stats_init"));
}

TEST(Calls, AnOperationTheStateDoesNotAllowSaysWhichState)
{
    SipPair pair(nullptr);
    std::string target = vctest::sip_uri_of(pair.server_bound, "bob");
    vc_call_t outgoing = 0;
    ASSERT_TRUE(Succeeds(vc_call_make(&outgoing, pair.client.get(), 0, target.c_str(), nullptr)));
    ASSERT_TRUE(pair.server_events.wait_for(vctest::of_type(VC_EVENT_CALL_INCOMING)));
    vc_call_t incoming = pair.server_events.matching(vctest::of_type(VC_EVENT_CALL_INCOMING)).front().handle;
    ASSERT_TRUE(pair.client_events.wait_for(call_state(outgoing, VC_CALL_RINGING)));
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_STATE, [&] { return vc_call_hold(incoming); }));
    EXPECT_EQ("cannot hold a call in state Ringing", vctest::last_error());
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_STATE, [&] { return vc_call_answer(outgoing); }));
    EXPECT_TRUE(vctest::contains(vctest::last_error(), "only an incoming call"));
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_call_reject(incoming, 200); }));
    ASSERT_TRUE(Succeeds(vc_call_reject(incoming, 486)));
    ASSERT_TRUE(pair.client_events.wait_for(call_state(outgoing, VC_CALL_TERMINATED)));
    RecordedEvent end = pair.client_events.matching(call_state(outgoing, VC_CALL_TERMINATED)).front();
    EXPECT_EQ(486, vctest::json_integer(end.detail, "code").value_or(0));
}

TEST(Calls, BadHandlesAndArgumentsAreRefused)
{
    SipPair pair(nullptr);
    vc_call_t call = 0;
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_call_make(nullptr, pair.client.get(), 0, "sip:a@127.0.0.1", nullptr); }));
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_call_make(&call, pair.client.get(), 0, "mailto:a@b", nullptr); }));
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_call_make(&call, pair.client.get(), 0, nullptr, nullptr); }));
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_call_make(&call, pair.client.get(), 0, "sip:a@127.0.0.1", "{\"codecs\":[\"gsm\"]}"); }));
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_call_make(&call, pair.client.get(), 0, "sip:a@127.0.0.1", "{\"headers\":{\"X-A\":\"1\\r\\nInjected: yes\"}}"); }));
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_HANDLE, [&] { return vc_call_make(&call, pair.client.get(), pair.client.get(), "sip:a@127.0.0.1", nullptr); }));
    EXPECT_EQ(0u, call);
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_HANDLE, [&] { return vc_call_answer(0); }));
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_HANDLE, [&] { return vc_call_hangup(pair.client.get()); }));
    int state = 0;
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_HANDLE, [&] { return vc_call_get_state(0xDEADBEEF, &state); }));

    ConnectedCall live = connect(pair);
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_call_get_state(live.outgoing, nullptr); }));
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_call_send_dtmf(live.outgoing, "12x", VC_DTMF_AUTO); }));
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_call_send_dtmf(live.outgoing, "1", 7); }));
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_call_record(live.outgoing, "/tmp/x.wav", 9, 0); }));
    EXPECT_TRUE(FailsFreshlyWith(VC_E_NOT_FOUND, [&] { return vc_call_play(live.outgoing, "/nonexistent/file.wav", 0); }));
    EXPECT_EQ("/nonexistent/file.wav: file not found", vctest::last_error());
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_ARG, [&] { return vc_call_pcm_attach(live.outgoing, 44100); }));
    size_t count = 0;
    int16_t buffer[4];
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_STATE, [&] { return vc_call_pcm_pull(live.outgoing, &count, buffer, 4); }));
    EXPECT_TRUE(FailsFreshlyWith(VC_E_INVALID_STATE, [&] { return vc_call_defer(live.incoming, 1000); }));
}

/* Power of `samples` at `hz` (Goertzel). */
double power_at(const std::vector<int16_t> &samples, int rate, double hz)
{
    double coefficient = 2 * std::cos(2 * M_PI * hz / rate), s1 = 0, s2 = 0;
    for (int16_t x : samples) {
        double s0 = x + coefficient * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
}

/* The strongest of 100, 200, ... 4000 Hz: gaps (a slow machine, valgrind) change levels, not this. */
int dominant_frequency(const std::vector<int16_t> &samples, int rate)
{
    int best = 0;
    double best_power = -1;
    for (int hz = 100; hz <= 4000; hz += 100) {
        double p = power_at(samples, rate, hz);
        if (p > best_power) {
            best_power = p;
            best = hz;
        }
    }
    return best;
}

TEST(Calls, PcmPushedOnOneSideIsPulledOnTheOther)
{
    SipPair pair(nullptr);
    ConnectedCall call = connect(pair, "{\"codecs\":[\"g722\"]}");
    const int rate = 16000, frame = rate / 50;
    ASSERT_TRUE(Succeeds(vc_call_pcm_attach(call.outgoing, rate)));
    ASSERT_TRUE(Succeeds(vc_call_pcm_attach(call.incoming, rate)));
    std::vector<int16_t> heard;
    double phase = 0;
    for (int tick = 0; tick < 75; tick++) {
        int16_t tone[frame];
        for (int i = 0; i < frame; i++, phase += 2 * M_PI * 1000 / rate) tone[i] = int16_t(8000 * std::sin(phase));
        size_t accepted = 0;
        ASSERT_TRUE(Succeeds(vc_call_pcm_push(call.outgoing, &accepted, tone, frame)));
        EXPECT_EQ(size_t(frame), accepted);
        int16_t chunk[frame];
        size_t got = 0;
        ASSERT_TRUE(Succeeds(vc_call_pcm_pull(call.incoming, &got, chunk, frame)));
        if (tick >= 25) heard.insert(heard.end(), chunk, chunk + got);
        vctest::sleep_for(vctest::Millis(20));
    }
    ASSERT_GT(heard.size(), size_t(rate / 2));
    double energy = 0;
    for (int16_t s : heard) energy += double(s) * s;
    EXPECT_GT(std::sqrt(energy / heard.size()), 1000.0) << "the tone arrived too quietly or not at all";
    EXPECT_EQ(1000, dominant_frequency(heard, rate));
}

TEST(Calls, DestroyingAnEngineMidCallHangsUp)
{
    SipPair pair(nullptr);
    ConnectedCall call = connect(pair);
    ASSERT_TRUE(Succeeds(pair.client.destroy()));
    ASSERT_TRUE(pair.server_events.wait_for(call_state(call.incoming, VC_CALL_TERMINATED)));
    RecordedEvent end = pair.server_events.matching(call_state(call.incoming, VC_CALL_TERMINATED)).front();
    EXPECT_EQ("the peer hung up", vctest::json_string(end.detail, "reason").value_or(""));
}

}  // namespace
