/*
 * first_use_race.c - what every fresh process does first: create an engine, then at once make
 * calls that pass strings. The first engine starts its dispatch thread while the caller is
 * still initialising; both then race through the runtime's first-time setup. Run many times
 * by run_fresh_processes.sh, because the race exists only once per process.
 */
#include <stdio.h>

#include <voipcore.h>

int main(void)
{
    vc_engine_t engine = 0;
    vc_engine_t rejected = 0;
    if (vc_engine_create(&engine, NULL) != VC_OK) {
        fprintf(stderr, "vc_engine_create: %s\n", vc_last_error());
        return 1;
    }
    int bad = vc_engine_create(&rejected, "{\"no_such_key\":1}");
    int post = vc_engine_post_event(engine, 1, "{\"k\":\"v\"}");
    int destroy = vc_engine_destroy(engine);
    if (bad != VC_E_INVALID_ARG || post != VC_OK || destroy != VC_OK) {
        fprintf(stderr, "unexpected results: create %s, post %s, destroy %s\n", vc_strerror(bad), vc_strerror(post),
                vc_strerror(destroy));
        return 1;
    }
    return 0;
}
