namespace VoipCore.Media;

/// <summary>Work done once per media frame (20 ms) on a <see cref="MediaClock"/>'s thread.</summary>
public interface IMediaTickHandler
{
    /// <summary>
    /// Called on the clock's thread for slot <paramref name="tickIndex"/> (20 ms slots counted from the clock's
    /// start; after a stall the skipped slots leave a gap). Must not block: every handler of the clock shares the slot.
    /// </summary>
    void OnTick(long tickIndex);
}
