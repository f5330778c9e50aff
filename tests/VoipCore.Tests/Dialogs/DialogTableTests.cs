using VoipCore.Dialogs;
using VoipCore.Sip;
using static VoipCore.Tests.Dialogs.CallFlow;

namespace VoipCore.Tests.Dialogs;

public class DialogTableTests
{
    [Fact]
    public void DialogIdHasValueEqualityAndKeysADictionary()
    {
        var a = new DialogId(CallId, AliceTag, BobTag);
        var same = new DialogId(string.Concat("3848276298220188511", "@atlanta.example.com"), AliceTag, BobTag);
        var swapped = new DialogId(CallId, BobTag, AliceTag);
        var dictionary = new Dictionary<DialogId, string> { [a] = "alice's view" };

        Assert.Equal(a, same);
        Assert.Equal(a.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(a, swapped);
        Assert.NotEqual(a, a with { RemoteTag = BobTag.ToUpperInvariant() + "X" });
        Assert.Equal("alice's view", dictionary[same]);
        Assert.False(dictionary.ContainsKey(swapped));
    }

    [Fact]
    public void IncomingRequestsAndResponsesMatchWithTagsSwapped()
    {
        var aliceTable = new DialogTable();
        var bobTable = new DialogTable();
        Dialog atAlice = Dialog.CreateAsUac(AliceInvite(), ResponseAtAlice(200, "OK"));
        Dialog atBob = Dialog.CreateAsUas(InviteAtBob(), BobTag, "<sip:bob@client.biloxi.example.com>", 200);
        Assert.True(aliceTable.TryAdd(atAlice));
        Assert.True(bobTable.TryAdd(atBob));
        Assert.False(aliceTable.TryAdd(atAlice));

        // Bob's BYE reaches Alice: To carries her tag, From his.
        Assert.True(aliceTable.TryMatchRequest(RequestFromBob("BYE", 1), out Dialog? matched));
        Assert.Same(atAlice, matched);
        Assert.False(bobTable.TryMatchRequest(RequestFromBob("BYE", 1), out _));

        // Alice's BYE reaches Bob.
        Assert.True(bobTable.TryMatchRequest(RequestFromAlice("BYE", 2), out matched));
        Assert.Same(atBob, matched);

        // The 200 to Alice's own BYE comes back to her.
        Assert.True(aliceTable.TryMatchResponse(ResponseAtAlice(200, "OK", cseq: 2, method: "BYE"), out matched));
        Assert.Same(atAlice, matched);
        Assert.False(aliceTable.TryMatchRequest(ResponseAtAlice(200, "OK", cseq: 2, method: "BYE"), out _));
    }

    [Fact]
    public void RequestsOutsideADialogOrForUnknownDialogsDoNotMatch()
    {
        var table = new DialogTable();
        table.TryAdd(Dialog.CreateAsUas(InviteAtBob(), BobTag, "<sip:bob@client.biloxi.example.com>", 200));

        Assert.False(table.TryMatchRequest(InviteAtBob(), out _));
        Assert.False(table.TryMatchRequest(Edited(RequestFromAlice("BYE", 2), $"tag={BobTag}", "tag=999"), out _));
    }

    [Fact]
    public void RemovedDialogsNoLongerMatch()
    {
        var table = new DialogTable();
        Dialog dialog = Dialog.CreateAsUas(InviteAtBob(), BobTag, "<sip:bob@client.biloxi.example.com>", 200);
        table.TryAdd(dialog);

        Assert.True(table.TryRemove(dialog.Id, out Dialog? removed));
        Assert.Same(dialog, removed);
        Assert.False(table.TryRemove(dialog.Id, out _));
        Assert.False(table.TryMatchRequest(RequestFromAlice("BYE", 2), out _));
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public void ConcurrentAddsMatchesAndRemovesStayConsistent()
    {
        var table = new DialogTable();
        SipMessage invite = InviteAtBob();
        Dialog[] dialogs = Enumerable.Range(0, 2000)
            .Select(i => Dialog.CreateAsUas(invite, $"tag{i}", "<sip:bob@client.biloxi.example.com>", 200)).ToArray();

        Parallel.ForEach(dialogs, d => Assert.True(table.TryAdd(d)));
        Assert.Equal(dialogs.Length, table.Count);
        Parallel.For(0, dialogs.Length, i =>
        {
            Assert.True(table.TryGet(dialogs[i].Id, out Dialog? found));
            Assert.Same(dialogs[i], found);
            if (i % 2 == 0) Assert.True(table.TryRemove(dialogs[i].Id, out _));
        });
        Assert.Equal(dialogs.Length / 2, table.Count);
    }
}
