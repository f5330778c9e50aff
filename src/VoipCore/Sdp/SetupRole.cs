namespace VoipCore.Sdp;

/// <summary><c>a=setup</c> (RFC 4145, used by DTLS-SRTP per RFC 5763): who opens the connection.</summary>
public enum SetupRole
{
    Active,
    Passive,
    ActPass,
    HoldConn,
}

/// <summary>Conversions between <see cref="SetupRole"/> and its attribute values.</summary>
public static class SetupRoles
{
    public const string AttributeName = "setup";

    public static bool TryParse(string? value, out SetupRole role)
    {
        switch (value)
        {
            case "active": role = SetupRole.Active; return true;
            case "passive": role = SetupRole.Passive; return true;
            case "actpass": role = SetupRole.ActPass; return true;
            case "holdconn": role = SetupRole.HoldConn; return true;
            default: role = SetupRole.ActPass; return false;
        }
    }

    public static string ToAttributeValue(this SetupRole role) => role switch
    {
        SetupRole.Active => "active",
        SetupRole.Passive => "passive",
        SetupRole.HoldConn => "holdconn",
        _ => "actpass",
    };
}
