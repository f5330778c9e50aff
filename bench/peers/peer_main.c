/*
 * Times a peer parser on one message file: ROUNDS rounds of N parses each, then prints the median and the
 * minimum ns per parse over the rounds (medians resist the noise of shared machines, as in BenchmarkDotNet).
 * Usage: peer-bench <message-file> [parses-per-round] [rounds]
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "peer.h"

static double now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s <message-file> [parses-per-round] [rounds]\n", argv[0]);
		return 2;
	}
	long per_round = argc > 2 ? atol(argv[2]) : 100000;
	int rounds = argc > 3 ? atoi(argv[3]) : 15;
	static uint8_t msg[65536];
	FILE *f = fopen(argv[1], "rb");
	if (!f) { perror(argv[1]); return 2; }
	size_t len = fread(msg, 1, sizeof msg, f);
	fclose(f);

	if (peer_init() != 0) { fprintf(stderr, "%s: init failed\n", peer_name); return 1; }
	int64_t sink = 0;
	for (long i = 0; i < per_round; i++) sink += peer_parse(msg, len);   /* warm-up */
	if (peer_parse(msg, len) < 0) { fprintf(stderr, "%s: message rejected\n", peer_name); return 1; }

	double *ns = calloc(rounds, sizeof *ns);
	for (int r = 0; r < rounds; r++) {
		double start = now_ns();
		for (long i = 0; i < per_round; i++) sink += peer_parse(msg, len);
		ns[r] = (now_ns() - start) / per_round;
	}
	qsort(ns, rounds, sizeof *ns, compare_doubles);
	printf("%s\t%zu bytes\tmedian %.0f ns/parse\tmin %.0f\tmax %.0f\t(%d rounds x %ld; sink %lld)\n",
	       peer_name, len, ns[rounds / 2], ns[0], ns[rounds - 1], rounds, per_round, (long long)sink);
	free(ns);
	return 0;
}
