using AIOps.Analyzer.Evaluation.Rca;

namespace AIOps.Analyzer.Tests.Evaluation.Rca;

public sealed class NezhaTraceCsvTests
{
    private static IReadOnlyList<NezhaSpan> Read(params string[] lines) =>
        [.. NezhaTraceCsv.Read(new StringReader(string.Join('\n', [NezhaTraceCsv.Header, .. lines])), "mem.csv")];

    [Fact]
    public void Read_RootAndChild_ParsesIdsServiceAndTimes()
    {
        var spans = Read(
            "t1,a,root,ts-gateway-service-6f6cfc45b-h5m2n,/*,1674981768697000000,1674981769015316530,318316",
            "t1,b,a,ts-auth-service-7f8d7d756d-k7b9j,/api/v1/users/login,1674981768701000000,1674981769012521162,311521\r",
            "");

        spans.Should().HaveCount(2);
        spans[0].Should().Be(new NezhaSpan("t1", "a", null, "ts-gateway-service", "ts-gateway-service-6f6cfc45b-h5m2n", "/*", 1674981768697000000, 1674981769015316530));
        spans[1].ParentId.Should().Be("a");
        spans[1].Service.Should().Be("ts-auth-service");
        spans[1].StartMs.Should().Be(1674981768701);
        spans[1].Duration.TotalMicroseconds.Should().BeApproximately(311521.162, 0.1);
        spans[1].TraceId.Should().BeSameAs(spans[0].TraceId, "repeated values are shared");
    }

    [Fact]
    public void Read_OperationWithCommas_KeepsThemInTheName()
    {
        var span = Read("t1,a,root,ts-x-service-866bd68c97-xcqfx,\"GET /a,b\",1,2,0").Single();

        span.Operation.Should().Be("GET /a,b");
        span.StartUnixNano.Should().Be(1);
    }

    [Theory]
    [InlineData("t1,a,root,pod,op,1,2", "7 cells")]
    [InlineData("t1,a,root,pod,op,12x,2,0", "StartTimeUnixNano '12x'")]
    [InlineData("t1,a,root,pod,op,1,-2,0", "EndTimeUnixNano '-2'")]
    [InlineData(",a,root,pod,op,1,2,0", "must not be empty")]
    public void Read_BadLine_ThrowsNamingFileAndLine(string bad, string why) =>
        FluentActions.Invoking(() => Read("t1,a,root,pod,op,1,2,0", bad))
            .Should().Throw<InvalidDataException>().WithMessage($"mem.csv:3: *{why}*");

    [Fact]
    public void Read_WrongHeader_ThrowsNamingLineOne() =>
        FluentActions.Invoking(() => NezhaTraceCsv.Read(new StringReader("TraceID,SpanID\n"), "x.csv").ToList())
            .Should().Throw<InvalidDataException>().WithMessage("x.csv:1: header*");

    [Fact]
    public async Task ReadFile_BadLineInATempFile_ThrowsNamingThePathAndLineSyncAndAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nezha-{Guid.NewGuid():N}_trace.csv");
        await File.WriteAllLinesAsync(path, [NezhaTraceCsv.Header, "t1,a,root,pod-866bd68c97-xcqfx,op,1,2,1", "t1,b,a,pod-866bd68c97-xcqfx,op,1,2,1", "t1,c,a,pod,op,1"]);
        try
        {
            var sync = () => NezhaTraceCsv.ReadFile(path).ToList();
            sync.Should().Throw<InvalidDataException>().WithMessage($"{path}:4: 6 cells*");

            var read = new List<NezhaSpan>();
            var async = async () =>
            {
                await foreach (var span in NezhaTraceCsv.ReadFileAsync(path))
                {
                    read.Add(span);
                }
            };
            await async.Should().ThrowAsync<InvalidDataException>().WithMessage($"{path}:4: 6 cells*");
            read.Select(s => s.SpanId).Should().Equal("a", "b");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
