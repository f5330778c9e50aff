/*
 * Times libopus directly on one 20 ms frame of 48 kHz mono, with the settings libvoipcore's Opus defaults use
 * (VOIP application, 32 kbit/s, in-band FEC, 5 % expected loss, no DTX, complexity 5), as the peer of
 * CodecBenchmarks' opus rows: ROUNDS rounds of N encodes, then of N decodes, cycling through the same second of
 * speech-like audio; prints the median, minimum and maximum ns per frame over the rounds.
 * Build: gcc -O2 -Wall -Wextra -o opus-frame-cost bench/peers/opus_frame_cost.c $(pkg-config --cflags --libs opus) -lm
 * Usage: opus-frame-cost [frames-per-round] [rounds]
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <opus.h>

#define RATE 48000
#define FRAME 960
#define FRAMES (RATE / FRAME)
#define MAX_PACKET 1275

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

/* The same formula as CodecBenchmarks.SpeechLike: ten harmonics of a gliding 120-180 Hz pitch, 4 Hz syllables. */
static void speech_like(opus_int16 *pcm, int samples, int rate)
{
	double phase = 0;
	for (int n = 0; n < samples; n++) {
		double t = (double)n / rate;
		phase += 2 * M_PI * (150 + 30 * sin(2 * M_PI * 0.5 * t)) / rate;
		double voiced = 0;
		for (int h = 1; h <= 10; h++)
			voiced += sin(h * phase) / h;
		pcm[n] = (opus_int16)lrint(6000 * (0.55 + 0.45 * sin(2 * M_PI * 4 * t)) * voiced);
	}
}

static void report(const char *what, double *ns, int rounds, long per_round, long long sink)
{
	qsort(ns, rounds, sizeof *ns, compare_doubles);
	printf("%s\t%s\tmedian %.0f ns/frame\tmin %.0f\tmax %.0f\t(%d rounds x %ld; sink %lld)\n",
	       opus_get_version_string(), what, ns[rounds / 2], ns[0], ns[rounds - 1], rounds, per_round, sink);
}

int main(int argc, char **argv)
{
	long per_round = argc > 1 ? atol(argv[1]) : 2000;
	int rounds = argc > 2 ? atoi(argv[2]) : 15;
	static opus_int16 signal[FRAMES * FRAME], out[FRAME];
	static unsigned char packets[FRAMES][MAX_PACKET];
	int lengths[FRAMES];
	speech_like(signal, FRAMES * FRAME, RATE);

	int error;
	OpusEncoder *enc = opus_encoder_create(RATE, 1, OPUS_APPLICATION_VOIP, &error);
	OpusDecoder *dec = opus_decoder_create(RATE, 1, &error);
	if (!enc || !dec) { fprintf(stderr, "opus create failed: %s\n", opus_strerror(error)); return 1; }
	opus_encoder_ctl(enc, OPUS_SET_BITRATE(32000));
	opus_encoder_ctl(enc, OPUS_SET_INBAND_FEC(1));
	opus_encoder_ctl(enc, OPUS_SET_PACKET_LOSS_PERC(5));
	opus_encoder_ctl(enc, OPUS_SET_DTX(0));
	opus_encoder_ctl(enc, OPUS_SET_COMPLEXITY(5));

	/* The packets the decode rounds cycle through, and the encoder's warm-up. */
	for (int f = 0; f < FRAMES; f++) {
		lengths[f] = opus_encode(enc, signal + f * FRAME, FRAME, packets[f], MAX_PACKET);
		if (lengths[f] < 0) { fprintf(stderr, "opus_encode: %s\n", opus_strerror(lengths[f])); return 1; }
	}

	long long sink = 0;
	unsigned char scratch[MAX_PACKET];
	double *ns = calloc(rounds, sizeof *ns);
	for (int r = 0; r < rounds; r++) {
		double start = now_ns();
		for (long i = 0; i < per_round; i++)
			sink += opus_encode(enc, signal + (i % FRAMES) * FRAME, FRAME, scratch, MAX_PACKET);
		ns[r] = (now_ns() - start) / per_round;
	}
	report("encode 20 ms", ns, rounds, per_round, sink);

	for (long i = 0; i < FRAMES; i++)   /* warm-up */
		sink += opus_decode(dec, packets[i], lengths[i], out, FRAME, 0);
	for (int r = 0; r < rounds; r++) {
		double start = now_ns();
		for (long i = 0; i < per_round; i++)
			sink += opus_decode(dec, packets[i % FRAMES], lengths[i % FRAMES], out, FRAME, 0);
		ns[r] = (now_ns() - start) / per_round;
	}
	report("decode 20 ms", ns, rounds, per_round, sink);

	free(ns);
	opus_encoder_destroy(enc);
	opus_decoder_destroy(dec);
	return 0;
}
