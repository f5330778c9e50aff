/*
 * vcdemo: what `./build.sh demo` runs. Until the call features land it shows the engine's
 * life cycle through the C ABI: create, version, configuration, logs, events (callback and
 * polling), error reporting for a stale handle, destroy.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <voipcore.h>

static void on_log(int level, const char *category, const char *message, void *user_data)
{
    (void)user_data;
    printf("  log[%d] %s: %s\n", level, category, message);
}

static void on_event(const vc_event_t *event, void *user_data)
{
    int *seen = user_data;
    __atomic_add_fetch(seen, 1, __ATOMIC_SEQ_CST);
    printf("  callback event #%llu type=%d value=%lld detail=%s\n", (unsigned long long)event->sequence,
           event->type, (long long)event->value, event->detail_json ? event->detail_json : "(none)");
}

static int check(int rc, const char *what)
{
    if (rc != VC_OK) {
        fprintf(stderr, "vcdemo: %s failed: %s: %s\n", what, vc_strerror(rc), vc_last_error());
        exit(1);
    }
    return rc;
}

int main(void)
{
    printf("libvoipcore %s (header %d.%d.%d)\n", vc_version(), VC_VERSION_MAJOR, VC_VERSION_MINOR, VC_VERSION_PATCH);
    printf("Calls are not in the library yet: this demo shows the engine core (issue 2).\n\n");

    vc_engine_t engine = 0;
    check(vc_engine_create(&engine, "{\"user_agent\":\"vcdemo\"}"), "vc_engine_create");
    printf("engine created: handle 0x%016llx\n", (unsigned long long)engine);

    char *config = NULL;
    check(vc_engine_get_config(engine, &config), "vc_engine_get_config");
    printf("effective config: %s\n", config);
    vc_free(config);

    vc_event_t event;
    check(vc_engine_poll_event(engine, &event, 1000), "vc_engine_poll_event");
    printf("polled event #%llu type=%d detail=%s\n", (unsigned long long)event.sequence, event.type,
           event.detail_json ? event.detail_json : "(none)");
    if (event.type != VC_EVENT_ENGINE_STARTED) {
        fprintf(stderr, "vcdemo: expected VC_EVENT_ENGINE_STARTED first\n");
        return 1;
    }

    check(vc_set_log_callback(engine, VC_LOG_DEBUG, on_log, NULL), "vc_set_log_callback");
    int seen = 0;
    check(vc_engine_set_event_callback(engine, on_event, &seen), "vc_engine_set_event_callback");
    check(vc_engine_post_event(engine, 42, "{\"hello\":\"world\"}"), "vc_engine_post_event");
    check(vc_engine_post_event(engine, 43, NULL), "vc_engine_post_event");

    /* Callbacks arrive on the engine's dispatch thread; destroy drops what is still queued. */
    for (int i = 0; i < 200 && __atomic_load_n(&seen, __ATOMIC_SEQ_CST) < 2; i++) {
        nanosleep(&(struct timespec){.tv_nsec = 10 * 1000 * 1000}, NULL);
    }

    vc_engine_t stale = engine;
    check(vc_engine_destroy(engine), "vc_engine_destroy");
    printf("engine destroyed; callbacks seen: %d\n", seen);

    int rc = vc_engine_post_event(stale, 1, NULL);
    printf("using the destroyed handle: %s (%s)\n", vc_strerror(rc), vc_last_error());
    return rc == VC_E_INVALID_HANDLE && seen == 2 ? 0 : 1;
}
