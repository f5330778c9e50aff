'use strict';

// Minimal 16-bit PCM WAV files for the media tests. Kept out of test/ because node --test runs
// every .js file there.

const fs = require('node:fs');

const HEADER_BYTES = 44;

/** Writes mono 16-bit samples (an Int16Array) as a canonical 44-byte-header WAV file. */
function writeWav(path, samples, sampleRate) {
  const file = Buffer.alloc(HEADER_BYTES + samples.length * 2);
  file.write('RIFF', 0, 'ascii');
  file.writeUInt32LE(file.length - 8, 4);
  file.write('WAVEfmt ', 8, 'ascii');
  file.writeUInt32LE(16, 16); // fmt chunk size
  file.writeUInt16LE(1, 20); // PCM
  file.writeUInt16LE(1, 22); // mono
  file.writeUInt32LE(sampleRate, 24);
  file.writeUInt32LE(sampleRate * 2, 28); // bytes per second
  file.writeUInt16LE(2, 32); // bytes per frame
  file.writeUInt16LE(16, 34); // bits per sample
  file.write('data', 36, 'ascii');
  file.writeUInt32LE(samples.length * 2, 40);
  Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength).copy(file, HEADER_BYTES);
  fs.writeFileSync(path, file);
}

/**
 * Reads a 16-bit PCM WAV file, walking its chunks: {sampleRate, channels, samples} with the
 * channels interleaved in samples (an Int16Array).
 */
function readWav(path) {
  const file = fs.readFileSync(path);
  if (file.toString('ascii', 0, 4) !== 'RIFF' || file.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error(`${path} is not a RIFF/WAVE file`);
  }
  let format = null;
  for (let offset = 12; offset + 8 <= file.length; ) {
    const id = file.toString('ascii', offset, offset + 4);
    const size = file.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      format = {
        encoding: file.readUInt16LE(body),
        channels: file.readUInt16LE(body + 2),
        sampleRate: file.readUInt32LE(body + 4),
        bitsPerSample: file.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (format === null || format.encoding !== 1 || format.bitsPerSample !== 16) {
        throw new Error(`${path} is not 16-bit PCM: ${JSON.stringify(format)}`);
      }
      const data = file.subarray(body, body + Math.min(size, file.length - body));
      const samples = new Int16Array(data.length / 2);
      Buffer.from(samples.buffer).set(data);
      return { sampleRate: format.sampleRate, channels: format.channels, samples };
    }
    offset = body + size + (size % 2);
  }
  throw new Error(`${path} has no data chunk`);
}

module.exports = { writeWav, readWav };
