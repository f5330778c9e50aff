namespace VoipCore.Handles;

/// <summary>
/// Process-wide table mapping 64-bit handles to objects. A handle is
/// [type:8][generation:24][slot:32]; a slot's generation moves on each time it is freed, so a
/// stale handle never resolves to the slot's next occupant (pjsua's reused int ids do).
/// </summary>
public static class HandleRegistry
{
    private const int GenerationBits = 24;
    private const uint GenerationMask = (1u << GenerationBits) - 1;

    private struct Slot
    {
        public object? Target;
        public HandleType Type;
        public uint Generation;
    }

    private static readonly Lock Gate = new();
    private static Slot[] _slots = new Slot[64];
    private static int _used;
    private static readonly Stack<int> FreeSlots = new();

    public static ulong Add(HandleType type, object target)
    {
        lock (Gate)
        {
            int index;
            if (FreeSlots.Count > 0)
            {
                index = FreeSlots.Pop();
            }
            else
            {
                if (_used == _slots.Length)
                {
                    Array.Resize(ref _slots, _slots.Length * 2);
                }
                index = _used++;
                _slots[index].Generation = 1;
            }
            ref var slot = ref _slots[index];
            slot.Target = target;
            slot.Type = type;
            return Compose(type, slot.Generation, index);
        }
    }

    /// <summary>Resolves a handle of the given type; throws <see cref="VoipException"/> when it is zero, stale or of another type.</summary>
    public static T Get<T>(ulong handle, HandleType type) where T : class
    {
        if (TryGet(handle, type, out T? target))
        {
            return target;
        }
        throw new VoipException(ErrorCode.InvalidHandle, Describe(handle, type));
    }

    public static bool TryGet<T>(ulong handle, HandleType type, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? target) where T : class
    {
        target = null;
        if (!Decompose(handle, type, out int index, out uint generation))
        {
            return false;
        }
        lock (Gate)
        {
            if (index >= _used)
            {
                return false;
            }
            ref var slot = ref _slots[index];
            if (slot.Generation != generation || slot.Type != type || slot.Target is not T typed)
            {
                return false;
            }
            target = typed;
            return true;
        }
    }

    /// <summary>Frees a handle; returns the object it named, or null when the handle was already invalid.</summary>
    public static T? Remove<T>(ulong handle, HandleType type) where T : class
    {
        if (!Decompose(handle, type, out int index, out uint generation))
        {
            return null;
        }
        lock (Gate)
        {
            if (index >= _used)
            {
                return null;
            }
            ref var slot = ref _slots[index];
            if (slot.Generation != generation || slot.Type != type || slot.Target is not T typed)
            {
                return null;
            }
            slot.Target = null;
            slot.Generation = (slot.Generation & GenerationMask) == GenerationMask ? 1 : slot.Generation + 1;
            FreeSlots.Push(index);
            return typed;
        }
    }

    /// <summary>Number of live handles; tests use it to prove destruction frees everything.</summary>
    public static int LiveCount
    {
        get
        {
            lock (Gate)
            {
                return _used - FreeSlots.Count;
            }
        }
    }

    private static ulong Compose(HandleType type, uint generation, int index) =>
        ((ulong)type << 56) | ((ulong)(generation & GenerationMask) << 32) | (uint)index;

    private static bool Decompose(ulong handle, HandleType expected, out int index, out uint generation)
    {
        index = (int)(uint)handle;
        generation = (uint)(handle >> 32) & GenerationMask;
        return handle != 0 && (HandleType)(handle >> 56) == expected && generation != 0 && index >= 0;
    }

    private static string Article(HandleType type)
    {
        string name = type.ToString().ToLowerInvariant();
        return ("aeiou".Contains(name[0]) ? "an " : "a ") + name;
    }

    private static string Describe(ulong handle, HandleType expected)
    {
        if (handle == 0)
        {
            return $"handle is 0; expected {Article(expected)} handle";
        }
        var actual = (HandleType)(handle >> 56);
        return actual == expected
            ? $"{expected.ToString().ToLowerInvariant()} handle 0x{handle:x16} is stale: its object was destroyed"
            : $"handle 0x{handle:x16} is not {Article(expected)} handle";
    }
}
