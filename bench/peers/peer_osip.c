/* GNU oSIP: osip_message_parse builds the whole message tree (every header parsed into structures). */
#include <stdlib.h>
#include <string.h>
#include <osipparser2/osip_parser.h>
#include "peer.h"

const char *peer_name = "osip2 osip_message_parse";

int peer_init(void)
{
	return parser_init();
}

static int64_t tag_length(osip_from_t *address)
{
	osip_generic_param_t *tag = NULL;
	return address && osip_from_param_get_byname(address, "tag", &tag) == 0 && tag && tag->gvalue ? (int64_t)strlen(tag->gvalue) : 0;
}

int64_t peer_parse(const uint8_t *msg, size_t len)
{
	osip_message_t *m = NULL;
	if (osip_message_init(&m) != 0)
		return -1;
	if (osip_message_parse(m, (const char *)msg, len) != 0) {
		osip_message_free(m);
		return -1;
	}
	int64_t v = -1;
	osip_via_t *via = NULL;
	osip_generic_param_t *branch = NULL;
	if (osip_message_get_via(m, 0, &via) >= 0 && via && osip_via_param_get_byname(via, "branch", &branch) == 0 && branch
	    && m->cseq && m->call_id && m->from && m->to) {
		osip_header_t *max_forwards = NULL;
		osip_message_get_max_forwards(m, 0, &max_forwards);
		v = (int64_t)strlen(branch->gvalue) + atol(m->cseq->number) + strlen(m->call_id->number)
			+ tag_length(m->from) + tag_length(m->to)
			+ (max_forwards && max_forwards->hvalue ? atol(max_forwards->hvalue) : 0)
			+ (m->content_length && m->content_length->value ? atol(m->content_length->value) : 0);
	}
	osip_message_free(m);
	return v;
}
