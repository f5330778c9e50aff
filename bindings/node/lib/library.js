'use strict';

// The library as bound on the main thread, loaded once when the package is required so a
// missing or broken libvoipcore fails at require() with a clear message.

const { resolveLibraryPath } = require('./library-path');
const { bindLibrary } = require('./native');

const libraryPath = resolveLibraryPath();
const native = bindLibrary(libraryPath);

module.exports = { libraryPath, native };
