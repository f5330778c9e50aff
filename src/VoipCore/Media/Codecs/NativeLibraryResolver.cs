using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

// Every P/Invoke of this assembly passes only blittable values (pointers, ints, safe handles through the source
// generator), so the runtime marshaller is never needed; turning it off keeps the interop AOT-clean by construction.
[assembly: DisableRuntimeMarshalling]

namespace VoipCore.Media.Codecs;

/// <summary>
/// The one DllImport resolver of this assembly (.NET allows one per assembly): maps the short library names used in
/// [LibraryImport] declarations to the versioned sonames a Debian system ships, so the stack binds to the runtime
/// package (libopus0) without the -dev symlink. Other native dependencies add a <see cref="Libraries"/> entry.
/// Code that P/Invokes must call <see cref="EnsureRegistered"/> first.
/// </summary>
internal static class NativeLibraryResolver
{
    /// <summary>The library name of the Opus imports.</summary>
    public const string Opus = "opus";

    private static readonly Dictionary<string, (string[] Files, string Hint)> Libraries = new()
    {
        [Opus] = (["libopus.so.0", "libopus.so"], "install libopus0 (Debian) to use Opus; G.711 and G.722 keep working"),
    };

    static NativeLibraryResolver() =>
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryResolver).Assembly, Resolve);

    /// <summary>Makes sure the resolver is in place; cheap after the first call.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void EnsureRegistered()
    {
        // The work is the static constructor, which the runtime runs exactly once, before this body.
    }

    /// <summary>Loads <paramref name="name"/> by its candidate files; on failure says which were tried and what to install.</summary>
    public static bool TryLoad(string name, out nint handle, out string? failure)
    {
        var (files, hint) = Libraries[name];
        return TryLoad(files, hint, out handle, out failure);
    }

    /// <summary>Loads the first of <paramref name="files"/> that the dynamic loader finds.</summary>
    internal static bool TryLoad(string[] files, string hint, out nint handle, out string? failure)
    {
        foreach (var file in files)
        {
            if (NativeLibrary.TryLoad(file, out handle))
            {
                failure = null;
                return true;
            }
        }
        handle = 0;
        failure = $"{files[0]} not found: {hint}";
        return false;
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (!Libraries.ContainsKey(name))
        {
            // Not ours to map: the runtime's default probing applies.
            return 0;
        }
        // Throwing here rather than returning 0 keeps the runtime from probing other spellings of the name.
        return TryLoad(name, out var handle, out var failure) ? handle : throw new DllNotFoundException(failure);
    }
}
