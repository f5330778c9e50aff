using System.Collections.Concurrent;

namespace VoipCore.Transport;

/// <summary>Open connections by remote address, so requests and responses reuse them (RFC 3261 18.1/18.2).</summary>
internal sealed class ConnectionTable
{
    private readonly ConcurrentDictionary<TransportAddress, ISipConnection> _byRemote = new();

    public int Count => _byRemote.Count;

    public bool TryGet(TransportAddress remote, out ISipConnection connection)
    {
        if (_byRemote.TryGetValue(remote, out connection!) && connection.IsOpen)
        {
            return true;
        }
        return false;
    }

    public void Add(ISipConnection connection) => _byRemote[connection.Remote] = connection;

    public void Remove(ISipConnection connection) =>
        _byRemote.TryRemove(new KeyValuePair<TransportAddress, ISipConnection>(connection.Remote, connection));

    public void CloseAll()
    {
        foreach (var connection in _byRemote.Values)
        {
            connection.Close();
        }
        _byRemote.Clear();
    }
}
