namespace VoipCore.Sdp;

/// <summary>
/// The payload types RFC 3551 (section 6, tables 4 and 5) assigns statically, which an m= line may use
/// without an rtpmap.
/// </summary>
public static class StaticPayloadTypes
{
    public const int Pcmu = 0;
    public const int Pcma = 8;

    /// <summary>G.722 samples at 16 kHz but its RTP clock is 8000: an error in RFC 1890 kept for compatibility.</summary>
    public const int G722 = 9;

    private static readonly RtpMap?[] Table = BuildTable();

    /// <summary>The static mapping of a payload type, if RFC 3551 assigns one.</summary>
    public static RtpMap? Lookup(int payloadType) =>
        (uint)payloadType < (uint)Table.Length ? Table[payloadType] : null;

    /// <summary>The static payload type of a codec, if it has one.</summary>
    public static int? Find(string encodingName, int clockRate, int channels)
    {
        foreach (var entry in Table)
        {
            if (entry is not null && entry.IsSameCodec(encodingName, clockRate, channels))
            {
                return entry.PayloadType;
            }
        }
        return null;
    }

    private static RtpMap?[] BuildTable()
    {
        var table = new RtpMap?[35];
        void Audio(int pt, string name, int rate, int channels = 1) => table[pt] = new RtpMap(pt, name, rate, channels);
        void Video(int pt, string name) => table[pt] = new RtpMap(pt, name, 90000);
        Audio(0, "PCMU", 8000);
        Audio(3, "GSM", 8000);
        Audio(4, "G723", 8000);
        Audio(5, "DVI4", 8000);
        Audio(6, "DVI4", 16000);
        Audio(7, "LPC", 8000);
        Audio(8, "PCMA", 8000);
        Audio(9, "G722", 8000);
        Audio(10, "L16", 44100, 2);
        Audio(11, "L16", 44100);
        Audio(12, "QCELP", 8000);
        Audio(13, "CN", 8000);
        Audio(14, "MPA", 90000);
        Audio(15, "G728", 8000);
        Audio(16, "DVI4", 11025);
        Audio(17, "DVI4", 22050);
        Audio(18, "G729", 8000);
        Video(25, "CelB");
        Video(26, "JPEG");
        Video(28, "nv");
        Video(31, "H261");
        Video(32, "MPV");
        Video(33, "MP2T");
        Video(34, "H263");
        return table;
    }
}
