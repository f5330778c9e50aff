namespace VoipCore.Media.Codecs;

/// <summary>Builds the lookup tables both G.711 laws use, from their compress and expand functions.</summary>
internal static class G711Tables
{
    /// <summary>Code for every input from -size/2 to size/2 - 1 (the law's input after its own scaling).</summary>
    public static byte[] Encode(int size, Func<int, byte> compress)
    {
        var table = new byte[size];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = compress(i - size / 2);
        }
        return table;
    }

    /// <summary>Linear value of each of the 256 codes.</summary>
    public static short[] Decode(Func<byte, short> expand)
    {
        var table = new short[256];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = expand((byte)i);
        }
        return table;
    }
}
