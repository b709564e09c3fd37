using System.Globalization;
using AIOps.Collector.Ingestion;
using AIOps.Collector.Model;
using AIOps.Collector.Otlp;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AIOps.Collector.Prometheus;

/// <summary>
/// The Prometheus remote-write 1.0 receiver. The statuses follow what Prometheus does with them:
/// 204 stored; 400 bad data, dropped without retry; 413/415 not retried either; 503 with Retry-After
/// when the write queue is full, retried with backoff.
/// </summary>
public static class PrometheusEndpoints
{
    public const string RemoteWritePath = "/api/v1/write";
    public const string VersionHeader = "X-Prometheus-Remote-Write-Version";
    private const string ProtobufMediaType = "application/x-protobuf";
    private const string LogCategory = "AIOps.Collector.Prometheus.RemoteWrite";

    public static IEndpointConventionBuilder MapPrometheusRemoteWrite(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(RemoteWritePath, WriteAsync).WithName("PrometheusRemoteWrite");

    private static async Task<Results<NoContent, ProblemHttpResult>> WriteAsync(
        HttpContext context, RemoteWriteDecoder decoder, ITelemetryIngest ingest, IOptions<RemoteWriteOptions> options, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(LogCategory);
        var limits = options.Value;
        var request = context.Request;
        if (UnsupportedFormat(request) is { } unsupported)
        {
            return Refuse(logger, StatusCodes.Status415UnsupportedMediaType, unsupported);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limits.MaxBodyBytes + 1L;
        }

        var body = await BodyReader.ReadAsync(request.Body, request.ContentLength, limits.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return Refuse(logger, StatusCodes.Status413PayloadTooLarge, $"the body is larger than {limits.MaxBodyBytes} bytes");
        }

        if (RemoteWriteDecoder.TryReadDecodedLength(body, out var decodedLength) && decodedLength > limits.MaxDecodedBytes)
        {
            return Refuse(logger, StatusCodes.Status413PayloadTooLarge, $"the body decompresses to {decodedLength} bytes, more than {limits.MaxDecodedBytes}");
        }

        DecodeResult<MetricBatch> decoded;
        try
        {
            decoded = decoder.Decode(body, limits.MaxDecodedBytes);
        }
        catch (RemoteWriteFormatException e)
        {
            return Refuse(logger, StatusCodes.Status400BadRequest, e.Message);
        }

        var batch = decoded.Batch;
        IngestResult? stored = null;
        if (batch.Samples.Count > 0 || batch.Metadata.Count > 0)
        {
            stored = await ingest.IngestAsync(batch, context.RequestAborted).ConfigureAwait(false);
            if (stored.Overloaded)
            {
                PrometheusLog.RemoteWriteOverloaded(logger, batch.Samples.Count);
                context.Response.Headers.RetryAfter = Math.Ceiling(limits.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem("the write queue is full; retry later", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Overloaded");
            }
        }

        // Valid samples are stored; invalid ones are reported with 400 so that the sender does not resend the lot.
        var rejected = decoded.Rejected + (stored?.Rejected ?? 0);
        if (rejected > 0)
        {
            var reason = decoded.RejectionReason ?? stored?.RejectionReason;
            PrometheusLog.RemoteWriteRejected(logger, rejected, reason);
            return TypedResults.Problem($"{rejected} samples rejected: {reason}", statusCode: StatusCodes.Status400BadRequest, title: "Samples rejected");
        }

        return TypedResults.NoContent();
    }

    /// <summary>
    /// Why the body is not remote-write 1.0: RFC 9110 answers 415 for an unsupported Content-Type or
    /// Content-Encoding alike. Remote-write 2.0 (io.prometheus.write.v2.Request) is refused the same way.
    /// </summary>
    private static string? UnsupportedFormat(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var media)
            || !media.MediaType.Equals(ProtobufMediaType, StringComparison.OrdinalIgnoreCase))
        {
            return $"Content-Type must be {ProtobufMediaType}, not '{request.ContentType}'";
        }

        var proto = media.Parameters.FirstOrDefault(p => p.Name.Equals("proto", StringComparison.OrdinalIgnoreCase))?.Value.Value;
        if (proto is not null && !proto.Equals("prometheus.WriteRequest", StringComparison.Ordinal))
        {
            return $"only remote-write 1.0 (proto=prometheus.WriteRequest) is supported, not proto={proto}";
        }

        var encoding = request.Headers.ContentEncoding.ToString();
        if (!encoding.Equals("snappy", StringComparison.OrdinalIgnoreCase))
        {
            return $"Content-Encoding must be snappy, not '{encoding}'";
        }

        var version = request.Headers[VersionHeader].ToString();
        if (version.Length > 0 && !version.StartsWith("0.", StringComparison.Ordinal) && !version.StartsWith("1.", StringComparison.Ordinal))
        {
            return $"{VersionHeader} {version} is not supported; send remote-write 1.0 (0.1.0)";
        }

        return null;
    }

    private static ProblemHttpResult Refuse(ILogger logger, int status, string reason)
    {
        PrometheusLog.RemoteWriteRefused(logger, status, reason);
        return TypedResults.Problem(reason, statusCode: status);
    }
}
