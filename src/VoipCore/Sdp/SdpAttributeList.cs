using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace VoipCore.Sdp;

/// <summary>
/// The a= lines of one level (session or media), in written order. Unknown attributes stay as they are;
/// typed views parse on access, and an attribute whose value does not parse is skipped by its view
/// but kept in the list.
/// </summary>
public sealed class SdpAttributeList : IReadOnlyList<SdpAttribute>
{
    /// <summary>The shape of every typed attribute's TryParse.</summary>
    public delegate bool ValueParser<T>(string? value, [NotNullWhen(true)] out T? result);

    private const string IceUfragName = "ice-ufrag";
    private const string IcePwdName = "ice-pwd";

    private readonly List<SdpAttribute> _items = [];

    public int Count => _items.Count;

    public SdpAttribute this[int index] => _items[index];

    public IEnumerator<SdpAttribute> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Appends an attribute.</summary>
    public void Add(string name, string? value = null) => _items.Add(new SdpAttribute(name, value));

    /// <summary>Appends an attribute.</summary>
    public void Add(SdpAttribute attribute) => _items.Add(attribute);

    /// <summary>Removes every attribute with this name; returns how many went.</summary>
    public int RemoveAll(string name) => _items.RemoveAll(a => a.Name == name);

    /// <summary>True if an attribute with this name is present (names are case-sensitive, RFC 4566 section 5.13).</summary>
    public bool Contains(string name) => Find(name) is not null;

    /// <summary>The first attribute with this name, or null.</summary>
    public SdpAttribute? Find(string name)
    {
        foreach (var attribute in _items)
        {
            if (attribute.Name == name)
            {
                return attribute;
            }
        }
        return null;
    }

    /// <summary>The value of the first attribute with this name, or null (also for a flag attribute).</summary>
    public string? GetValue(string name) => Find(name)?.Value;

    /// <summary>Every attribute with this name whose value parses, in order.</summary>
    public IEnumerable<T> All<T>(string name, ValueParser<T> parse)
    {
        foreach (var attribute in _items)
        {
            if (attribute.Name == name && parse(attribute.Value, out var parsed))
            {
                yield return parsed;
            }
        }
    }

    /// <summary>The first attribute with this name whose value parses, or null.</summary>
    public T? First<T>(string name, ValueParser<T> parse) where T : class
    {
        foreach (var parsed in All(name, parse))
        {
            return parsed;
        }
        return null;
    }

    /// <summary>
    /// The direction attribute written at this level, or null if none. Setting replaces any direction
    /// attribute in place (or appends one), so re-offers keep the attribute order.
    /// </summary>
    public MediaDirection? Direction
    {
        get
        {
            foreach (var attribute in _items)
            {
                if (attribute.Value is null && MediaDirectionExtensions.TryParse(attribute.Name, out var direction))
                {
                    return direction;
                }
            }
            return null;
        }
        set
        {
            var index = _items.FindIndex(a => a.Value is null && MediaDirectionExtensions.TryParse(a.Name, out _));
            _items.RemoveAll(a => a.Value is null && MediaDirectionExtensions.TryParse(a.Name, out _));
            if (value is MediaDirection direction)
            {
                _items.Insert(index < 0 ? _items.Count : index, new SdpAttribute(direction.ToAttributeName()));
            }
        }
    }

    /// <summary><c>a=ice-ufrag</c> (RFC 8839), raw.</summary>
    public string? IceUfrag => GetValue(IceUfragName);

    /// <summary><c>a=ice-pwd</c> (RFC 8839), raw.</summary>
    public string? IcePwd => GetValue(IcePwdName);

    /// <summary><c>a=setup</c>, or null if absent or not one of the four RFC 4145 values.</summary>
    public SetupRole? Setup => SetupRoles.TryParse(GetValue(SetupRoles.AttributeName), out var role) ? role : null;

    /// <summary>Every parseable <c>a=fingerprint</c>.</summary>
    public IEnumerable<FingerprintAttribute> Fingerprints => All<FingerprintAttribute>(FingerprintAttribute.AttributeName, FingerprintAttribute.TryParse);

    internal void CopyTo(SdpAttributeList target) => target._items.AddRange(_items);
}
