'use strict';

const koffi = require('koffi');
const { native } = require('./library');

/** Decodes a NUL-terminated UTF-8 string the library allocated for the caller, and frees it. */
function takeString(pointer) {
  if (pointer === null) {
    return null;
  }
  try {
    return koffi.decode(pointer, 'char', -1);
  } finally {
    native.vc_free(pointer);
  }
}

module.exports = { takeString };
