using VoipCore.Sip;

namespace VoipCore.Tests.Sip;

public class RequestUriTextTests
{
    [Theory]
    [InlineData("sip:bob@192.0.2.4", "sip:bob@192.0.2.4")]
    [InlineData("sip:bob@192.0.2.4:5070;transport=tcp;lr", "sip:bob@192.0.2.4:5070;transport=tcp;lr")]
    [InlineData("sip:bob@biloxi.example.com;method=INVITE;transport=tcp", "sip:bob@biloxi.example.com;transport=tcp")]
    [InlineData("sips:bob@biloxi.example.com;maddr=192.0.2.1?Subject=hi&Priority=urgent", "sips:bob@biloxi.example.com;maddr=192.0.2.1")]
    [InlineData("sip:[2001:db8::1]:5060?Subject=hi", "sip:[2001:db8::1]:5060")]
    [InlineData("tel:+1-201-555-0123;phone-context=example.com", "tel:+1-201-555-0123;phone-context=example.com")]
    public void DropsWhatARequestUriMayNotCarry(string uri, string expected) =>
        Assert.Equal(expected, RequestUriText.Format(SipUri.Parse(uri)));
}
