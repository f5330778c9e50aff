using System.Buffers.Binary;
using System.Text;
using VoipCore.Media.Audio;

namespace VoipCore.Tests.Media.Audio;

public sealed class WavFileTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>A WAV image built by hand: RIFF header, the given chunks in order.</summary>
    private static byte[] Riff(params (string Id, byte[] Body)[] chunks)
    {
        var stream = new MemoryStream();
        var writer = new BinaryWriter(stream);
        writer.Write(Encoding.ASCII.GetBytes("RIFF"));
        writer.Write(0);
        writer.Write(Encoding.ASCII.GetBytes("WAVE"));
        foreach (var (id, body) in chunks)
        {
            writer.Write(Encoding.ASCII.GetBytes(id));
            writer.Write(body.Length);
            writer.Write(body);
            if (body.Length % 2 == 1)
            {
                writer.Write((byte)0);
            }
        }

        byte[] bytes = stream.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), bytes.Length - 8);
        return bytes;
    }

    private static (string, byte[]) Fmt(ushort tag, int channels, int rate, int bits, bool extensible = false)
    {
        var body = new byte[extensible ? 40 : 16];
        BinaryPrimitives.WriteUInt16LittleEndian(body, extensible ? (ushort)0xFFFE : tag);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(4), rate);
        BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(8), rate * channels * bits / 8);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(12), (ushort)(channels * bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(14), (ushort)bits);
        if (extensible)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(16), 22);
            BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(24), tag);
        }

        return ("fmt ", body);
    }

    private static short[] ReadAll(byte[] image, string name = "test.wav")
    {
        using var reader = new WavReader(new MemoryStream(image), name);
        var samples = new short[reader.FrameCount + 10];
        int total = 0, read;
        while ((read = reader.Read(samples.AsSpan(total, Math.Min(7, samples.Length - total)))) > 0)
        {
            total += read;
        }

        Assert.Equal(reader.FrameCount, total);
        return samples[..total];
    }

    private static VoipException NotPcm(byte[] image) =>
        Assert.Throws<VoipException>(() => new WavReader(new MemoryStream(image), "bad.wav"));

    [Fact]
    public void Mono_file_written_is_read_back_identically()
    {
        string path = _files.Path("mono.wav");
        short[] samples = Signals.Sine(440, 16000, 5000, 30000);
        using (var writer = new WavWriter(path, 16000))
        {
            Assert.True(writer.Write(samples.AsSpan(0, 1234)));
            Assert.True(writer.Write(samples.AsSpan(1234)));
            Assert.Equal(5000, writer.FrameCount);
        }

        using var reader = new WavReader(path);
        Assert.Equal((16000, 1, WavSampleFormat.Pcm16, 16, 5000L), (reader.SampleRate, reader.Channels, reader.SampleFormat, reader.BitsPerSample, reader.FrameCount));
        var read = new short[6000];
        Assert.Equal(5000, reader.Read(read));
        Assert.Equal(samples, read[..5000]);
        Assert.Equal(0, reader.Read(read));
        Assert.Equal(44 + 10000, new FileInfo(path).Length);
    }

    [Fact]
    public void Stereo_file_is_read_as_the_average_of_its_channels()
    {
        string path = _files.Path("stereo.wav");
        using (var writer = new WavWriter(path, 8000, channels: 2))
        {
            writer.Write([1000, 3000, -32768, -32768, 32767, 32767, 100, -100]);
            Assert.Equal(4, writer.FrameCount);
            Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<VoipException>(() => writer.Write([1, 2, 3])).Code);
        }

        using var reader = new WavReader(path);
        Assert.Equal(2, reader.Channels);
        var mono = new short[4];
        Assert.Equal(4, reader.Read(mono));
        Assert.Equal(new short[] { 2000, -32768, 32767, 0 }, mono);
    }

    [Fact]
    public void Flushed_part_is_readable_while_the_writer_is_still_open()
    {
        string path = _files.Path("crash.wav");
        var writer = new WavWriter(path, 8000);
        short[] first = Signals.Sine(1000, 8000, 1600);
        writer.Write(first);
        writer.Flush();
        writer.Write(new short[100_000]);

        // As after a crash: the header describes what was flushed; whatever else reached the disk is ignored.
        Assert.Equal(first, ReadAll(File.ReadAllBytes(path)));

        writer.Dispose();
        Assert.Equal(101_600, ReadAll(File.ReadAllBytes(path)).Length);
        Assert.Equal(ErrorCode.InvalidState, Assert.Throws<VoipException>(() => writer.Write(first)).Code);
    }

    [Fact]
    public void Unknown_chunks_are_skipped_including_odd_sized_ones()
    {
        byte[] data = [0x01, 0x00, 0xFF, 0x7F, 0x00, 0x80];
        byte[] image = Riff(("JUNK", new byte[5]), Fmt(1, 1, 8000, 16), ("LIST", new byte[3]), ("data", data), ("id3 ", new byte[9]));

        Assert.Equal(new short[] { 1, 32767, -32768 }, ReadAll(image));
    }

    [Fact]
    public void Eight_bit_files_are_unsigned()
    {
        Assert.Equal(new short[] { 0, -32768, 32512, -256 }, ReadAll(Riff(Fmt(1, 1, 8000, 8), ("data", [128, 0, 255, 127]))));
    }

    [Fact]
    public void Twenty_four_and_thirty_two_bit_files_keep_the_top_sixteen_bits()
    {
        Assert.Equal(new short[] { 0x1234, -2 }, ReadAll(Riff(Fmt(1, 1, 48000, 24), ("data", [0x56, 0x34, 0x12, 0x00, 0xFE, 0xFF]))));
        Assert.Equal(new short[] { 0x1234, -32768 }, ReadAll(Riff(Fmt(1, 1, 48000, 32), ("data", [0x78, 0x56, 0x34, 0x12, 0x00, 0x00, 0x00, 0x80]))));
    }

    [Fact]
    public void Float_files_are_scaled_and_clipped()
    {
        var data = new byte[20];
        float[] values = [0.5f, -1f, 2f, float.NaN, -0.25f];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(4 * i), values[i]);
        }

        Assert.Equal(new short[] { 16384, -32768, 32767, 0, -8192 }, ReadAll(Riff(Fmt(3, 1, 44100, 32), ("data", data))));
    }

    [Fact]
    public void Extensible_format_is_read_through_its_sub_format()
    {
        byte[] image = Riff(Fmt(1, 2, 22050, 16, extensible: true), ("data", [0x10, 0x00, 0x30, 0x00]));
        using var reader = new WavReader(new MemoryStream(image), "ext.wav");
        Assert.Equal((22050, 2, WavSampleFormat.Pcm16), (reader.SampleRate, reader.Channels, reader.SampleFormat));
        Assert.Equal(new short[] { 0x20 }, ReadAll(image));
    }

    [Fact]
    public void A_data_chunk_cut_short_is_read_up_to_its_last_whole_frame()
    {
        byte[] image = Riff(Fmt(1, 2, 8000, 16), ("data", [2, 0, 4, 0, 6, 0, 8, 0]));
        byte[] truncated = image[..^3];
        Assert.Equal(new short[] { 3 }, ReadAll(truncated));
    }

    [Fact]
    public void Files_that_are_not_pcm_wav_are_refused_with_a_readable_reason()
    {
        var mp3 = NotPcm(Riff(Fmt(0x55, 1, 8000, 0), ("data", [1, 2])));
        Assert.Equal(ErrorCode.InvalidArgument, mp3.Code);
        Assert.Equal("bad.wav: not a PCM WAV (format 0x0055 with 0 bits per sample is not supported)", mp3.Message);

        Assert.Contains("no RIFF/WAVE header", NotPcm(Encoding.ASCII.GetBytes("ID3 this is an mp3")).Message);
        Assert.Contains("no RIFF/WAVE header", NotPcm([]).Message);
        Assert.Contains("no data chunk", NotPcm(Riff(Fmt(1, 1, 8000, 16))).Message);
        Assert.Contains("no fmt chunk", NotPcm(Riff(("LIST", new byte[4]))).Message);
        Assert.Contains("data chunk before the fmt chunk", NotPcm(Riff(("data", [0, 0]), Fmt(1, 1, 8000, 16))).Message);
        Assert.Contains("0 channels", NotPcm(Riff(Fmt(1, 0, 8000, 16), ("data", []))).Message);
        Assert.Contains("sample rate 100 Hz", NotPcm(Riff(Fmt(1, 1, 100, 16), ("data", []))).Message);
        Assert.Contains("fmt chunk too short", NotPcm(Riff(("fmt ", new byte[10]), ("data", []))).Message);
    }

    [Fact]
    public void Missing_file_is_not_found()
    {
        var error = Assert.Throws<VoipException>(() => new WavReader(_files.Path("absent.wav")));
        Assert.Equal(ErrorCode.NotFound, error.Code);
    }

    [Fact]
    public void Writer_refuses_bad_formats()
    {
        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<VoipException>(() => new WavWriter(_files.Path("a.wav"), 8000, 3)).Code);
        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<VoipException>(() => new WavWriter(_files.Path("b.wav"), 10, 1)).Code);
        Assert.Equal(ErrorCode.Io, Assert.Throws<VoipException>(() => new WavWriter(_files.Path("no/such/dir.wav"), 8000)).Code);
    }
}
