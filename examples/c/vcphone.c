/*
 * vcphone: a command-line SIP user agent written only against the C ABI (include/voipcore.h),
 * in the spirit of pjsua. Tests drive it; users try the library with it.
 *
 *   vcphone --listen udp:127.0.0.1:5080 --registrar --user alice:secret --duration 30
 *   vcphone --listen udp:127.0.0.1:5090 --account sip:alice@127.0.0.1:5080 --password secret \
 *           --register --options sip:127.0.0.1:5080 --message sip:bob@127.0.0.1:5080 "hi" --json
 *   vcphone --listen udp:127.0.0.1:5092 --auto-answer --record heard.wav --stats
 *   vcphone --listen udp:127.0.0.1:5094 --call sip:bob@127.0.0.1:5092 --codec opus --play speech.wav \
 *           --dtmf 123# --hold-after 2 --hangup-after 6 --stats
 *   vcphone --listen udp:127.0.0.1:5096 --call sip:bob@127.0.0.1:5092 --transfer sip:carol@127.0.0.1:5098
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <voipcore.h>

#define MAX_ITEMS 16

struct options {
    const char *listen[MAX_ITEMS];
    int listen_count;
    const char *users[MAX_ITEMS];
    int user_count;
    int registrar;
    const char *realm;
    const char *algorithms;
    const char *account;
    const char *password;
    const char *proxy;
    const char *transport;
    int expires;
    int register_account;
    const char *options_targets[MAX_ITEMS];
    int options_count;
    const char *message_target;
    const char *message_text;
    double duration;
    int json;
    const char *config;
    const char *call_target;
    int auto_answer;
    const char *codec;
    const char *play;
    const char *record;
    int record_mode;
    const char *dtmf;
    int dtmf_info;
    double hold_after;
    double hangup_after;
    const char *transfer;
    int stats;
};

/* The one call vcphone handles at a time, and what is still to do on it. */
struct call_plan {
    vc_call_t call;
    int connected;
    int ended;
    int end_code;
    double connected_at;
    int dtmf_sent;
    int hold_state; /* 0 nothing yet, 1 hold asked, 2 resume asked */
    int transfer_asked;
};

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

static void usage(void)
{
    fprintf(stderr,
            "usage: vcphone [options]\n"
            "  --listen PROTO:IP:PORT     open a listener (udp, tcp, tls, ws, wss); repeatable\n"
            "  --registrar                serve REGISTER with digest auth\n"
            "  --user NAME:PASSWORD       a registrar user; repeatable\n"
            "  --realm REALM              the registrar's digest realm\n"
            "  --algorithms LIST          digest algorithms offered, e.g. MD5 or SHA-256,MD5\n"
            "  --account URI              our address-of-record, e.g. sip:alice@host\n"
            "  --password P               the account's password\n"
            "  --proxy URI                outbound proxy for the account\n"
            "  --transport T              udp, tcp, tls, ws or wss for the account\n"
            "  --expires S                registration expiry to ask for\n"
            "  --register                 register the account\n"
            "  --options URI              send OPTIONS (from the account if any); repeatable\n"
            "  --message URI TEXT         send a MESSAGE\n"
            "  --duration S               run this long, then un-register and exit (default 5)\n"
            "  --config JSON              engine configuration (see vc_engine_create)\n"
            "  --json                     one JSON event per line on stdout\n"
            "  --call URI                 call URI (from the account if any); exit when the call ends\n"
            "  --auto-answer              answer incoming calls; exit when the call ends\n"
            "  --codec C                  opus, g722, pcmu or pcma (only this codec)\n"
            "  --play FILE.wav            send this WAV once connected (looped)\n"
            "  --record FILE.wav          record what we receive (--record-mode sent|mixed|stereo)\n"
            "  --dtmf DIGITS              send digits 1 s after connecting (--dtmf-info: by SIP INFO)\n"
            "  --hold-after S             hold S seconds after connecting, resume S seconds later\n"
            "  --hangup-after S           hang up S seconds after connecting\n"
            "  --transfer URI             transfer the call to URI (REFER) 2 s after connecting\n"
            "  --stats                    print a call report at hang-up\n");
}

static int parse(int argc, char **argv, struct options *o)
{
    memset(o, 0, sizeof *o);
    o->duration = 5;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
#define NEXT() (more ? argv[++i] : (fprintf(stderr, "vcphone: %s needs a value\n", a), (char *)NULL))
        if (!strcmp(a, "--listen") && o->listen_count < MAX_ITEMS) {
            if (!(o->listen[o->listen_count++] = NEXT())) return -1;
        } else if (!strcmp(a, "--user") && o->user_count < MAX_ITEMS) {
            if (!(o->users[o->user_count++] = NEXT())) return -1;
        } else if (!strcmp(a, "--registrar")) {
            o->registrar = 1;
        } else if (!strcmp(a, "--realm")) {
            if (!(o->realm = NEXT())) return -1;
        } else if (!strcmp(a, "--algorithms")) {
            if (!(o->algorithms = NEXT())) return -1;
        } else if (!strcmp(a, "--account")) {
            if (!(o->account = NEXT())) return -1;
        } else if (!strcmp(a, "--password")) {
            if (!(o->password = NEXT())) return -1;
        } else if (!strcmp(a, "--proxy")) {
            if (!(o->proxy = NEXT())) return -1;
        } else if (!strcmp(a, "--transport")) {
            if (!(o->transport = NEXT())) return -1;
        } else if (!strcmp(a, "--expires")) {
            const char *v = NEXT();
            if (!v) return -1;
            o->expires = atoi(v);
        } else if (!strcmp(a, "--register")) {
            o->register_account = 1;
        } else if (!strcmp(a, "--options") && o->options_count < MAX_ITEMS) {
            if (!(o->options_targets[o->options_count++] = NEXT())) return -1;
        } else if (!strcmp(a, "--message")) {
            if (!(o->message_target = NEXT()) || !(o->message_text = NEXT())) return -1;
        } else if (!strcmp(a, "--duration")) {
            const char *v = NEXT();
            if (!v) return -1;
            o->duration = atof(v);
        } else if (!strcmp(a, "--config")) {
            if (!(o->config = NEXT())) return -1;
        } else if (!strcmp(a, "--json")) {
            o->json = 1;
        } else if (!strcmp(a, "--call")) {
            if (!(o->call_target = NEXT())) return -1;
        } else if (!strcmp(a, "--auto-answer")) {
            o->auto_answer = 1;
        } else if (!strcmp(a, "--codec")) {
            if (!(o->codec = NEXT())) return -1;
        } else if (!strcmp(a, "--play")) {
            if (!(o->play = NEXT())) return -1;
        } else if (!strcmp(a, "--record")) {
            if (!(o->record = NEXT())) return -1;
        } else if (!strcmp(a, "--record-mode")) {
            const char *v = NEXT();
            if (!v) return -1;
            o->record_mode = !strcmp(v, "sent") ? VC_RECORD_SENT : !strcmp(v, "mixed") ? VC_RECORD_MIXED
                           : !strcmp(v, "stereo") ? VC_RECORD_STEREO : VC_RECORD_RECEIVED;
        } else if (!strcmp(a, "--dtmf")) {
            if (!(o->dtmf = NEXT())) return -1;
        } else if (!strcmp(a, "--dtmf-info")) {
            o->dtmf_info = 1;
        } else if (!strcmp(a, "--hold-after")) {
            const char *v = NEXT();
            if (!v) return -1;
            o->hold_after = atof(v);
        } else if (!strcmp(a, "--hangup-after")) {
            const char *v = NEXT();
            if (!v) return -1;
            o->hangup_after = atof(v);
        } else if (!strcmp(a, "--transfer")) {
            if (!(o->transfer = NEXT())) return -1;
        } else if (!strcmp(a, "--stats")) {
            o->stats = 1;
        } else {
            fprintf(stderr, "vcphone: unknown option %s\n", a);
            return -1;
        }
#undef NEXT
    }
    return 0;
}

static const char *event_name(int type)
{
    switch (type) {
    case VC_EVENT_ENGINE_STARTED: return "engine_started";
    case VC_EVENT_USER: return "user";
    case VC_EVENT_EVENTS_DROPPED: return "events_dropped";
    case VC_EVENT_REGISTRATION_STATE: return "registration_state";
    case VC_EVENT_REGISTRAR_BINDING: return "registrar_binding";
    case VC_EVENT_REQUEST_RESULT: return "request_result";
    case VC_EVENT_MESSAGE_RECEIVED: return "message_received";
    case VC_EVENT_KEEPALIVE: return "keepalive";
    case VC_EVENT_CALL_INCOMING: return "call_incoming";
    case VC_EVENT_CALL_STATE: return "call_state";
    case VC_EVENT_CALL_DTMF: return "call_dtmf";
    case VC_EVENT_CALL_QUALITY: return "call_quality";
    case VC_EVENT_CALL_QUALITY_WARNING: return "call_quality_warning";
    case VC_EVENT_CALL_RTP_TIMEOUT: return "call_rtp_timeout";
    case VC_EVENT_CALL_MEDIA_ENDED: return "call_media_ended";
    case VC_EVENT_CALL_TRANSFER: return "call_transfer";
    default: return "unknown";
    }
}

static void print_event(const vc_event_t *ev, int json)
{
    if (json) {
        printf("{\"event\":\"%s\",\"sequence\":%llu,\"handle\":%llu,\"value\":%lld,\"value2\":%lld,\"detail\":%s}\n",
               event_name(ev->type), (unsigned long long)ev->sequence, (unsigned long long)ev->handle,
               (long long)ev->value, (long long)ev->value2, ev->detail_json ? ev->detail_json : "null");
    } else {
        printf("%-20s value=%lld value2=%lld %s\n", event_name(ev->type), (long long)ev->value, (long long)ev->value2,
               ev->detail_json ? ev->detail_json : "");
    }
    fflush(stdout);
}

static int fail(const char *what, int rc)
{
    fprintf(stderr, "vcphone: %s: %s: %s\n", what, vc_strerror(rc), vc_last_error());
    return 1;
}

/* Writes a JSON string literal; the inputs here are user names and passwords from the command line. */
static void json_string(char *out, size_t size, const char *s)
{
    size_t n = 0;
    out[n++] = '"';
    for (; *s && n + 3 < size; s++) {
        if (*s == '"' || *s == '\\') out[n++] = '\\';
        out[n++] = *s;
    }
    out[n++] = '"';
    out[n] = 0;
}

static int enable_registrar(vc_engine_t engine, const struct options *o)
{
    char config[4096], quoted[512];
    int n = snprintf(config, sizeof config, "{");
    if (o->realm) {
        json_string(quoted, sizeof quoted, o->realm);
        n += snprintf(config + n, sizeof config - n, "\"realm\":%s,", quoted);
    }
    if (o->algorithms) {
        /* "SHA-256,MD5" -> ["SHA-256","MD5"] */
        n += snprintf(config + n, sizeof config - n, "\"algorithms\":[\"");
        for (const char *c = o->algorithms; *c && n < (int)sizeof config - 8; c++)
            n += *c == ',' ? snprintf(config + n, sizeof config - n, "\",\"") : snprintf(config + n, sizeof config - n, "%c", *c);
        n += snprintf(config + n, sizeof config - n, "\"],");
    }
    n += snprintf(config + n, sizeof config - n, "\"min_expires\":1,\"users\":{");
    for (int i = 0; i < o->user_count; i++) {
        char user[256];
        const char *colon = strchr(o->users[i], ':');
        if (!colon) {
            fprintf(stderr, "vcphone: --user expects NAME:PASSWORD\n");
            return 1;
        }
        snprintf(user, sizeof user, "%.*s", (int)(colon - o->users[i]), o->users[i]);
        json_string(quoted, sizeof quoted, user);
        n += snprintf(config + n, sizeof config - n, "%s%s:", i ? "," : "", quoted);
        json_string(quoted, sizeof quoted, colon + 1);
        n += snprintf(config + n, sizeof config - n, "%s", quoted);
    }
    snprintf(config + n, sizeof config - n, "}}");
    int rc = vc_registrar_enable(engine, config);
    return rc == VC_OK ? 0 : fail("vc_registrar_enable", rc);
}

static int create_account(vc_engine_t engine, const struct options *o, vc_account_t *account)
{
    char config[4096], quoted[1024];
    int n = snprintf(config, sizeof config, "{");
    json_string(quoted, sizeof quoted, o->account);
    n += snprintf(config + n, sizeof config - n, "\"uri\":%s", quoted);
    const char *keys[] = {"password", "proxy", "transport"};
    const char *values[] = {o->password, o->proxy, o->transport};
    for (int i = 0; i < 3; i++) {
        if (values[i]) {
            json_string(quoted, sizeof quoted, values[i]);
            n += snprintf(config + n, sizeof config - n, ",\"%s\":%s", keys[i], quoted);
        }
    }
    if (o->expires > 0) n += snprintf(config + n, sizeof config - n, ",\"expires\":%d", o->expires);
    snprintf(config + n, sizeof config - n, "}");
    int rc = vc_account_create(account, engine, config);
    return rc == VC_OK ? 0 : fail("vc_account_create", rc);
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A number after "key": in a flat JSON object (the stats the library writes), or `fallback`. */
static double json_number(const char *json, const char *key, double fallback)
{
    char pattern[64];
    snprintf(pattern, sizeof pattern, "\"%s\":", key);
    const char *at = json ? strstr(json, pattern) : NULL;
    if (!at || !strncmp(at + strlen(pattern), "null", 4)) return fallback;
    return atof(at + strlen(pattern));
}

static void print_report(const char *detail)
{
    const char *stats = detail ? strstr(detail, "\"stats\":") : NULL;
    char codec[32] = "none";
    const char *c = stats ? strstr(stats, "\"codec\":\"") : NULL;
    if (c) sscanf(c + 9, "%31[^\"]", codec);
    double rtt = json_number(stats, "rtt_ms", -1);
    char rtt_text[32] = "n/a";
    if (rtt >= 0) snprintf(rtt_text, sizeof rtt_text, "%.1f ms", rtt);
    printf("call report: codec=%s duration=%.1f s mos=%.2f jitter=%.1f ms loss=%.2f %% rtt=%s "
           "packets sent=%.0f received=%.0f lost=%.0f\n",
           codec, json_number(detail, "duration_s", 0), json_number(stats, "mos", 0), json_number(stats, "jitter_ms", 0),
           json_number(stats, "loss_percent", 0), rtt_text, json_number(stats, "packets_sent", 0),
           json_number(stats, "packets_received", 0), json_number(stats, "packets_lost", 0));
    fflush(stdout);
}

static int call_options(const struct options *o, char *out, size_t size)
{
    if (!o->codec) return 0;
    char quoted[64];
    json_string(quoted, sizeof quoted, o->codec);
    snprintf(out, size, "{\"codecs\":[%s]}", quoted);
    return 1;
}

/* Reacts to call events: answers, starts media on connect, notes the end. */
static void on_call_event(const vc_event_t *ev, const struct options *o, struct call_plan *plan)
{
    int rc;
    if (ev->type == VC_EVENT_CALL_INCOMING && o->auto_answer && !plan->call) {
        plan->call = ev->handle;
        if ((rc = vc_call_answer(ev->handle)) != VC_OK) fail("vc_call_answer", rc);
    }
    if (ev->type == VC_EVENT_CALL_TRANSFER && ev->handle == plan->call && ev->related) {
        /* The peer transferred us: the call the library placed for it is ours now. */
        plan->call = ev->related;
        plan->connected = 0;
        return;
    }
    if (ev->type != VC_EVENT_CALL_STATE || ev->handle != plan->call) return;
    if (ev->value == VC_CALL_CONNECTED && !plan->connected) {
        plan->connected = 1;
        plan->connected_at = now_seconds();
        if (o->play && (rc = vc_call_play(plan->call, o->play, 1)) != VC_OK) fail("vc_call_play", rc);
        if (o->record && (rc = vc_call_record(plan->call, o->record, o->record_mode, 0)) != VC_OK) fail("vc_call_record", rc);
    }
    if (ev->value == VC_CALL_TERMINATED) {
        plan->ended = 1;
        plan->end_code = (int)json_number(ev->detail_json, "code", 0);
        if (o->stats) print_report(ev->detail_json);
    }
}

/* The timed steps of a connected call: DTMF, hold and resume, hang-up. */
static void drive_call(const struct options *o, struct call_plan *plan)
{
    if (!plan->connected || plan->ended) return;
    double elapsed = now_seconds() - plan->connected_at;
    int rc;
    if (o->dtmf && !plan->dtmf_sent && elapsed >= 1) {
        plan->dtmf_sent = 1;
        if ((rc = vc_call_send_dtmf(plan->call, o->dtmf, o->dtmf_info ? VC_DTMF_INFO : VC_DTMF_AUTO)) != VC_OK)
            fail("vc_call_send_dtmf", rc);
    }
    if (o->hold_after > 0 && plan->hold_state == 0 && elapsed >= o->hold_after) {
        plan->hold_state = 1;
        if ((rc = vc_call_hold(plan->call)) != VC_OK) fail("vc_call_hold", rc);
    }
    if (o->hold_after > 0 && plan->hold_state == 1 && elapsed >= 2 * o->hold_after) {
        plan->hold_state = 2;
        if ((rc = vc_call_resume(plan->call)) != VC_OK) fail("vc_call_resume", rc);
    }
    if (o->transfer && !plan->transfer_asked && elapsed >= 2) {
        plan->transfer_asked = 1;
        if ((rc = vc_call_transfer(plan->call, o->transfer)) != VC_OK) fail("vc_call_transfer", rc);
    }
    if (o->hangup_after > 0 && elapsed >= o->hangup_after) {
        if ((rc = vc_call_hangup(plan->call)) != VC_OK && rc != VC_E_INVALID_STATE) fail("vc_call_hangup", rc);
        plan->connected_at = now_seconds() + 1e9; /* asked once */
    }
}

int main(int argc, char **argv)
{
    struct options o;
    if (parse(argc, argv, &o) != 0) {
        usage();
        return 2;
    }
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);

    /* --codec restricts incoming calls too, through media.codecs (unless --config says otherwise). */
    char codec_config[128];
    if (o.codec && !o.config) {
        char quoted[64];
        json_string(quoted, sizeof quoted, o.codec);
        snprintf(codec_config, sizeof codec_config, "{\"media\":{\"codecs\":[%s]}}", quoted);
        o.config = codec_config;
    }
    vc_engine_t engine;
    int rc = vc_engine_create(&engine, o.config);
    if (rc != VC_OK) return fail("vc_engine_create", rc);

    int status = 0;
    vc_account_t account = 0;
    for (int i = 0; i < o.listen_count && status == 0; i++) {
        char *bound = NULL;
        rc = vc_engine_listen(engine, &bound, o.listen[i]);
        if (rc != VC_OK) {
            status = fail("vc_engine_listen", rc);
            break;
        }
        if (o.json) printf("{\"event\":\"listening\",\"address\":\"%s\"}\n", bound);
        else printf("listening on %s\n", bound);
        vc_free(bound);
    }
    if (status == 0 && o.registrar) status = enable_registrar(engine, &o);
    if (status == 0 && o.account) status = create_account(engine, &o, &account);
    if (status == 0 && account && o.register_account && (rc = vc_account_register(account)) != VC_OK)
        status = fail("vc_account_register", rc);
    for (int i = 0; status == 0 && i < o.options_count; i++)
        if ((rc = vc_sip_send_options(engine, NULL, account, o.options_targets[i])) != VC_OK)
            status = fail("vc_sip_send_options", rc);
    if (status == 0 && o.message_target &&
        (rc = vc_sip_send_message(engine, NULL, account, o.message_target, "text/plain", o.message_text)) != VC_OK)
        status = fail("vc_sip_send_message", rc);

    struct call_plan plan = {0};
    if (status == 0 && o.call_target) {
        char options_json[128];
        rc = vc_call_make(&plan.call, engine, account, o.call_target, call_options(&o, options_json, sizeof options_json) ? options_json : NULL);
        if (rc != VC_OK) status = fail("vc_call_make", rc);
    }

    double deadline = now_seconds() + o.duration;
    while (status == 0 && !stop_requested && now_seconds() < deadline && !plan.ended) {
        vc_event_t ev;
        if (vc_engine_poll_event(engine, &ev, 20) == VC_OK) {
            print_event(&ev, o.json);
            on_call_event(&ev, &o, &plan);
        }
        drive_call(&o, &plan);
    }
    if (plan.call && !plan.ended) {
        vc_call_hangup(plan.call);
        double give_up = now_seconds() + 3;
        while (!plan.ended && now_seconds() < give_up) {
            vc_event_t ev;
            if (vc_engine_poll_event(engine, &ev, 50) != VC_OK) continue;
            print_event(&ev, o.json);
            on_call_event(&ev, &o, &plan);
        }
    }
    if (status == 0 && plan.call && !plan.connected) status = 1;

    /* Un-register in the open so the outcome is printed; destroy would do it silently. */
    if (account && o.register_account && vc_account_unregister(account) == VC_OK) {
        double give_up = now_seconds() + 3;
        while (now_seconds() < give_up) {
            vc_event_t ev;
            if (vc_engine_poll_event(engine, &ev, 100) != VC_OK) continue;
            print_event(&ev, o.json);
            if (ev.type == VC_EVENT_REGISTRATION_STATE && ev.value == VC_REG_UNREGISTERED) break;
        }
    }
    vc_engine_destroy(engine);
    return status;
}
