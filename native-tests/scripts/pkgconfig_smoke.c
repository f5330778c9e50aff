/*
 * pkgconfig_smoke.c - the smallest complete libvoipcore user, built by pkgconfig_smoke.sh with
 * pkg-config flags only. Prints the library version on success (the script compares it with
 * the .pc file); prints the failure and exits non-zero otherwise.
 */
#include <stdio.h>

#include <voipcore.h>

static int check(int rc, const char *what)
{
    if (rc != VC_OK) {
        fprintf(stderr, "%s: %s: %s\n", what, vc_strerror(rc), vc_last_error());
    }
    return rc == VC_OK;
}

int main(void)
{
    vc_engine_t engine = 0;
    if (!check(vc_engine_create(&engine, "{\"user_agent\":\"pkgconfig-smoke\"}"), "vc_engine_create")) {
        return 1;
    }
    vc_event_t event;
    int ok = check(vc_engine_poll_event(engine, &event, 10000), "vc_engine_poll_event") &&
             event.type == VC_EVENT_ENGINE_STARTED;
    char *config = NULL;
    ok = ok && check(vc_engine_get_config(engine, &config), "vc_engine_get_config");
    vc_free(config);
    ok = check(vc_engine_destroy(engine), "vc_engine_destroy") && ok;
    if (!ok) {
        return 1;
    }
    printf("%s\n", vc_version());
    return 0;
}
