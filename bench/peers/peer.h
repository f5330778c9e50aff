/* A C SIP parser measured beside libvoipcore's: each peer_*.c implements these three functions. */
#ifndef PEER_H
#define PEER_H
#include <stddef.h>
#include <stdint.h>

/* Name printed in the report, e.g. "libre sip_msg_decode". */
extern const char *peer_name;

/* One-time library set-up; returns 0 on success. */
int peer_init(void);

/*
 * Parses one message and reads what a transaction needs (top Via branch, CSeq, Call-ID, From/To tags,
 * Max-Forwards, Content-Length), like the managed benchmark does. Returns a value derived from those
 * fields (so nothing is optimized away), or -1 if the message was rejected.
 */
int64_t peer_parse(const uint8_t *msg, size_t len);

#endif
