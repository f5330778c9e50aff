'use strict';

const fs = require('node:fs');
const path = require('node:path');

const PACKAGE_ROOT = path.resolve(__dirname, '..');
const DEFAULT_LIBRARY = path.resolve(PACKAGE_ROOT, '../../build/lib/libvoipcore.so.0');

/** Where libvoipcore is: $VOIPCORE_LIBRARY, else the repository's own build output. */
function resolveLibraryPath() {
  const fromEnvironment = process.env.VOIPCORE_LIBRARY;
  const libraryPath = fromEnvironment ? path.resolve(fromEnvironment) : DEFAULT_LIBRARY;
  if (!fs.existsSync(libraryPath)) {
    const origin = fromEnvironment ? 'VOIPCORE_LIBRARY points to' : 'the default location is';
    throw new Error(
      `voipcore: libvoipcore not found: ${origin} ${libraryPath}. ` +
        'Build it with ./build.sh at the repository root, or set VOIPCORE_LIBRARY to the path of libvoipcore.so.0.',
    );
  }
  return libraryPath;
}

module.exports = { resolveLibraryPath };
