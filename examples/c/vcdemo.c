/*
 * vcdemo: what `./build.sh demo` runs, on the embedded defaults with no server to install.
 * Calls and media are not in the library yet (issue 4); this shows what is: two engines in one
 * process over real loopback sockets — one is a registrar with digest auth, the other is
 * alice's phone. Alice registers (401 challenge, then 200), pings the registrar with OPTIONS,
 * sends it a MESSAGE, and un-registers. Exits non-zero unless every step succeeded.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <voipcore.h>

static int check(int rc, const char *what)
{
    if (rc != VC_OK) {
        fprintf(stderr, "vcdemo: %s failed: %s: %s\n", what, vc_strerror(rc), vc_last_error());
        exit(1);
    }
    return rc;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Polls `engine` until an event of `type` (and, if value >= 0, that value) arrives; prints what it sees. */
static int wait_for(vc_engine_t engine, const char *who, int type, long long value, vc_event_t *out)
{
    double deadline = now_seconds() + 10;
    while (now_seconds() < deadline) {
        vc_event_t ev;
        if (vc_engine_poll_event(engine, &ev, 100) != VC_OK) continue;
        printf("  [%s] event %2d value=%-4lld %s\n", who, ev.type, (long long)ev.value, ev.detail_json ? ev.detail_json : "");
        if (ev.type == type && (value < 0 || ev.value == value)) {
            if (out) *out = ev;
            return 1;
        }
    }
    fprintf(stderr, "vcdemo: [%s] timed out waiting for event %d\n", who, type);
    return 0;
}

int main(void)
{
    printf("libvoipcore %s: registrar + phone over loopback (calls and media arrive with issue 4)\n\n", vc_version());

    vc_engine_t registrar, phone;
    check(vc_engine_create(&registrar, NULL), "vc_engine_create");
    check(vc_engine_create(&phone, "{\"user_agent\":\"vcdemo-phone\"}"), "vc_engine_create");

    char *registrar_address = NULL, *phone_address = NULL;
    check(vc_engine_listen(registrar, &registrar_address, "tcp:127.0.0.1:0"), "vc_engine_listen");
    check(vc_engine_listen(phone, &phone_address, "udp:127.0.0.1:0"), "vc_engine_listen");
    check(vc_registrar_enable(registrar, "{\"realm\":\"demo\",\"users\":{\"alice\":\"wonderland\"}}"), "vc_registrar_enable");

    char *bindings = NULL;
    const char *host_port = strchr(registrar_address, ':') + 1; /* "tcp:127.0.0.1:PORT" -> "127.0.0.1:PORT" */
    printf("registrar listens on %s, phone on %s\n", registrar_address, phone_address);

    char account_config[512];
    snprintf(account_config, sizeof account_config,
             "{\"uri\":\"sip:alice@%s\",\"password\":\"wonderland\",\"transport\":\"tcp\",\"expires\":60}", host_port);
    vc_account_t alice;
    check(vc_account_create(&alice, phone, account_config), "vc_account_create");

    int ok = 1;
    printf("\n1. alice registers over TCP\n");
    check(vc_account_register(alice), "vc_account_register");
    vc_event_t ev;
    ok &= wait_for(phone, "phone", VC_EVENT_REGISTRATION_STATE, VC_REG_REGISTERED, &ev) && ev.value2 == 200;
    ok &= wait_for(registrar, "registrar", VC_EVENT_REGISTRAR_BINDING, 0, NULL);
    check(vc_registrar_list_bindings(registrar, &bindings), "vc_registrar_list_bindings");
    printf("  bindings: %s\n", bindings);
    vc_free(bindings);

    char target[256];
    printf("\n2. alice sends OPTIONS to the registrar\n");
    snprintf(target, sizeof target, "sip:%s;transport=tcp", host_port);
    uint64_t options_id = 0;
    check(vc_sip_send_options(phone, &options_id, alice, target), "vc_sip_send_options");
    ok &= wait_for(phone, "phone", VC_EVENT_REQUEST_RESULT, 200, &ev) && ev.value2 == (int64_t)options_id;

    printf("\n3. alice sends a MESSAGE\n");
    snprintf(target, sizeof target, "sip:registrar@%s;transport=tcp", host_port);
    check(vc_sip_send_message(phone, NULL, alice, target, "text/plain", "hello from alice"), "vc_sip_send_message");
    ok &= wait_for(registrar, "registrar", VC_EVENT_MESSAGE_RECEIVED, -1, &ev) && strstr(ev.detail_json, "hello from alice");

    printf("\n4. alice un-registers\n");
    check(vc_account_unregister(alice), "vc_account_unregister");
    ok &= wait_for(phone, "phone", VC_EVENT_REGISTRATION_STATE, VC_REG_UNREGISTERED, NULL);
    ok &= wait_for(registrar, "registrar", VC_EVENT_REGISTRAR_BINDING, 2, NULL);

    vc_free(registrar_address);
    vc_free(phone_address);
    vc_engine_destroy(phone);
    vc_engine_destroy(registrar);

    /* A destroyed handle is refused, never reused. */
    int rc = vc_engine_post_event(phone, 1, NULL);
    ok &= rc == VC_E_INVALID_HANDLE;
    printf("\nusing the destroyed engine: %s (%s)\n", vc_strerror(rc), vc_last_error());
    printf("\n%s\n", ok ? "demo passed: registered, OPTIONS 200, MESSAGE delivered, un-registered"
                        : "demo FAILED");
    return ok ? 0 : 1;
}
