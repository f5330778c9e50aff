'use strict';

// The C ABI of include/voipcore.h, declared for koffi. Each thread that calls into the library
// (the main thread, the callback thread and every blocking-call worker) binds it once with
// bindLibrary().
//
// Callback parameters are declared as plain pointers: the callbacks are koffi trampolines
// registered on whichever thread must run them (see callback-thread.js), and their addresses,
// BigInt numbers, are what gets passed to the library, from any thread.

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
  // The password buffer is taken as a raw pointer and written with koffi.encode().
  const CredentialCallback = koffi.proto(
    'int vc_credential_fn(const char *user, void *password, size_t capacity, void *user_data)',
  );
  // codec (char[16]) decodes as a string.
  const CallStatsStruct = koffi.struct('vc_call_stats_t', {
    struct_size: 'uint32_t',
    jitter_buffer_ms: 'int32_t',
    codec: 'char[16]',
    packets_sent: 'uint64_t',
    bytes_sent: 'uint64_t',
    packets_received: 'uint64_t',
    bytes_received: 'uint64_t',
    packets_lost: 'uint64_t',
    packets_dropped: 'uint64_t',
    loss_percent: 'double',
    jitter_ms: 'double',
    rtt_ms: 'double',
    mos: 'double',
    duration_s: 'double',
  });

  return {
    EventStruct,
    EventCallbackPointer: koffi.pointer(EventCallback),
    LogCallbackPointer: koffi.pointer(LogCallback),
    CredentialCallbackPointer: koffi.pointer(CredentialCallback),
    CallStatsStruct,

    vc_version: library.func('const char *vc_version(void)'),
    vc_strerror: library.func('const char *vc_strerror(int code)'),
    vc_last_error: library.func('const char *vc_last_error(void)'),
    // Taken as void* so the strings the library allocates can be handed back unchanged.
    vc_free: library.func('void vc_free(void *ptr)'),

    vc_engine_create: library.func('int vc_engine_create(_Out_ uint64_t *out, const char *config_json)'),
    vc_engine_destroy: library.func('int vc_engine_destroy(uint64_t engine)'),
    vc_engine_get_config: library.func('int vc_engine_get_config(uint64_t engine, _Out_ void **out_json)'),

    vc_set_log_callback: library.func('int vc_set_log_callback(uint64_t engine, int level, void *fn, void *user_data)'),

    vc_engine_set_event_callback: library.func(
      'int vc_engine_set_event_callback(uint64_t engine, void *fn, void *user_data)',
    ),
    vc_engine_poll_event: library.func(
      'int vc_engine_poll_event(uint64_t engine, _Out_ vc_event_t *out, int timeout_ms)',
    ),
    vc_engine_post_event: library.func(
      'int vc_engine_post_event(uint64_t engine, int64_t value, const char *detail_json)',
    ),

    vc_engine_listen: library.func('int vc_engine_listen(uint64_t engine, _Out_ void **out_bound, const char *address)'),

    vc_account_create: library.func('int vc_account_create(_Out_ uint64_t *out, uint64_t engine, const char *config_json)'),
    vc_account_destroy: library.func('int vc_account_destroy(uint64_t account)'),
    vc_account_register: library.func('int vc_account_register(uint64_t account)'),
    vc_account_unregister: library.func('int vc_account_unregister(uint64_t account)'),
    vc_account_get_state: library.func('int vc_account_get_state(uint64_t account, _Out_ int *out_state)'),

    vc_registrar_enable: library.func('int vc_registrar_enable(uint64_t engine, const char *config_json)'),
    vc_registrar_add_user: library.func(
      'int vc_registrar_add_user(uint64_t engine, const char *user, const char *password)',
    ),
    vc_registrar_set_credential_callback: library.func(
      'int vc_registrar_set_credential_callback(uint64_t engine, void *fn, void *user_data)',
    ),
    vc_registrar_list_bindings: library.func('int vc_registrar_list_bindings(uint64_t engine, _Out_ void **out_json)'),

    vc_sip_send_options: library.func(
      'int vc_sip_send_options(uint64_t engine, _Out_ uint64_t *out_request_id, uint64_t account, const char *target_uri)',
    ),
    vc_sip_send_message: library.func(
      'int vc_sip_send_message(uint64_t engine, _Out_ uint64_t *out_request_id, uint64_t account, ' +
        'const char *target_uri, const char *content_type, const char *body)',
    ),

    vc_call_make: library.func(
      'int vc_call_make(_Out_ uint64_t *out, uint64_t engine, uint64_t account, const char *target_uri, const char *options_json)',
    ),
    vc_call_answer: library.func('int vc_call_answer(uint64_t call)'),
    vc_call_reject: library.func('int vc_call_reject(uint64_t call, int sip_code)'),
    vc_call_forward: library.func('int vc_call_forward(uint64_t call, const char *target_uri)'),
    vc_call_defer: library.func('int vc_call_defer(uint64_t call, uint32_t timeout_ms)'),
    vc_call_ring: library.func('int vc_call_ring(uint64_t call, int early_media)'),
    vc_call_hangup: library.func('int vc_call_hangup(uint64_t call)'),
    vc_call_hold: library.func('int vc_call_hold(uint64_t call)'),
    vc_call_transfer: library.func('int vc_call_transfer(uint64_t call, const char *target_uri)'),
    vc_call_transfer_attended: library.func('int vc_call_transfer_attended(uint64_t call, uint64_t consultation)'),
    vc_call_resume: library.func('int vc_call_resume(uint64_t call)'),
    vc_call_set_mute: library.func('int vc_call_set_mute(uint64_t call, int muted)'),
    vc_call_send_dtmf: library.func('int vc_call_send_dtmf(uint64_t call, const char *digits, int method)'),
    vc_call_get_state: library.func('int vc_call_get_state(uint64_t call, _Out_ int *out_state)'),
    vc_call_stats_init: library.func('void vc_call_stats_init(_Out_ vc_call_stats_t *stats)'),
    vc_call_get_stats: library.func('int vc_call_get_stats(uint64_t call, _Inout_ vc_call_stats_t *out_stats)'),
    vc_call_play: library.func('int vc_call_play(uint64_t call, const char *wav_path, int loop)'),
    vc_call_play_tone: library.func('int vc_call_play_tone(uint64_t call, const char *tone, int loop)'),
    vc_call_stop_play: library.func('int vc_call_stop_play(uint64_t call)'),
    vc_call_record: library.func('int vc_call_record(uint64_t call, const char *wav_path, int mode, int sample_rate)'),
    vc_call_stop_record: library.func('int vc_call_stop_record(uint64_t call)'),
    vc_call_pcm_attach: library.func('int vc_call_pcm_attach(uint64_t call, int sample_rate)'),
    // The samples are passed as Int16Arrays: koffi hands the library a pointer to their memory.
    vc_call_pcm_push: library.func(
      'int vc_call_pcm_push(uint64_t call, _Out_ size_t *out_accepted, const int16_t *samples, size_t count)',
    ),
    vc_call_pcm_pull: library.func(
      'int vc_call_pcm_pull(uint64_t call, _Out_ size_t *out_count, _Out_ int16_t *buffer, size_t capacity)',
    ),
  };
}

module.exports = { bindLibrary };
