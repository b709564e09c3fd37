using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace AIOps.Collector.Otlp.Grpc;

/// <summary>
/// The Kestrel endpoint for OTLP/gRPC: cleartext HTTP/2 only, so clients connect with prior knowledge
/// (h2c), as gRPC clients do on an http:// address; there is no HTTP/1.1 upgrade to negotiate.
/// </summary>
public static class OtlpGrpcListener
{
    public static void Listen(KestrelServerOptions kestrel, IPAddress address, int port)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        kestrel.Listen(address, port, listen => listen.Protocols = HttpProtocols.Http2);
    }
}
