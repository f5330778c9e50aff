/* baresip's libre: sip_msg_decode indexes all headers and decodes Via, To, From, CSeq, Call-ID, Max-Forwards, Content-Length. */
#include <string.h>
#include <re.h>
#include "peer.h"

const char *peer_name = "libre sip_msg_decode";

static struct mbuf *buffer;

int peer_init(void)
{
	buffer = mbuf_alloc(4096);
	return buffer ? 0 : -1;
}

int64_t peer_parse(const uint8_t *msg, size_t len)
{
	/* The decoder reads from the buffer's position and keeps a reference; refill it like a receive would. */
	mbuf_rewind(buffer);
	mbuf_write_mem(buffer, msg, len);
	mbuf_set_pos(buffer, 0);
	struct sip_msg *m = NULL;
	if (sip_msg_decode(&m, buffer) != 0)
		return -1;
	int64_t v = (int64_t)m->via.branch.l + m->cseq.num + m->callid.l + m->from.tag.l + m->to.tag.l
		+ pl_u32(&m->maxfwd) + pl_u32(&m->clen);
	mem_deref(m);
	return v;
}
