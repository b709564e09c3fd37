using AIOps.Collector.Model;
using Microsoft.AspNetCore.Http.Features;

namespace AIOps.Collector.Otlp.Grpc;

/// <summary>
/// One unary Export call: checks that it is gRPC, reads and decompresses the message, decodes and ingests
/// it, and answers with a status. Client errors become gRPC statuses, never exceptions.
/// </summary>
internal sealed partial class OtlpGrpcHandler(OtlpProtobufDecoder decoder, OtlpGrpcOptions options, TimeProvider timeProvider, ILogger logger)
{
    public async Task HandleAsync(HttpContext context, Signal signal)
    {
        var request = context.Request;
        if (!HttpProtocol.IsHttp2(request.Protocol))
        {
            // 426 as ASP.NET Core's own gRPC server answers: there are no trailers to carry a status.
            await RejectAsync(context, StatusCodes.Status426UpgradeRequired, $"gRPC needs HTTP/2; this request is {request.Protocol}").ConfigureAwait(false);
            return;
        }

        if (!IsGrpcProtobuf(request.ContentType))
        {
            await RejectAsync(context, StatusCodes.Status415UnsupportedMediaType, $"content-type must be application/grpc or application/grpc+proto, not '{request.ContentType}'").ConfigureAwait(false);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            // The frame reader enforces the message limit (and stops at the first byte past the message), so
            // that the client hears RESOURCE_EXHAUSTED rather than Kestrel's HTTP-level refusal.
            bodyLimit.MaxRequestBodySize = null;
        }

        var aborted = context.RequestAborted;
        using var deadline = StartDeadline(request);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, deadline?.Token ?? CancellationToken.None);
        GrpcStatus status;
        byte[]? reply = null;
        try
        {
            (status, reply) = await ExportAsync(context, signal, linked.Token).ConfigureAwait(false);
        }
        catch (Exception) when (aborted.IsCancellationRequested)
        {
            return; // the client is gone: nobody to answer
        }
        catch (OperationCanceledException) when (deadline?.IsCancellationRequested == true)
        {
            status = new GrpcStatus(GrpcStatusCode.DeadlineExceeded, "the grpc-timeout deadline passed");
        }
        catch (OtlpFormatException ex)
        {
            status = new GrpcStatus(GrpcStatusCode.InvalidArgument, ex.Message);
        }
        catch (InvalidDataException ex)
        {
            status = new GrpcStatus(GrpcStatusCode.InvalidArgument, "grpc-encoding gzip, but the message is not valid gzip: " + ex.Message);
        }
        catch (BadHttpRequestException ex)
        {
            status = new GrpcStatus(GrpcStatusCode.InvalidArgument, ex.Message);
        }
        catch (Exception ex)
        {
            // A bug behind this point must still end the call with a status the client understands.
            OtlpGrpcLog.Crashed(logger, signal, ex);
            status = new GrpcStatus(GrpcStatusCode.Internal, "internal error");
        }

        if (!status.IsOk && status.Code != GrpcStatusCode.Unavailable)
        {
            OtlpGrpcLog.Failed(logger, signal, status.Code, status.Message);
        }

        await GrpcResponse.WriteAsync(context.Response, status, reply, aborted).ConfigureAwait(false);
    }

    private static bool IsGrpcProtobuf(string? contentType)
    {
        var mediaType = contentType.AsSpan();
        var parameters = mediaType.IndexOf(';');
        mediaType = (parameters < 0 ? mediaType : mediaType[..parameters]).Trim();
        return mediaType.Equals("application/grpc", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/grpc+proto", StringComparison.OrdinalIgnoreCase);
    }

    private async Task RejectAsync(HttpContext context, int httpStatus, string reason)
    {
        OtlpGrpcLog.NotGrpc(logger, context.Request.Path, httpStatus, reason);
        await GrpcResponse.RejectAsync(context.Response, httpStatus, reason, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The grpc-timeout deadline, on the injected clock; null when there is none (or an unusable one).</summary>
    private CancellationTokenSource? StartDeadline(HttpRequest request)
    {
        if (!request.Headers.TryGetValue("grpc-timeout", out var header))
        {
            return null;
        }

        if (!GrpcTimeout.TryParse(header.ToString(), out var timeout))
        {
            OtlpGrpcLog.InvalidTimeout(logger, header.ToString());
            return null;
        }

        // Timers stop at about 49 days; a deadline that far away is no deadline.
        return timeout.TotalMilliseconds < int.MaxValue ? new CancellationTokenSource(timeout, timeProvider) : null;
    }
}
