'use strict';

// Generating and measuring test tones. Kept out of test/ because node --test runs every .js
// file there.

/** count samples of a sine of frequency Hz at sampleRate, starting at sample index first. */
function sine(frequency, sampleRate, count, amplitude, first = 0) {
  const samples = new Int16Array(count);
  for (let i = 0; i < count; i++) {
    samples[i] = Math.round(amplitude * Math.sin((2 * Math.PI * frequency * (first + i)) / sampleRate));
  }
  return samples;
}

/**
 * The frequency in Hz of a tone, from its zero crossings (two per period). A crossing counts
 * once the signal is beyond hysteresis on the other side, so codec noise around zero does not.
 */
function frequencyOf(samples, sampleRate, hysteresis = 64) {
  let side = 0;
  let crossings = 0;
  for (const sample of samples) {
    const now = sample > hysteresis ? 1 : sample < -hysteresis ? -1 : 0;
    if (now !== 0) {
      crossings += side !== 0 && now !== side ? 1 : 0;
      side = now;
    }
  }
  return (crossings / 2) * (sampleRate / samples.length);
}

/** The root mean square level. */
function rms(samples) {
  let sum = 0;
  for (const sample of samples) {
    sum += sample * sample;
  }
  return Math.sqrt(sum / Math.max(1, samples.length));
}

/** The index of the first and one past the last sample louder than threshold; null if none is. */
function loudSpan(samples, threshold) {
  const first = samples.findIndex((sample) => Math.abs(sample) > threshold);
  if (first < 0) {
    return null;
  }
  const last = samples.findLastIndex((sample) => Math.abs(sample) > threshold);
  return { start: first, end: last + 1 };
}

module.exports = { sine, frequencyOf, rms, loudSpan };
