'use strict';

// The C ABI of include/voipcore.h, declared for koffi. Each thread that calls into the library
// (the main thread, and every blocking-call worker) binds it once with bindLibrary().

const koffi = require('koffi');

function bindLibrary(libraryPath) {
  let library;
  try {
    library = koffi.load(libraryPath);
  } catch (error) {
    throw new Error(`voipcore: cannot load ${libraryPath}: ${error.message}`, { cause: error });
  }

  const EventStruct = koffi.struct('vc_event_t', {
    type: 'int32_t',
    reserved: 'int32_t',
    sequence: 'uint64_t',
    engine: 'uint64_t',
    handle: 'uint64_t',
    related: 'uint64_t',
    value: 'int64_t',
    value2: 'int64_t',
    detail_json: 'const char *',
  });
  const EventCallback = koffi.proto('void vc_event_fn(const vc_event_t *event, void *user_data)');
  const LogCallback = koffi.proto(
    'void vc_log_fn(int level, const char *category, const char *message, void *user_data)',
  );

  return {
    EventStruct,
    EventCallbackPointer: koffi.pointer(EventCallback),
    LogCallbackPointer: koffi.pointer(LogCallback),

    vc_version: library.func('const char *vc_version(void)'),
    vc_strerror: library.func('const char *vc_strerror(int code)'),
    vc_last_error: library.func('const char *vc_last_error(void)'),
    // Taken as void* so the pointer from vc_engine_get_config can be handed back unchanged.
    vc_free: library.func('void vc_free(void *ptr)'),

    vc_engine_create: library.func('int vc_engine_create(_Out_ uint64_t *out, const char *config_json)'),
    vc_engine_destroy: library.func('int vc_engine_destroy(uint64_t engine)'),
    vc_engine_get_config: library.func('int vc_engine_get_config(uint64_t engine, _Out_ void **out_json)'),

    vc_set_log_callback: library.func(
      'int vc_set_log_callback(uint64_t engine, int level, vc_log_fn *fn, void *user_data)',
    ),

    vc_engine_set_event_callback: library.func(
      'int vc_engine_set_event_callback(uint64_t engine, vc_event_fn *fn, void *user_data)',
    ),
    vc_engine_poll_event: library.func(
      'int vc_engine_poll_event(uint64_t engine, _Out_ vc_event_t *out, int timeout_ms)',
    ),
    vc_engine_post_event: library.func(
      'int vc_engine_post_event(uint64_t engine, int64_t value, const char *detail_json)',
    ),
  };
}

module.exports = { bindLibrary };
