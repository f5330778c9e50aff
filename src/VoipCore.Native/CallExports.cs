using System.Runtime.InteropServices;
using VoipCore.Configuration;
using VoipCore.Media;
using VoipCore.Registration;
using VoipCore.Sessions;

namespace VoipCore.Native;

internal static unsafe class CallExports
{
    [UnmanagedCallersOnly(EntryPoint = "vc_call_make")]
    public static int Make(ulong* output, ulong engine, ulong account, byte* targetUri, byte* optionsJson)
    {
        if (output == null)
        {
            return LastError.NullArgument("out");
        }
        try
        {
            var owner = Engine.FromHandle(engine);
            var from = account == 0 ? null : Account.FromHandle(account);
            string target = NativeText.Read(targetUri) ?? throw SipExports.NullArgument("target_uri");
            var options = ConfigLoader.LoadCallOptions(NativeText.Read(optionsJson));
            *output = owner.Calls.MakeCall(from, target, options.Codecs, options.Headers).Handle;
            return 0;
        }
        catch (Exception e)
        {
            return LastError.Fail(e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "vc_call_answer")]
    public static int Answer(ulong call) => With(call, static c => c.Answer());

    [UnmanagedCallersOnly(EntryPoint = "vc_call_reject")]
    public static int Reject(ulong call, int code) => With(call, c => c.Reject(code));

    [UnmanagedCallersOnly(EntryPoint = "vc_call_forward")]
    public static int Forward(ulong call, byte* targetUri)
    {
        string? target = NativeText.Read(targetUri);
        return target == null ? LastError.NullArgument("target_uri") : With(call, c => c.Forward(target));
    }

    [UnmanagedCallersOnly(EntryPoint = "vc_call_defer")]
    public static int Defer(ulong call, uint timeoutMs) => With(call, c => c.Defer(TimeSpan.FromMilliseconds(timeoutMs)));

    [UnmanagedCallersOnly(EntryPoint = "vc_call_ring")]
    public static int Ring(ulong call, int earlyMedia) => With(call, c => c.Ring(earlyMedia != 0));

    [UnmanagedCallersOnly(EntryPoint = "vc_call_hangup")]
    public static int Hangup(ulong call) => With(call, static c => c.Hangup());

    [UnmanagedCallersOnly(EntryPoint = "vc_call_hold")]
    public static int Hold(ulong call) => With(call, static c => c.Hold());

    [UnmanagedCallersOnly(EntryPoint = "vc_call_resume")]
    public static int Resume(ulong call) => With(call, static c => c.Resume());

    [UnmanagedCallersOnly(EntryPoint = "vc_call_transfer")]
    public static int Transfer(ulong call, byte* targetUri)
    {
        string? target = NativeText.Read(targetUri);
        return target == null ? LastError.NullArgument("target_uri") : With(call, c => c.Transfer(target));
    }

    [UnmanagedCallersOnly(EntryPoint = "vc_call_transfer_attended")]
    public static int TransferAttended(ulong call, ulong consultation) =>
        With(call, c => c.TransferTo(Call.FromHandle(consultation)));

    [UnmanagedCallersOnly(EntryPoint = "vc_call_set_mute")]
    public static int SetMute(ulong call, int muted) => With(call, c => c.Muted = muted != 0);

    [UnmanagedCallersOnly(EntryPoint = "vc_call_send_dtmf")]
    public static int SendDtmf(ulong call, byte* digits, int method)
    {
        string? text = NativeText.Read(digits);
        if (text == null)
        {
            return LastError.NullArgument("digits");
        }
        return With(call, c =>
        {
            switch (method)
            {
                case 0:
                    c.SendDtmf(text, useInfo: false);
                    break;
                case 1:
                    if (c.Media is not { CanSendTelephoneEvents: true })
                    {
                        throw new VoipException(ErrorCode.Unsupported, "the peer did not agree to telephone-event (RFC 4733); use VC_DTMF_INFO or VC_DTMF_AUTO");
                    }
                    c.SendDtmf(text, useInfo: false);
                    break;
                case 2:
                    c.SendDtmf(text, useInfo: true);
                    break;
                default:
                    throw new VoipException(ErrorCode.InvalidArgument, $"method {method} is not a vc_dtmf_method_t (0-2)");
            }
        });
    }

    [UnmanagedCallersOnly(EntryPoint = "vc_call_get_state")]
    public static int GetState(ulong call, int* outputState)
    {
        if (outputState == null)
        {
            return LastError.NullArgument("out_state");
        }
        return With(call, c => *outputState = (int)c.State);
    }

    [UnmanagedCallersOnly(EntryPoint = "vc_call_stats_init")]
    public static void StatsInit(NativeCallStats* stats)
    {
        if (stats != null)
        {
            *stats = default;
            stats->StructSize = (uint)sizeof(NativeCallStats);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "vc_call_get_stats")]
    public static int GetStats(ulong call, NativeCallStats* outputStats)
    {
        if (outputStats == null)
        {
            return LastError.NullArgument("out_stats");
        }
        if (outputStats->StructSize < NativeCallStats.FirstVersionSize)
        {
            return LastError.Set(ErrorCode.InvalidArgument, "out_stats->struct_size is not set: call vc_call_stats_init first");
        }
        return With(call, c => NativeCallStats.Fill(outputStats, c.Statistics, c.DurationSeconds));
    }

    [UnmanagedCallersOnly(EntryPoint = "vc_call_play")]
    public static int Play(ulong call, byte* wavPath, int loop)
    {
        string? path = NativeText.Read(wavPath);
        return path == null ? LastError.NullArgument("wav_path") : WithMedia(call, m => m.Play(path, loop != 0));
    }

    [UnmanagedCallersOnly(EntryPoint = "vc_call_play_tone")]
    public static int PlayTone(ulong call, byte* tone, int loop)
    {
        string? name = NativeText.Read(tone);
        return name == null ? LastError.NullArgument("tone") : WithMedia(call, m => m.PlayTone(name, loop != 0));
    }

    [UnmanagedCallersOnly(EntryPoint = "vc_call_stop_play")]
    public static int StopPlay(ulong call) => WithMedia(call, static m => m.StopPlay());

    [UnmanagedCallersOnly(EntryPoint = "vc_call_record")]
    public static int Record(ulong call, byte* wavPath, int mode, int sampleRate)
    {
        string? path = NativeText.Read(wavPath);
        if (path == null)
        {
            return LastError.NullArgument("wav_path");
        }
        return WithMedia(call, m => m.Record(path, RecordingModes.FromNative(mode), sampleRate));
    }

    [UnmanagedCallersOnly(EntryPoint = "vc_call_stop_record")]
    public static int StopRecord(ulong call) => WithMedia(call, static m => m.StopRecord());

    [UnmanagedCallersOnly(EntryPoint = "vc_call_pcm_attach")]
    public static int PcmAttach(ulong call, int sampleRate) => WithMedia(call, m => m.AttachPcm(sampleRate));

    [UnmanagedCallersOnly(EntryPoint = "vc_call_pcm_push")]
    public static int PcmPush(ulong call, nuint* outputAccepted, short* samples, nuint count)
    {
        if (samples == null && count > 0)
        {
            return LastError.NullArgument("samples");
        }
        return WithMedia(call, m =>
        {
            int accepted = m.PushPcm(new ReadOnlySpan<short>(samples, checked((int)count)));
            if (outputAccepted != null)
            {
                *outputAccepted = (nuint)accepted;
            }
        });
    }

    [UnmanagedCallersOnly(EntryPoint = "vc_call_pcm_pull")]
    public static int PcmPull(ulong call, nuint* outputCount, short* buffer, nuint capacity)
    {
        if (outputCount == null)
        {
            return LastError.NullArgument("out_count");
        }
        if (buffer == null && capacity > 0)
        {
            return LastError.NullArgument("buffer");
        }
        return WithMedia(call, m => *outputCount = (nuint)m.PullPcm(new Span<short>(buffer, checked((int)capacity))));
    }

    private static int With(ulong call, Action<Call> action)
    {
        try
        {
            action(Call.FromHandle(call));
            return 0;
        }
        catch (Exception e)
        {
            return LastError.Fail(e);
        }
    }

    private static int WithMedia(ulong call, Action<CallMedia> action) => With(call, c => action(
        c.Media as CallMedia ?? throw new VoipException(ErrorCode.InvalidState, $"the call has no media yet (state {c.State})")));
}
