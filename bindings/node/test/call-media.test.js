'use strict';

// Audio through real calls between two engines in this process (loopback RTP, PCMU): the host's
// PCM port, and WAV playback and recording.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { RecordMode } = require('..');
const { waitForEvent } = require('../test-support/helpers');
const { withTwoEngines, connectCall } = require('../test-support/calls');
const { writeWav, readWav } = require('../test-support/wav');
const { sine, frequencyOf, rms, loudSpan } = require('../test-support/signal');

const TONE_HZ = 1000;
const AMPLITUDE = 8000;
const TONE_RMS = AMPLITUDE / Math.SQRT2;
const FRAME_MS = 20;

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function assertTone(samples, sampleRate, expectedRms = TONE_RMS) {
  const frequency = frequencyOf(samples, sampleRate);
  assert.ok(Math.abs(frequency - TONE_HZ) < 20, `a ${TONE_HZ} Hz tone, measured ${frequency} Hz`);
  const level = rms(samples);
  assert.ok(Math.abs(level - expectedRms) < 0.2 * expectedRms, `RMS ${level}, expected about ${expectedRms}`);
}

/**
 * Feeds the sender a continuous tone and collects what the receiver gets, frame by frame in
 * real time, for ms: resolves with the received samples.
 */
async function streamTone(sender, receiver, sampleRate, ms) {
  const received = [];
  let pushed = 0;
  const started = performance.now();
  // 60 ms ahead of the clock: a late timer must not starve the sender.
  const feed = () => {
    const due = Math.round(((performance.now() - started + 60) * sampleRate) / 1000);
    if (due > pushed) {
      const accepted = sender.pcmPush(sine(TONE_HZ, sampleRate, due - pushed, AMPLITUDE, pushed));
      assert.equal(accepted, due - pushed);
      pushed = due;
    }
    received.push(receiver.pcmPull(sampleRate / 5));
  };
  const timer = setInterval(feed, FRAME_MS);
  try {
    await pause(ms);
  } finally {
    clearInterval(timer);
  }
  feed();
  return Int16Array.from(received.flatMap((chunk) => [...chunk]));
}

test('PCM port: a 1 kHz tone pushed on one side is pulled as 1 kHz on the other; muted, silence', () =>
  withTwoEngines(async (engines) => {
    const { outgoing, incoming } = await connectCall(engines, { codecs: ['pcmu'] });
    const sampleRate = 8000;
    outgoing.pcmAttach(sampleRate);
    incoming.pcmAttach(sampleRate);
    assert.throws(() => incoming.pcmAttach(11025), { message: /8000, 16000 or 48000/ });
    assert.throws(() => outgoing.pcmPush([1, 2, 3]), TypeError);
    assert.throws(() => incoming.pcmPull(0), RangeError);

    const heard = await streamTone(outgoing, incoming, sampleRate, 1000);
    const span = loudSpan(heard, AMPLITUDE / 4);
    assert.ok(span !== null, 'the tone arrived');
    // The tone flows without gaps from its onset on: at least 800 ms of the 1 s streamed.
    assert.ok(span.end - span.start >= 0.8 * sampleRate, `a tone of ${(span.end - span.start) / sampleRate} s`);
    assertTone(heard.subarray(span.start, span.end), sampleRate);

    // Muted, the call sends silence while the host keeps pushing.
    outgoing.setMute(true);
    await streamTone(outgoing, incoming, sampleRate, 200);
    const muted = await streamTone(outgoing, incoming, sampleRate, 400);
    assert.ok(muted.length >= 0.3 * sampleRate, `${muted.length} samples pulled`);
    assert.ok(rms(muted) < 50, `silence while muted, RMS ${rms(muted)}`);
    outgoing.setMute(false);
    const unmuted = await streamTone(outgoing, incoming, sampleRate, 400);
    assert.ok(rms(unmuted) > TONE_RMS / 2, `the tone again once unmuted, RMS ${rms(unmuted)}`);
  }));

test('a WAV played into the call is recorded on the other side, non-silent and as long as recorded', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'voipcore-node-media-'));
  try {
    await withTwoEngines(async (engines) => {
      const { outgoing, incoming } = await connectCall(engines, { codecs: ['pcmu'] });
      // 1 s of tone at 16 kHz: the library resamples it for the 8 kHz codec.
      const tone = path.join(folder, 'tone.wav');
      writeWav(tone, sine(TONE_HZ, 16000, 16000, AMPLITUDE), 16000);
      const received = path.join(folder, 'received.wav');
      const both = path.join(folder, 'stereo.wav');

      const recordingStarted = performance.now();
      incoming.record(received, { mode: 'received', sampleRate: 16000 });
      // The codec's rate (8 kHz); left is what the caller receives (silence), right what it sends.
      outgoing.record(both, { mode: RecordMode.STEREO });
      await pause(200);
      const mediaEnded = waitForEvent(outgoing, 'mediaEnded', () => true, 3000);
      const playStarted = performance.now();
      outgoing.play(tone);
      const ended = await mediaEnded;
      assert.equal(ended.typeName, 'callMediaEnded');
      assert.ok(performance.now() - playStarted >= 900, 'the WAV played for about its length');
      await pause(300);
      incoming.stopRecord();
      outgoing.stopRecord();
      const recordedS = (performance.now() - recordingStarted) / 1000;

      const recording = readWav(received);
      assert.deepEqual([recording.sampleRate, recording.channels], [16000, 1]);
      const lengthS = recording.samples.length / recording.sampleRate;
      assert.ok(Math.abs(lengthS - recordedS) < 0.15, `${lengthS} s recorded in ${recordedS} s`);
      const span = loudSpan(recording.samples, AMPLITUDE / 4);
      assert.ok(span !== null, 'the recording is not silent');
      const loudS = (span.end - span.start) / recording.sampleRate;
      assert.ok(Math.abs(loudS - 1) < 0.1, `the tone lasts ${loudS} s in the recording`);
      assertTone(recording.samples.subarray(span.start, span.end), recording.sampleRate);

      const stereo = readWav(both);
      assert.deepEqual([stereo.sampleRate, stereo.channels], [8000, 2]);
      const channel = (index) => stereo.samples.filter((_, i) => i % 2 === index);
      assert.ok(rms(channel(0)) < 50, `the caller received silence, RMS ${rms(channel(0))}`);
      const sent = channel(1);
      const sentSpan = loudSpan(sent, AMPLITUDE / 4);
      assertTone(sent.subarray(sentSpan.start, sentSpan.end), stereo.sampleRate);

      assert.throws(() => incoming.play(path.join(folder, 'missing.wav')), { message: /missing\.wav/ });
      assert.throws(() => incoming.record(received, { mode: 'loud' }), RangeError);
    });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('a ringback tone played on one side is pulled on the other as 440 and 480 Hz', () =>
  withTwoEngines(async (engines) => {
    const { outgoing, incoming } = await connectCall(engines, { codecs: ['pcmu'] });
    outgoing.pcmAttach(8000);
    incoming.playTone('ringback');
    assert.throws(() => incoming.playTone('siren'), /unknown tone 'siren'/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const heard = [];
    for (let i = 0; i < 40; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      heard.push(...outgoing.pcmPull(160));
    }
    const power = (hz) => {
      const c = 2 * Math.cos((2 * Math.PI * hz) / 8000);
      let s1 = 0;
      let s2 = 0;
      for (const x of heard) [s1, s2] = [x + c * s1 - s2, s1];
      return s1 * s1 + s2 * s2 - c * s1 * s2;
    };
    assert.ok(power(440) > 50 * power(1000) && power(480) > 50 * power(1000), `440 ${power(440)} 480 ${power(480)} 1k ${power(1000)}`);
  }));
