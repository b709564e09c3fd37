using AIOps.Analyzer.Analysis;
using AIOps.Analyzer.Changes;
using AIOps.Analyzer.RootCause;
using AIOps.Collector.Model;

namespace AIOps.Analyzer.Tests.Analysis;

public sealed class RcaSpanConverterTests
{
    private static readonly TelemetryResource s_hotel1 = Resource("hotel", "hotel-1");

    private static TelemetryResource Resource(string service, string? instance) =>
        new([new KeyValue("service.name", AttributeValue.OfText(service)), .. instance is null ? Array.Empty<KeyValue>() : [new KeyValue("service.instance.id", AttributeValue.OfText(instance))]]);

    private static SpanData Span(TelemetryResource resource, SpanKind kind = SpanKind.Server, SpanStatus status = SpanStatus.Unset, KeyValue[]? attributes = null, ulong parent = 0, long start = 1_000) => new()
    {
        Resource = resource,
        Scope = new InstrumentationScope("test", null),
        TraceId = new TraceId(0x0123456789abcdef, 0xfedcba9876543210),
        SpanId = new SpanId(0x42),
        ParentSpanId = new SpanId(parent),
        Name = "GET /hotels/{id}",
        Kind = kind,
        StartUnixNano = start,
        EndUnixNano = start + 2_500,
        Status = status,
        Attributes = attributes ?? [],
    };

    [Fact]
    public void Convert_ServerSpan_TakesServiceFromTheResourceAndOperationFromTheName()
    {
        var span = new RcaSpanConverter().Convert(Span(s_hotel1, parent: 0x17));

        span.Should().Be(new RcaSpan("0123456789abcdeffedcba9876543210", "0000000000000042", "0000000000000017", "hotel", "GET /hotels/{id}", 1_000, 3_500, false));
    }

    [Theory]
    [InlineData(SpanKind.Client, "payment")]
    [InlineData(SpanKind.Server, null)]
    public void Convert_PeerService_NamesTheServiceACallGoesTo(SpanKind kind, string? peer)
    {
        KeyValue[] attributes = [new("peer.service", AttributeValue.OfText("payment"))];

        new RcaSpanConverter().Convert(Span(s_hotel1, kind, attributes: attributes)).Peer.Should().Be(peer);
    }

    [Fact]
    public void Convert_Root_HasNoParent()
    {
        new RcaSpanConverter().Convert(Span(s_hotel1)).ParentId.Should().BeNull();
    }

    [Theory]
    [InlineData(SpanKind.Server, SpanStatus.Error, null, true)]
    [InlineData(SpanKind.Internal, SpanStatus.Error, null, true)]
    [InlineData(SpanKind.Server, SpanStatus.Unset, 500L, true)]
    [InlineData(SpanKind.Server, SpanStatus.Unset, 503L, true)]
    [InlineData(SpanKind.Server, SpanStatus.Unset, 404L, false)]
    [InlineData(SpanKind.Server, SpanStatus.Ok, 200L, false)]
    [InlineData(SpanKind.Client, SpanStatus.Unset, 503L, false)]
    public void Convert_StatusAndHttpCode_FailsOnErrorOrServer5xx(SpanKind kind, SpanStatus status, long? httpStatus, bool failed)
    {
        KeyValue[] attributes = httpStatus is { } code ? [new("http.response.status_code", AttributeValue.OfIntegral(code))] : [];

        new RcaSpanConverter().Convert(Span(s_hotel1, kind, status, attributes)).IsError.Should().Be(failed);
    }

    [Fact]
    public void Convert_OldConventionTextStatus_CountsToo()
    {
        var span = Span(s_hotel1, attributes: [new("http.status_code", AttributeValue.OfText("502"))]);

        new RcaSpanConverter().Convert(span).IsError.Should().BeTrue();
    }

    [Fact]
    public void Instances_SpansOfSeveralInstances_GivesFirstAndLastSightingOfEach()
    {
        var converter = new RcaSpanConverter();
        var hotel2 = Resource("hotel", "hotel-2");
        foreach (var (resource, start) in new[] { (s_hotel1, 5_000L), (hotel2, 7_000L), (s_hotel1, 2_000L), (s_hotel1, 9_000L), (Resource("search", null), 1_000L) })
        {
            converter.Convert(Span(resource, start: start));
        }

        converter.Instances().Should().BeEquivalentTo(new[]
        {
            new InstanceSighting("hotel", "hotel-1", 2_000, 9_000),
            new InstanceSighting("hotel", "hotel-2", 7_000, 7_000),
        });
    }

    [Fact]
    public void Convert_SpansOfOneTrace_ShareTheTraceIdString()
    {
        var converter = new RcaSpanConverter();

        var first = converter.Convert(Span(s_hotel1));
        var second = converter.Convert(Span(s_hotel1));

        ReferenceEquals(first.TraceId, second.TraceId).Should().BeTrue();
        ReferenceEquals(first.Operation, second.Operation).Should().BeTrue();
    }
}
