using System.Text;
using VoipCore.Sip;

namespace VoipCore.Dialogs;

/// <summary>
/// The local and remote URIs of a dialog kept as From/To name-addr text without the tag, which lives in the
/// <see cref="DialogId"/> and is put back when a request is built (RFC 3261 12.2.1.1).
/// </summary>
internal static class DialogAddress
{
    /// <summary>Display name, URI in angle brackets and every header parameter but tag.</summary>
    public static string WithoutTag(in NameAddress address)
    {
        var text = new StringBuilder();
        if (!address.DisplayName.IsEmpty) text.Append(SipText.Decode(address.DisplayName.Span)).Append(' ');
        text.Append('<').Append(address.Uri.ToString()).Append('>');
        foreach (SipParameter parameter in address.Parameters)
            if (!parameter.NameIs("tag"u8)) text.Append(';').Append(parameter.ToString());
        return text.ToString();
    }

    /// <summary>The address with <c>;tag=</c> appended, or as it is when the tag is empty (RFC 2543 peers).</summary>
    public static string WithTag(string address, string tag) => tag.Length == 0 ? address : $"{address};tag={tag}";
}
