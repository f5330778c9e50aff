/*
 * The demo's audio check: reads 16-bit PCM WAV files and measures how well a recording matches what was
 * sent, by normalized cross-correlation, delay-aligned window by window.
 */
#ifndef VCDEMO_AUDIO_CHECK_H
#define VCDEMO_AUDIO_CHECK_H

/* A window passes at this correlation or more (see audio_check.c for the measurements behind it). */
#define AUDIO_WINDOW_THRESHOLD 0.6

struct audio_clip {
    short *samples; /* mono; channels are averaged */
    int count;
    int rate;
};

struct audio_match {
    double delay_ms; /* of the recording against what was sent */
    double median;   /* median correlation over the windows that hold speech */
    int windows;     /* windows that hold speech */
    int windows_passing;
    int passed;
};

/* Returns 0 and fills clip (free clip->samples), or prints why and returns -1. */
int audio_clip_read(const char *path, struct audio_clip *clip);

/* Both clips at the same rate. */
struct audio_match audio_match(const struct audio_clip *sent, const struct audio_clip *received);

#endif
