namespace VoipCore.Auth;

/// <summary>
/// Which nonce counts have been seen for one nonce: the highest plus a 64-wide bitmap below it (as IPsec
/// anti-replay does), so requests sent in parallel over UDP may arrive out of order without being refused.
/// </summary>
internal struct ReplayWindow
{
    private const int Width = 64;

    private uint _highest;
    private ulong _seen; // bit i set: _highest - i was seen

    /// <summary>Records <paramref name="nonceCount"/>; false if it was seen already or is too old to tell.</summary>
    public bool TryAccept(uint nonceCount)
    {
        if (nonceCount == 0)
        {
            return false;
        }
        if (nonceCount > _highest)
        {
            var shift = nonceCount - _highest;
            _seen = shift >= Width ? 1UL : (_seen << (int)shift) | 1UL;
            _highest = nonceCount;
            return true;
        }
        var offset = _highest - nonceCount;
        if (offset >= Width)
        {
            return false;
        }
        var bit = 1UL << (int)offset;
        if ((_seen & bit) != 0)
        {
            return false;
        }
        _seen |= bit;
        return true;
    }
}
