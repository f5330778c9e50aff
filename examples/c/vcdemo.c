/*
 * vcdemo: what `./build.sh demo` runs, on the embedded defaults with no server to install.
 *
 * Three engines in one process, talking over real loopback sockets: "pbx" is the library's own
 * registrar with digest auth; alice and bob are phones. Both register (401 challenge, then 200).
 * Alice looks bob up in the registrar's location service and calls his registered contact with
 * Opus, plays speech, sends DTMF, holds and resumes, and hangs up. Bob answers and records what he
 * hears. The demo prints a call report for both sides, writes bob's recording to a WAV, and exits
 * non-zero unless every step happened and the audio arrived: what bob heard must match what alice
 * sent, delay-aligned, window by window (see audio_check.c for the threshold and why).
 *
 *   vcdemo SPEECH.wav BOB_HEARD.wav
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <voipcore.h>

#include "audio_check.h"

#define N_ENGINES 3
enum { PBX, ALICE, BOB };
static const char *names[N_ENGINES] = {"pbx", "alice", "bob"};
static vc_engine_t engines[N_ENGINES];

static void check(int rc, const char *what)
{
    if (rc != VC_OK) {
        fprintf(stderr, "vcdemo: %s failed: %s: %s\n", what, vc_strerror(rc), vc_last_error());
        exit(1);
    }
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* What the demo has seen so far, filled in as events arrive from all three engines. */
struct progress {
    vc_call_t alice_call, bob_call;
    int alice_state, bob_state;
    int alice_registered, bob_registered;
    int bob_remote_hold_seen, bob_remote_resume_seen;
    int speech_ended;
    char digits[32];
    char alice_report[2048], bob_report[2048];
};

static void copy_detail(char *to, size_t size, const vc_event_t *ev)
{
    snprintf(to, size, "%s", ev->detail_json ? ev->detail_json : "");
}

static void on_event(int who, const vc_event_t *ev, struct progress *p)
{
    if (ev->type != VC_EVENT_CALL_QUALITY)
        printf("  [%-5s] event %2d value=%-3lld %.200s\n", names[who], ev->type, (long long)ev->value,
               ev->detail_json ? ev->detail_json : "");
    switch (ev->type) {
    case VC_EVENT_REGISTRATION_STATE:
        if (ev->value == VC_REG_REGISTERED) *(who == ALICE ? &p->alice_registered : &p->bob_registered) = 1;
        break;
    case VC_EVENT_CALL_INCOMING:
        if (who == BOB) {
            p->bob_call = ev->handle;
            check(vc_call_answer(ev->handle), "vc_call_answer");
        }
        break;
    case VC_EVENT_CALL_STATE:
        if (who == ALICE && ev->handle == p->alice_call) {
            p->alice_state = (int)ev->value;
            if (ev->value == VC_CALL_TERMINATED) copy_detail(p->alice_report, sizeof p->alice_report, ev);
        } else if (who == BOB && ev->handle == p->bob_call) {
            p->bob_state = (int)ev->value;
            if (ev->detail_json && strstr(ev->detail_json, "\"remote_hold\":true")) p->bob_remote_hold_seen = 1;
            if (p->bob_remote_hold_seen && ev->detail_json && strstr(ev->detail_json, "resumed")) p->bob_remote_resume_seen = 1;
            if (ev->value == VC_CALL_TERMINATED) copy_detail(p->bob_report, sizeof p->bob_report, ev);
        }
        break;
    case VC_EVENT_CALL_DTMF:
        if (who == BOB && strlen(p->digits) + 1 < sizeof p->digits) p->digits[strlen(p->digits)] = (char)ev->value;
        break;
    case VC_EVENT_CALL_MEDIA_ENDED:
        if (who == ALICE) p->speech_ended = 1;
        break;
    default:
        break;
    }
}

/* Delivers events from every engine until `done(p)` or the timeout; returns whether done. */
static int run_until(struct progress *p, int (*done)(const struct progress *), double timeout_s, const char *what)
{
    double deadline = now_seconds() + timeout_s;
    while (!done(p)) {
        if (now_seconds() > deadline) {
            fprintf(stderr, "vcdemo: timed out waiting for %s\n", what);
            return 0;
        }
        int any = 0;
        for (int i = 0; i < N_ENGINES; i++) {
            vc_event_t ev;
            if (vc_engine_poll_event(engines[i], &ev, 0) == VC_OK) {
                on_event(i, &ev, p);
                any = 1;
            }
        }
        if (!any) {
            struct timespec pause = {0, 5 * 1000 * 1000};
            nanosleep(&pause, NULL);
        }
    }
    return 1;
}

static int both_registered(const struct progress *p) { return p->alice_registered && p->bob_registered; }
static int connected(const struct progress *p) { return p->alice_state == VC_CALL_CONNECTED && p->bob_state == VC_CALL_CONNECTED; }
static int digits_in(const struct progress *p) { return strlen(p->digits) >= 5; }
static int speech_done(const struct progress *p) { return p->speech_ended; }
static int on_hold(const struct progress *p) { return p->alice_state == VC_CALL_ON_HOLD && p->bob_remote_hold_seen; }
static int resumed(const struct progress *p) { return p->alice_state == VC_CALL_CONNECTED && p->bob_remote_resume_seen; }
static int ended(const struct progress *p) { return p->alice_state == VC_CALL_TERMINATED && p->bob_state == VC_CALL_TERMINATED; }

static void sleep_events(struct progress *p, double seconds)
{
    double until = now_seconds() + seconds;
    while (now_seconds() < until) {
        for (int i = 0; i < N_ENGINES; i++) {
            vc_event_t ev;
            if (vc_engine_poll_event(engines[i], &ev, 0) == VC_OK) on_event(i, &ev, p);
        }
        struct timespec pause = {0, 5 * 1000 * 1000};
        nanosleep(&pause, NULL);
    }
}

/* A number after "key": in a flat JSON text, or -1. */
static double json_number(const char *json, const char *key)
{
    char pattern[64];
    snprintf(pattern, sizeof pattern, "\"%s\":", key);
    const char *at = strstr(json, pattern);
    return at && strncmp(at + strlen(pattern), "null", 4) ? atof(at + strlen(pattern)) : -1;
}

static void print_report(const char *who, const char *detail)
{
    const char *stats = strstr(detail, "\"stats\":");
    if (!stats) stats = "";
    char codec[32] = "?";
    const char *c = strstr(stats, "\"codec\":\"");
    if (c) sscanf(c + 9, "%31[^\"]", codec);
    double rtt = json_number(stats, "rtt_ms");
    printf("  %-5s codec=%s duration=%.1f s  MOS=%.2f  jitter=%.2f ms  loss=%.2f %%  RTT=%s%.1f%s  "
           "packets sent=%.0f received=%.0f lost=%.0f\n",
           who, codec, json_number(detail, "duration_s"), json_number(stats, "mos"), json_number(stats, "jitter_ms"),
           json_number(stats, "loss_percent"), rtt < 0 ? "n/a" : "", rtt < 0 ? 0 : rtt, rtt < 0 ? "" : " ms",
           json_number(stats, "packets_sent"), json_number(stats, "packets_received"), json_number(stats, "packets_lost"));
}

/* The "contact" of bob's binding in the registrar's JSON list, as a URI (without angle brackets). */
static void bob_contact(char *out, size_t size)
{
    char *json = NULL;
    check(vc_registrar_list_bindings(engines[PBX], &json), "vc_registrar_list_bindings");
    const char *bob = strstr(json, "\"aor\":\"bob\"");
    const char *contact = bob ? strstr(bob, "\"contact\":\"") : NULL;
    if (!contact) {
        fprintf(stderr, "vcdemo: bob has no binding: %s\n", json);
        exit(1);
    }
    contact += strlen("\"contact\":\"");
    if (*contact == '<') contact++;
    size_t n = strcspn(contact, ">\";");
    snprintf(out, size, "%.*s", (int)(n < size ? n : size - 1), contact);
    vc_free(json);
}

static vc_account_t phone(int who, const char *user, const char *password, const char *pbx)
{
    char config[512];
    snprintf(config, sizeof config, "{\"uri\":\"sip:%s@%s\",\"password\":\"%s\",\"registrar\":\"sip:%s\",\"expires\":60}",
             user, pbx, password, pbx);
    vc_account_t account;
    check(vc_account_create(&account, engines[who], config), "vc_account_create");
    check(vc_account_register(account), "vc_account_register");
    return account;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: vcdemo SPEECH.wav BOB_HEARD.wav\n");
        return 2;
    }
    const char *speech = argv[1], *heard = argv[2];
    struct audio_clip sent;
    if (audio_clip_read(speech, &sent) != 0) return 1;

    printf("libvoipcore %s demo: a registrar, alice and bob on loopback; alice calls bob with Opus\n", vc_version());
    char *bound[N_ENGINES];
    for (int i = 0; i < N_ENGINES; i++) {
        check(vc_engine_create(&engines[i], "{\"media\":{\"codecs\":[\"opus\"],\"quality_interval_s\":2}}"), "vc_engine_create");
        check(vc_engine_listen(engines[i], &bound[i], "udp:127.0.0.1:0"), "vc_engine_listen");
    }
    const char *pbx = bound[PBX] + strlen("udp:");
    check(vc_registrar_enable(engines[PBX], "{\"realm\":\"demo\",\"users\":{\"alice\":\"wonderland\",\"bob\":\"builder\"}}"),
          "vc_registrar_enable");
    printf("1. registrar on %s; alice on %s and bob on %s register (digest auth)\n", pbx, bound[ALICE], bound[BOB]);
    struct progress p = {0};
    vc_account_t alice = phone(ALICE, "alice", "wonderland", pbx);
    phone(BOB, "bob", "builder", pbx);
    int ok = run_until(&p, both_registered, 10, "both registrations");

    char target[256] = "";
    if (ok) {
        bob_contact(target, sizeof target);
        printf("2. alice calls bob at his registered contact %s\n", target);
        check(vc_call_make(&p.alice_call, engines[ALICE], alice, target, NULL), "vc_call_make");
        ok = run_until(&p, connected, 10, "the call to connect");
    }
    if (ok) {
        printf("3. connected: alice plays speech, bob records it to %s\n", heard);
        check(vc_call_record(p.bob_call, heard, VC_RECORD_RECEIVED, sent.rate), "vc_call_record");
        check(vc_call_play(p.alice_call, speech, 0), "vc_call_play");
        sleep_events(&p, 1);
        printf("4. alice sends DTMF 1234#\n");
        check(vc_call_send_dtmf(p.alice_call, "1234#", VC_DTMF_AUTO), "vc_call_send_dtmf");
        ok = run_until(&p, digits_in, 10, "bob to receive 5 digits") && run_until(&p, speech_done, 30, "the speech to end");
    }
    if (ok) {
        printf("5. alice holds, then resumes\n");
        check(vc_call_hold(p.alice_call), "vc_call_hold");
        ok = run_until(&p, on_hold, 10, "hold");
        if (ok) {
            sleep_events(&p, 1);
            check(vc_call_resume(p.alice_call), "vc_call_resume");
            ok = run_until(&p, resumed, 10, "resume");
        }
    }
    if (ok) {
        sleep_events(&p, 1);
        printf("6. alice hangs up\n");
        check(vc_call_hangup(p.alice_call), "vc_call_hangup");
        ok = run_until(&p, ended, 10, "both sides to end");
    }
    for (int i = 0; i < N_ENGINES; i++) {
        vc_free(bound[i]);
        vc_engine_destroy(engines[i]);
    }
    if (!ok) return 1;

    printf("\ncall report\n");
    print_report("alice", p.alice_report);
    print_report("bob", p.bob_report);
    printf("  DTMF bob received: %s\n", p.digits);
    int status = strcmp(p.digits, "1234#") == 0 ? 0 : 1;
    if (status) fprintf(stderr, "vcdemo: bob received DTMF '%s', not '1234#'\n", p.digits);

    struct audio_clip received;
    if (audio_clip_read(heard, &received) != 0) return 1;
    struct audio_match match = audio_match(&sent, &received);
    printf("  audio: bob's recording %s matches what alice sent: delay %.0f ms, median window correlation %.3f, "
           "%d of %d speech windows above %.2f\n",
           heard, match.delay_ms, match.median, match.windows_passing, match.windows, AUDIO_WINDOW_THRESHOLD);
    if (!match.passed) {
        fprintf(stderr, "vcdemo: the audio did not arrive intact (see above)\n");
        status = 1;
    }
    printf(status == 0 ? "demo passed\n" : "demo FAILED\n");
    free(sent.samples);
    free(received.samples);
    return status;
}
