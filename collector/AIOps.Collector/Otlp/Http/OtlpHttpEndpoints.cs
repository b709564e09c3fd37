using System.Text.Json;
using AIOps.Collector.Ingestion;
using AIOps.Collector.Model;
using AIOps.Collector.Otlp.Json;
using Microsoft.Extensions.Options;

namespace AIOps.Collector.Otlp.Http;

/// <summary>
/// OTLP/HTTP: POST /v1/traces, /v1/metrics and /v1/logs with protobuf or JSON bodies, optionally
/// gzip-compressed. Answers as the OTLP specification says: 200 with an Export*ServiceResponse (partial
/// success when items were rejected), 400 with a Status for bad data (not retryable), 401 for a wrong
/// key, 413 for too large a body, 415 for an unsupported type or encoding, 503 with Retry-After when
/// the write queue is full (retryable).
/// </summary>
public static class OtlpHttpEndpoints
{
    private const string Protobuf = "application/x-protobuf";
    private const string Json = "application/json";

    public static IEndpointRouteBuilder MapOtlpHttp(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/traces", (HttpContext context) => HandleAsync(context, Signal.Traces)).DisableAntiforgery();
        app.MapPost("/v1/metrics", (HttpContext context) => HandleAsync(context, Signal.Metrics)).DisableAntiforgery();
        app.MapPost("/v1/logs", (HttpContext context) => HandleAsync(context, Signal.Logs)).DisableAntiforgery();
        return app;
    }

    private static async Task HandleAsync(HttpContext context, Signal signal)
    {
        var services = context.RequestServices;
        var request = context.Request;
        var options = services.GetRequiredService<IOptions<CollectorOptions>>().Value;
        var json = request.ContentType?.StartsWith(Json, StringComparison.OrdinalIgnoreCase) == true;
        var protobuf = request.ContentType?.StartsWith(Protobuf, StringComparison.OrdinalIgnoreCase) == true;
        if (!services.GetRequiredService<IngestAuthorization>().IsAuthorized(request))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await RejectAsync(context, signal, StatusCodes.Status401Unauthorized, "missing or wrong API key (x-api-key or Authorization: Bearer)", json).ConfigureAwait(false);
            return;
        }

        if (!json && !protobuf)
        {
            await RejectAsync(context, signal, StatusCodes.Status415UnsupportedMediaType, $"Content-Type must be {Protobuf} or {Json}, not '{request.ContentType}'", json).ConfigureAwait(false);
            return;
        }

        var encoding = request.Headers.ContentEncoding.ToString();
        if (encoding.Length > 0 && !encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase) && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            await RejectAsync(context, signal, StatusCodes.Status415UnsupportedMediaType, $"Content-Encoding '{encoding}' is not supported (gzip or none)", json).ConfigureAwait(false);
            return;
        }

        var body = await BodyReader.ReadAsync(request.Body, request.ContentLength, options.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await RejectAsync(context, signal, StatusCodes.Status413PayloadTooLarge, $"the body is larger than {options.MaxBodyBytes} bytes", json).ConfigureAwait(false);
            return;
        }

        if (encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                body = BodyReader.Gunzip(body, options.MaxDecompressedBytes);
            }
            catch (InvalidDataException)
            {
                await RejectAsync(context, signal, StatusCodes.Status400BadRequest, "the body is not valid gzip", json).ConfigureAwait(false);
                return;
            }

            if (body is null)
            {
                await RejectAsync(context, signal, StatusCodes.Status413PayloadTooLarge, $"the decompressed body is larger than {options.MaxDecompressedBytes} bytes", json).ConfigureAwait(false);
                return;
            }
        }

        var decoder = services.GetRequiredService<OtlpProtobufDecoder>();
        var ingest = services.GetRequiredService<ITelemetryIngest>();
        IngestResult result;
        long decodeRejected;
        string? decodeReason;
        try
        {
            var wire = json ? OtlpJsonTranscoder.ToProtobuf(body, RequestMessage(signal)) : body;
            (result, decodeRejected, decodeReason) = signal switch
            {
                Signal.Traces => await IngestAsync(ingest, decoder.DecodeTraces(wire), context.RequestAborted).ConfigureAwait(false),
                Signal.Metrics => await IngestAsync(ingest, decoder.DecodeMetrics(wire), context.RequestAborted).ConfigureAwait(false),
                _ => await IngestAsync(ingest, decoder.DecodeLogs(wire), context.RequestAborted).ConfigureAwait(false),
            };
        }
        catch (OtlpFormatException ex)
        {
            await RejectAsync(context, signal, StatusCodes.Status400BadRequest, ex.Message, json).ConfigureAwait(false);
            return;
        }
        catch (Storage.StoreException)
        {
            context.Response.Headers.RetryAfter = "5";
            await RejectAsync(context, signal, StatusCodes.Status503ServiceUnavailable, "the store could not write; retry later", json).ConfigureAwait(false);
            return;
        }

        if (result.Overloaded)
        {
            context.Response.Headers.RetryAfter = "1";
            await RejectAsync(context, signal, StatusCodes.Status503ServiceUnavailable, "the write queue is full; retry later", json).ConfigureAwait(false);
            return;
        }

        var rejected = decodeRejected + result.Rejected;
        var reason = decodeReason ?? result.RejectionReason;
        context.Response.StatusCode = StatusCodes.Status200OK;
        if (json)
        {
            await context.Response.WriteAsJsonAsync(OtlpResponses.Json(signal, rejected, reason)).ConfigureAwait(false);
        }
        else
        {
            context.Response.ContentType = Protobuf;
            await context.Response.Body.WriteAsync(OtlpResponses.Protobuf(rejected, reason)).ConfigureAwait(false);
        }
    }

    private static async Task<(IngestResult, long, string?)> IngestAsync<T>(ITelemetryIngest ingest, DecodeResult<T> decoded, CancellationToken cancellationToken)
    {
        var result = decoded.Batch switch
        {
            TraceBatch traces => await ingest.IngestAsync(traces, cancellationToken).ConfigureAwait(false),
            MetricBatch metrics => await ingest.IngestAsync(metrics, cancellationToken).ConfigureAwait(false),
            LogBatch logs => await ingest.IngestAsync(logs, cancellationToken).ConfigureAwait(false),
            _ => throw new InvalidOperationException("unknown batch"),
        };
        return (result, decoded.Rejected, decoded.RejectionReason);
    }

    private static string RequestMessage(Signal signal) => signal switch
    {
        Signal.Traces => "ExportTraceServiceRequest",
        Signal.Metrics => "ExportMetricsServiceRequest",
        _ => "ExportLogsServiceRequest",
    };

    /// <summary>An error answer: a google.rpc.Status (code 3 or 14, message) in the request's encoding.</summary>
    private static async Task RejectAsync(HttpContext context, Signal signal, int status, string message, bool json)
    {
        var services = context.RequestServices;
        CollectorLog.RequestRejected(services.GetRequiredService<ILoggerFactory>().CreateLogger("AIOps.Collector.Otlp"), signal.ToString(), status, message);
        services.GetRequiredService<Observability.CollectorMetrics>().RequestRejected(signal, status);

        var code = status == StatusCodes.Status503ServiceUnavailable ? 14 : status == StatusCodes.Status401Unauthorized ? 16 : 3;
        context.Response.StatusCode = status;
        if (json)
        {
            await context.Response.WriteAsync(JsonSerializer.Serialize(new { code, message }), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = Protobuf;
        await context.Response.Body.WriteAsync(RpcStatus(code, message), context.RequestAborted).ConfigureAwait(false);
    }

    private static byte[] RpcStatus(int code, string message)
    {
        var text = System.Text.Encoding.UTF8.GetBytes(message);
        using var buffer = new MemoryStream();
        buffer.WriteByte(0x08);
        buffer.WriteByte((byte)code);
        buffer.WriteByte(0x12);
        var length = text.Length;
        while (length >= 0x80)
        {
            buffer.WriteByte((byte)(length | 0x80));
            length >>= 7;
        }

        buffer.WriteByte((byte)length);
        buffer.Write(text);
        return buffer.ToArray();
    }
}
