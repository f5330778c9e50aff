using System.Runtime.InteropServices;

namespace VoipCore.Tests.Media.Codecs;

/// <summary>
/// spandsp's G.722 (libspandsp.so.2, Debian libspandsp2), an independent implementation to check ours against.
/// Bound through function pointers so the test project needs no native build step.
/// </summary>
internal sealed unsafe class SpandspG722 : IDisposable
{
    private const string LibraryName = "libspandsp.so.2";

    private static readonly Lazy<Api?> Loaded = new(Load);

    private readonly Api _api;
    private nint _encoder;
    private nint _decoder;

    private SpandspG722(Api api)
    {
        _api = api;
        // (state = NULL: spandsp allocates it, rate 64000 bit/s, options 0: 16 kHz linear PCM, unpacked octets)
        _encoder = api.EncodeInit(0, 64000, 0);
        _decoder = api.DecodeInit(0, 64000, 0);
    }

    /// <summary>A fresh encoder and decoder pair, or a failed assertion telling how to get the library.</summary>
    public static SpandspG722 Create()
    {
        var api = Loaded.Value;
        Assert.True(api is not null, $"{LibraryName} could not be loaded: install the Debian package libspandsp2 " +
            "(baresip-core depends on it) to run the independent G.722 check");
        return new SpandspG722(api);
    }

    public int Encode(ReadOnlySpan<short> pcm, Span<byte> payload)
    {
        fixed (short* input = pcm)
        fixed (byte* output = payload)
        {
            return _api.Encode(_encoder, output, input, pcm.Length);
        }
    }

    public int Decode(ReadOnlySpan<byte> payload, Span<short> pcm)
    {
        fixed (byte* input = payload)
        fixed (short* output = pcm)
        {
            return _api.Decode(_decoder, output, input, payload.Length);
        }
    }

    public void Dispose()
    {
        if (_encoder != 0)
        {
            _api.EncodeFree(_encoder);
            _encoder = 0;
        }
        if (_decoder != 0)
        {
            _api.DecodeFree(_decoder);
            _decoder = 0;
        }
    }

    private static Api? Load()
    {
        if (!NativeLibrary.TryLoad(LibraryName, out var library))
        {
            return null;
        }
        return new Api(
            (delegate* unmanaged<nint, int, int, nint>)NativeLibrary.GetExport(library, "g722_encode_init"),
            (delegate* unmanaged<nint, byte*, short*, int, int>)NativeLibrary.GetExport(library, "g722_encode"),
            (delegate* unmanaged<nint, int>)NativeLibrary.GetExport(library, "g722_encode_free"),
            (delegate* unmanaged<nint, int, int, nint>)NativeLibrary.GetExport(library, "g722_decode_init"),
            (delegate* unmanaged<nint, short*, byte*, int, int>)NativeLibrary.GetExport(library, "g722_decode"),
            (delegate* unmanaged<nint, int>)NativeLibrary.GetExport(library, "g722_decode_free"));
    }

    private sealed class Api(
        delegate* unmanaged<nint, int, int, nint> encodeInit,
        delegate* unmanaged<nint, byte*, short*, int, int> encode,
        delegate* unmanaged<nint, int> encodeFree,
        delegate* unmanaged<nint, int, int, nint> decodeInit,
        delegate* unmanaged<nint, short*, byte*, int, int> decode,
        delegate* unmanaged<nint, int> decodeFree)
    {
        public nint EncodeInit(nint state, int rate, int options) => encodeInit(state, rate, options);
        public int Encode(nint state, byte* output, short* input, int length) => encode(state, output, input, length);
        public int EncodeFree(nint state) => encodeFree(state);
        public nint DecodeInit(nint state, int rate, int options) => decodeInit(state, rate, options);
        public int Decode(nint state, short* output, byte* input, int length) => decode(state, output, input, length);
        public int DecodeFree(nint state) => decodeFree(state);
    }
}
