using System.Net;
using AIOps.Collector.Otlp.Grpc;
using AIOps.Testing;

namespace AIOps.Collector.Tests.Otlp.Grpc;

/// <summary>Raw gRPC calls over h2c: what the SDK never sends, and the statuses the receiver answers with.</summary>
public sealed partial class OtlpGrpcEndpointsTests
{
    private static readonly byte[] s_traceId = [.. Enumerable.Range(1, 16).Select(i => (byte)i)];

    private static byte[] ValidSpan(string name) => OtlpProto.Span(s_traceId, [9, 9, 9, 9, 9, 9, 9, 1], name);

    private Task<GrpcReply> ExportTracesAsync(byte[] body, string? encoding = null, string? timeout = null) =>
        _client.SendAsync(_server.GrpcEndpoint, OtlpGrpcEndpoints.TracesPath, body, encoding: encoding, timeout: timeout);

    [Fact]
    public async Task Export_ValidSpan_AnswersOkWithAnEmptyResponseMessage()
    {
        var reply = await ExportTracesAsync(RawGrpcClient.Frame(OtlpProto.TraceRequest(ValidSpan("plain"))));

        reply.HttpStatus.Should().Be(HttpStatusCode.OK);
        reply.Status.Should().Be(0);
        reply.Body.Should().Equal(0, 0, 0, 0, 0);
        _ingest.Spans.Should().ContainSingle(s => s.Name == "plain" && s.SpanId.ToString() == "0909090909090901");
    }

    [Fact]
    public async Task Export_GzipMessage_IsDecompressedAndAccepted()
    {
        var message = OtlpProto.TraceRequest(ValidSpan("zipped"));

        var reply = await ExportTracesAsync(RawGrpcClient.Frame(RawGrpcClient.Gzip(message), compressed: true), encoding: "gzip");

        reply.Status.Should().Be(0);
        _ingest.Spans.Should().ContainSingle(s => s.Name == "zipped" && s.TraceId.ToString() == "0102030405060708090a0b0c0d0e0f10");
    }

    [Fact]
    public async Task Export_FlaggedGzipButNotGzip_AnswersInvalidArgument()
    {
        var reply = await ExportTracesAsync(RawGrpcClient.Frame([1, 2, 3], compressed: true), encoding: "gzip");

        reply.Status.Should().Be(3);
        reply.Message.Should().Contain("not valid gzip");
    }

    [Fact]
    public async Task Export_FlaggedCompressedWithoutAnEncoding_AnswersInternal()
    {
        var reply = await ExportTracesAsync(RawGrpcClient.Frame(OtlpProto.TraceRequest(ValidSpan("flag")), compressed: true));

        reply.Status.Should().Be(13);
        _ingest.Batches.Should().Be(0);
    }

    [Fact]
    public async Task Export_MessageLargerThanTheFlowControlWindow_IsReadWhole()
    {
        var spans = Enumerable.Range(0, 40_000).Select(i => OtlpProto.Span(s_traceId, BitConverter.GetBytes((long)i + 1), "bulk")).ToArray();
        var message = OtlpProto.TraceRequest(spans);
        message.Length.Should().BeGreaterThan(1024 * 1024).And.BeLessThan(OtlpGrpcTestServer.MaxMessageBytes);

        var reply = await ExportTracesAsync(RawGrpcClient.Frame(message));

        reply.Status.Should().Be(0);
        _ingest.Spans.Should().HaveCount(40_000);
    }

    [Fact]
    public async Task Export_ShortTraceIdBesideAValidSpan_AnswersOkWithPartialSuccess()
    {
        var bad = OtlpProto.Span([1, 2, 3], [1, 2, 3, 4, 5, 6, 7, 8], "bad");

        var reply = await ExportTracesAsync(RawGrpcClient.Frame(OtlpProto.TraceRequest(bad, ValidSpan("good"))));

        reply.Status.Should().Be(0);
        var (rejected, message) = OtlpProto.PartialSuccess(reply.ResponseMessage!);
        rejected.Should().Be(1);
        message.Should().Contain("trace_id");
        _ingest.Spans.Should().ContainSingle().Which.Name.Should().Be("good");
    }

    [Fact]
    public async Task Export_MalformedProtobuf_AnswersInvalidArgument()
    {
        var reply = await ExportTracesAsync(RawGrpcClient.Frame([0x0a, 0x05, 0x01]));

        reply.HttpStatus.Should().Be(HttpStatusCode.OK);
        reply.Status.Should().Be(3);
        reply.Message.Should().Contain("runs past the end");
        reply.ResponseMessage.Should().BeNull();
        _ingest.Batches.Should().Be(0);
    }

    [Fact]
    public async Task Export_TruncatedFrame_AnswersInvalidArgument()
    {
        var reply = await ExportTracesAsync(RawGrpcClient.Frame(new byte[10], declaredLength: 100));

        reply.Status.Should().Be(3);
        reply.Message.Should().Be("truncated gRPC frame: 10 of the 100 message bytes");
    }

    [Fact]
    public async Task Export_IngestOverloaded_AnswersUnavailableWithoutAResponseMessage()
    {
        _ingest.Overloaded = true;

        var reply = await ExportTracesAsync(RawGrpcClient.Frame(OtlpProto.TraceRequest(ValidSpan("later"))));

        reply.Status.Should().Be(14);
        reply.Message.Should().Be("the write queue is full");
        reply.Body.Should().BeEmpty();
    }

    [Fact]
    public async Task Export_MessageOverTheLimit_AnswersResourceExhausted()
    {
        var reply = await ExportTracesAsync(RawGrpcClient.Frame(new byte[OtlpGrpcTestServer.MaxMessageBytes + 1]));

        reply.Status.Should().Be(8);
        reply.Message.Should().Contain("more than the limit");
        _ingest.Batches.Should().Be(0);
    }

    [Fact]
    public async Task Export_GzipBombOverTheLimit_AnswersResourceExhausted()
    {
        var bomb = RawGrpcClient.Gzip(new byte[OtlpGrpcTestServer.MaxMessageBytes * 2]);

        var reply = await ExportTracesAsync(RawGrpcClient.Frame(bomb, compressed: true), encoding: "gzip");

        bomb.Length.Should().BeLessThan(64 * 1024);
        reply.Status.Should().Be(8);
        reply.Message.Should().Contain("decompressed");
    }

    [Fact]
    public async Task Export_UnknownEncoding_AnswersUnimplementedAndNamesTheAcceptedOnes()
    {
        var reply = await ExportTracesAsync(RawGrpcClient.Frame([1, 2, 3], compressed: true), encoding: "snappy");

        reply.Status.Should().Be(12);
        reply.Message.Should().Contain("snappy");
        reply.AcceptEncoding.Should().Be("identity,gzip");
    }

    [Fact]
    public async Task Export_IngestSlowerThanTheGrpcTimeout_AnswersDeadlineExceeded()
    {
        _ingest.Hang = true;

        var call = ExportTracesAsync(RawGrpcClient.Frame(OtlpProto.TraceRequest(ValidSpan("slow"))), timeout: "5S");
        await Poll.UntilAsync(() => _ingest.Waiting == 1, s_timeout, "the ingest call");
        _clock.Advance(TimeSpan.FromMilliseconds(4999));
        var early = call.IsCompleted;
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var reply = await call;

        early.Should().BeFalse();
        reply.Status.Should().Be(4);
        _ingest.Batches.Should().Be(0);
    }

    [Fact]
    public async Task Export_NotGrpcContentType_AnswersHttp415()
    {
        var reply = await _client.SendAsync(_server.GrpcEndpoint, OtlpGrpcEndpoints.LogsPath, [0, 0, 0, 0, 0], contentType: "application/x-protobuf");

        reply.HttpStatus.Should().Be(HttpStatusCode.UnsupportedMediaType);
        reply.Status.Should().BeNull();
    }

    [Fact]
    public async Task Export_OverHttp11_AnswersHttp426()
    {
        var reply = await _client.SendAsync(_server.Http1Endpoint, OtlpGrpcEndpoints.MetricsPath, [0, 0, 0, 0, 0], version: HttpVersion.Version11);

        reply.HttpStatus.Should().Be(HttpStatusCode.UpgradeRequired);
    }

    [Fact]
    public async Task Export_GrpcProtoContentTypeWithEmptyMessage_AnswersOk()
    {
        var reply = await _client.SendAsync(_server.GrpcEndpoint, OtlpGrpcEndpoints.MetricsPath, [0, 0, 0, 0, 0], contentType: "application/grpc+proto");

        reply.Status.Should().Be(0);
        reply.Body.Should().Equal(0, 0, 0, 0, 0);
    }
}
