namespace VoipCore.Sip;

/// <summary>The header fields the stack knows by name (long and compact forms map to the same id).</summary>
public enum HeaderId : byte
{
    /// <summary>A header the stack does not know; its name is kept as received.</summary>
    Unknown = 0,
    Accept, AcceptEncoding, AcceptLanguage, AlertInfo, Allow, AllowEvents, AuthenticationInfo, Authorization,
    CallId, CallInfo, Contact, ContentDisposition, ContentEncoding, ContentLanguage, ContentLength, ContentType,
    CSeq, Date, ErrorInfo, Event, Expires, From, Identity, InReplyTo, MaxForwards, MimeVersion, MinExpires, MinSE,
    Organization, PAssertedIdentity, Path, PPreferredIdentity, Priority, Privacy, ProxyAuthenticate,
    ProxyAuthorization, ProxyRequire, RAck, Reason, RecordRoute, ReferredBy, ReferTo, Replaces, ReplyTo, Require,
    RetryAfter, Route, RSeq, Server, ServiceRoute, SessionExpires, Subject, SubscriptionState, Supported, Timestamp,
    To, Unsupported, UserAgent, Via, Warning, WwwAuthenticate,
}
