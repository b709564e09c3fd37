using System.ComponentModel.DataAnnotations;

namespace AIOps.Collector.Otlp.Grpc;

/// <summary>The OTLP/gRPC receiver: where it listens and how large a message it takes.</summary>
public sealed class OtlpGrpcOptions
{
    public const string SectionName = "Collector:OtlpGrpc";

    public const int DefaultMaxMessageBytes = 16 * 1024 * 1024;

    /// <summary>The cleartext HTTP/2 port, 4317 as the OTLP specification has it.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 4317;

    /// <summary>The largest request message, compressed as sent and again after decompression (RESOURCE_EXHAUSTED beyond it).</summary>
    [Range(1024, 1024 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = DefaultMaxMessageBytes;
}
