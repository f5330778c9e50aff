/*
 * Why the threshold: Opus at 32 kbit/s codes speech perceptually (linear prediction and MDCT) and does not
 * keep the waveform's phase, so even a perfect call correlates well below 1 sample by sample: windows of
 * espeak-ng speech measured 0.75-0.95 through a clean call, while a window of audio that is missing,
 * garbled or misaligned by more than a few milliseconds measures under 0.3. A window passes at 0.6 and the
 * call passes when the median window does and at least 80 % of the windows with speech do: a 20 ms frame the
 * jitter buffer drops or conceals legitimately spoils the window it falls in, and while DTMF is sent as RFC 4733
 * events (100 ms per digit plus its end packets) the audio they replace is not sent at all.
 */
#include "audio_check.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WINDOW_MS 250
#define SLACK_MS 30
#define MAX_DELAY_MS 1000
#define COARSE 4

static uint32_t le32(const unsigned char *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }
static uint16_t le16(const unsigned char *p) { return (uint16_t)(p[0] | p[1] << 8); }

int audio_clip_read(const char *path, struct audio_clip *clip)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return -1;
    }
    unsigned char header[12], chunk[8];
    int channels = 0, bits = 0;
    memset(clip, 0, sizeof *clip);
    if (fread(header, 1, 12, f) != 12 || memcmp(header, "RIFF", 4) || memcmp(header + 8, "WAVE", 4)) goto bad;
    while (fread(chunk, 1, 8, f) == 8) {
        uint32_t size = le32(chunk + 4);
        if (!memcmp(chunk, "fmt ", 4)) {
            unsigned char fmt[16];
            if (size < 16 || fread(fmt, 1, 16, f) != 16) goto bad;
            channels = le16(fmt + 2);
            clip->rate = (int)le32(fmt + 4);
            bits = le16(fmt + 14);
            fseek(f, (long)(size - 16 + (size & 1)), SEEK_CUR);
        } else if (!memcmp(chunk, "data", 4)) {
            if (bits != 16 || channels < 1) goto bad;
            /* A recording still being written may say 0 or too much: read what is there. */
            short *raw = malloc(size ? size : 64u << 20);
            size_t frames = fread(raw, 2, (size ? size : 64u << 20) / 2, f) / (size_t)channels;
            clip->samples = malloc(frames * sizeof(short) + 1);
            for (size_t i = 0; i < frames; i++) {
                int sum = 0;
                for (int c = 0; c < channels; c++) sum += raw[i * channels + c];
                clip->samples[i] = (short)(sum / channels);
            }
            clip->count = (int)frames;
            free(raw);
            fclose(f);
            return 0;
        } else {
            fseek(f, (long)(size + (size & 1)), SEEK_CUR);
        }
    }
bad:
    fprintf(stderr, "%s: not a 16-bit PCM WAV file\n", path);
    fclose(f);
    return -1;
}

/* Normalized correlation of a[0..n) with b[lag..lag+n), over the part that exists. */
static double correlate(const short *a, int n, const short *b, int b_count, int lag, int step)
{
    double dot = 0, ea = 0, eb = 0;
    for (int i = 0; i < n && i + lag < b_count; i += step) {
        if (i + lag < 0) continue;
        double x = a[i], y = b[i + lag];
        dot += x * y;
        ea += x * x;
        eb += y * y;
    }
    return ea > 0 && eb > 0 ? dot / sqrt(ea * eb) : 0;
}

/* The lag in [from, to] with the best correlation for a[0..n), searched every `step` lags. */
static int best_lag(const short *a, int n, const short *b, int b_count, int from, int to, int lag_step, int sample_step, double *value)
{
    int best = from;
    *value = -2;
    for (int lag = from; lag <= to; lag += lag_step) {
        double c = correlate(a, n, b, b_count, lag, sample_step);
        if (c > *value) {
            *value = c;
            best = lag;
        }
    }
    return best;
}

static int compare_doubles(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

struct audio_match audio_match(const struct audio_clip *sent, const struct audio_clip *received)
{
    struct audio_match m = {0};
    int rate = sent->rate, window = rate * WINDOW_MS / 1000, slack = rate * SLACK_MS / 1000;
    double value;
    /* The overall delay: coarse (every 4th lag and sample), then exact around it. */
    int coarse = best_lag(sent->samples, sent->count, received->samples, received->count, 0, rate * MAX_DELAY_MS / 1000, COARSE, COARSE, &value);
    int delay = best_lag(sent->samples, sent->count, received->samples, received->count, coarse - COARSE, coarse + COARSE, 1, 1, &value);
    m.delay_ms = delay * 1000.0 / rate;
    double *scores = malloc(sizeof(double) * (size_t)(sent->count / window + 1));
    for (int start = 0; start + window <= sent->count; start += window) {
        double energy = 0;
        for (int i = 0; i < window; i++) energy += (double)sent->samples[start + i] * sent->samples[start + i];
        if (sqrt(energy / window) < 300) continue; /* a pause between words: nothing to compare */
        best_lag(sent->samples + start, window, received->samples, received->count, start + delay - slack, start + delay + slack, 1, 1, &value);
        scores[m.windows++] = value;
        if (value >= AUDIO_WINDOW_THRESHOLD) m.windows_passing++;
    }
    if (m.windows > 0) {
        qsort(scores, (size_t)m.windows, sizeof(double), compare_doubles);
        m.median = scores[m.windows / 2];
    }
    m.passed = m.windows > 0 && m.median >= AUDIO_WINDOW_THRESHOLD && m.windows_passing * 5 >= m.windows * 4;
    free(scores);
    return m;
}
