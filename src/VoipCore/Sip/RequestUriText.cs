using System.Text;

namespace VoipCore.Sip;

/// <summary>Writes a URI in the form allowed in a Request-URI.</summary>
public static class RequestUriText
{
    /// <summary>
    /// The URI as text without the parts RFC 3261 19.1.1 (table 1) forbids in a Request-URI: the <c>method</c>
    /// parameter and the <c>?headers</c> component. Other URIs (tel:, opaque) are returned as they are.
    /// </summary>
    public static string Format(in SipUri uri)
    {
        if (!uri.IsSip || (uri.Headers.IsEmpty && !uri.Parameters.Contains("method"u8)))
            return uri.ToString();
        // Raw is "scheme:userinfo@hostport" + parameters + ["?" headers]; keep the first part as it was written.
        int suffix = uri.Parameters.Raw.Length + (uri.Headers.IsEmpty ? 0 : uri.Headers.Length + 1);
        var text = new StringBuilder(SipText.Decode(uri.Raw.Span[..(uri.Raw.Length - suffix)]));
        foreach (SipParameter parameter in uri.Parameters)
            if (!parameter.NameIs("method"u8)) text.Append(';').Append(parameter.ToString());
        return text.ToString();
    }
}
