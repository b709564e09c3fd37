using System.Net;
using System.Net.Sockets;

namespace AIOps.Testing;

/// <summary>A port free on 127.0.0.1 right now, for processes that must be told their port up front.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
