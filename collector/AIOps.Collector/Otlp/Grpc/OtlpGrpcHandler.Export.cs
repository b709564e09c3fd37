using AIOps.Collector.Ingestion;
using AIOps.Collector.Model;

namespace AIOps.Collector.Otlp.Grpc;

internal sealed partial class OtlpGrpcHandler
{
    private async Task<(GrpcStatus Status, byte[]? Reply)> ExportAsync(HttpContext context, Signal signal, CancellationToken cancellationToken)
    {
        var encoding = context.Request.Headers["grpc-encoding"].ToString();
        var gzip = encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase);
        if (!gzip && encoding.Length > 0 && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            // grpc-accept-encoding, on every response, tells the client what to use instead.
            return (new GrpcStatus(GrpcStatusCode.Unimplemented, $"grpc-encoding '{encoding}' is not supported; use identity or gzip"), null);
        }

        var (frame, error) = await GrpcFrameReader.ReadAsync(context.Request.BodyReader, options.MaxMessageBytes, cancellationToken).ConfigureAwait(false);
        if (frame is null)
        {
            return (error, null);
        }

        IngestResult result;
        using (frame)
        {
            var message = frame.Message;
            if (frame.Compressed)
            {
                if (!gzip)
                {
                    return (new GrpcStatus(GrpcStatusCode.Internal, "the message is flagged compressed but grpc-encoding is identity"), null);
                }

                if (BodyReader.Gunzip(message.Span, options.MaxMessageBytes) is not { } inflated)
                {
                    return (new GrpcStatus(GrpcStatusCode.ResourceExhausted, $"the decompressed message is larger than the limit of {options.MaxMessageBytes} bytes"), null);
                }

                message = inflated;
            }

            result = await IngestAsync(signal, message, context.RequestServices.GetRequiredService<ITelemetryIngest>(), cancellationToken).ConfigureAwait(false);
        }

        if (result.Overloaded)
        {
            OtlpGrpcLog.Overloaded(logger, signal, result.RejectionReason);
            return (new GrpcStatus(GrpcStatusCode.Unavailable, result.RejectionReason ?? "overloaded; retry later"), null);
        }

        OtlpGrpcLog.Exported(logger, signal, result.Accepted, result.Rejected);
        return (GrpcStatus.Ok, OtlpResponses.Protobuf(result.Rejected, result.RejectionReason));
    }

    /// <summary>Decodes (synchronously: the message may live in a pooled buffer) and ingests; an empty batch is not ingested.</summary>
    private async ValueTask<IngestResult> IngestAsync(Signal signal, ReadOnlyMemory<byte> message, ITelemetryIngest ingest, CancellationToken cancellationToken)
    {
        switch (signal)
        {
            case Signal.Traces:
                var traces = decoder.DecodeTraces(message.Span);
                return Merge(traces, traces.Batch.Spans.Count == 0 ? null : await ingest.IngestAsync(traces.Batch, cancellationToken).ConfigureAwait(false));
            case Signal.Metrics:
                var metrics = decoder.DecodeMetrics(message.Span);
                return Merge(metrics, metrics.Batch.Samples.Count == 0 ? null : await ingest.IngestAsync(metrics.Batch, cancellationToken).ConfigureAwait(false));
            default:
                var logs = decoder.DecodeLogs(message.Span);
                return Merge(logs, logs.Batch.Records.Count == 0 ? null : await ingest.IngestAsync(logs.Batch, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>Items the decoder left out count as rejected too, and its reason comes first.</summary>
    private static IngestResult Merge<T>(DecodeResult<T> decoded, IngestResult? ingested) => ingested switch
    {
        { Overloaded: true } => ingested,
        null => new IngestResult(0, decoded.Rejected, decoded.RejectionReason),
        _ => new IngestResult(ingested.Accepted, decoded.Rejected + ingested.Rejected, decoded.RejectionReason ?? ingested.RejectionReason),
    };
}
