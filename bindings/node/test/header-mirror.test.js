'use strict';

// The binding mirrors include/voipcore.h by hand: its enums, its functions and the layout of
// vc_call_stats_t. These tests read the header and fail when the two drift apart.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const koffi = require('koffi');
const voipcore = require('..');
const { native } = require('../lib/library');
const { PACKAGE_ROOT } = require('../test-support/helpers');

// Without its comments, which hold braces (JSON examples) of their own.
const header = fs
  .readFileSync(path.resolve(PACKAGE_ROOT, '../../include/voipcore.h'), 'utf8')
  .replace(/\/\*[\s\S]*?\*\//g, '');

// Each C enum, the export mirroring it, and the prefix its constants drop there.
const MIRRORED_ENUMS = {
  vc_error_t: ['ErrorCode', /^VC_(E_)?/],
  vc_log_level_t: ['LogLevel', /^VC_LOG_/],
  vc_event_type_t: ['EventType', /^VC_EVENT_/],
  vc_binding_action_t: ['BindingAction', /^VC_BINDING_/],
  vc_registration_state_t: ['RegistrationState', /^VC_REG_/],
  vc_call_state_t: ['CallState', /^VC_CALL_/],
  vc_dtmf_method_t: ['DtmfMethod', /^VC_DTMF_/],
  vc_record_mode_t: ['RecordMode', /^VC_RECORD_/],
};

/** {typedefName: {CONSTANT: value}} for every enum of the header. */
function headerEnums() {
  const enums = {};
  for (const [, body, name] of header.matchAll(/typedef enum \w+ \{([^}]*)\}\s*(\w+);/g)) {
    enums[name] = Object.fromEntries(
      [...body.matchAll(/\b(VC_\w+)\s*=\s*(-?\d+)/g)].map(([, constant, value]) => [constant, Number(value)]),
    );
  }
  return enums;
}

test('every enum of the header is exported, frozen, with the same names and values', () => {
  const enums = headerEnums();
  assert.deepEqual(Object.keys(enums).sort(), Object.keys(MIRRORED_ENUMS).sort());
  for (const [name, constants] of Object.entries(enums)) {
    const [exportName, prefix] = MIRRORED_ENUMS[name];
    const expected = Object.fromEntries(
      Object.entries(constants).map(([constant, value]) => [constant.replace(prefix, ''), value]),
    );
    assert.deepEqual({ ...voipcore[exportName] }, expected, `${exportName} mirrors ${name}`);
    assert.ok(Object.isFrozen(voipcore[exportName]), `${exportName} is frozen`);
  }
});

test('every function of the header is declared', () => {
  const functions = [...header.matchAll(/^VC_API\b[^(]*?\b(vc_\w+)\s*\(/gm)].map(([, name]) => name);
  assert.ok(functions.includes('vc_call_make') && functions.includes('vc_call_pcm_pull'));
  assert.deepEqual(Object.keys(native).filter((key) => key.startsWith('vc_')).sort(), functions.sort());
});

test('vc_call_stats_t has the header fields in order, and the size the library sets', () => {
  const [, body] = /typedef struct vc_call_stats \{([^}]*)\}\s*vc_call_stats_t;/.exec(header);
  const fields = [...body.matchAll(/(\w+)(?:\[\d+\])?;/g)].map(([, field]) => field);
  const type = koffi.type(native.CallStatsStruct);
  assert.deepEqual(Object.keys(type.members), fields);
  const initialised = {};
  native.vc_call_stats_init(initialised);
  assert.equal(initialised.struct_size, type.size);
});
