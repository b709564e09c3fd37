using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AIOps.Dashboard.Tests.Cli;

/// <summary>`aiops rca` on a metrics table written by the test: the ranking, and errors that name what is wrong.</summary>
public sealed class RcaCommandTests : IDisposable
{
    private const long Start = 1_700_000_000;
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-rca-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Five minutes before and two after <see cref="Start"/>; the payment CPU is hogged from the start.</summary>
    private string Metrics(Func<string, string>? edit = null)
    {
        var random = new Random(3);
        var csv = new StringBuilder("time,carts_cpu,payment_cpu,payment-db_mem,user_lat_90\n");
        for (var t = Start - 300; t < Start + 120; t++)
        {
            var hog = t >= Start ? 90 : 0;
            csv.Append(CultureInfo.InvariantCulture, $"{t},{2 + random.NextDouble()},{1 + random.NextDouble() + hog},{2e8 + (random.NextDouble() * 1e6)},{0.02 + (random.NextDouble() * 0.005)}\n");
        }

        var path = Path.Combine(_directory, "metrics.csv");
        File.WriteAllText(path, edit is null ? csv.ToString() : edit(csv.ToString()));
        return path;
    }

    private static string ReplaceCell(string line, int index, string value)
    {
        var cells = line.Split(',');
        cells[index] = value;
        return string.Join(',', cells);
    }

    [Fact]
    public async Task Rca_Json_RanksTheHoggedServiceFirstWithItsMetric()
    {
        var run = await AiopsRun.ExecuteAsync("rca", "--metrics", Metrics(), "--anomaly-start", Start.ToString(CultureInfo.InvariantCulture), "--json");

        run.ExitCode.Should().Be(0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var candidates = json.RootElement.GetProperty("candidates").EnumerateArray().ToList();
        candidates.Select(c => c.GetProperty("service").GetString()).Should().BeEquivalentTo(["payment", "carts", "user"]);
        var top = candidates[0];
        top.GetProperty("service").GetString().Should().Be("payment");
        top.GetProperty("metric").GetString().Should().Be("payment_cpu");
        top.GetProperty("baseline_median").GetDouble().Should().BeInRange(1, 2);
        top.GetProperty("anomalous_median").GetDouble().Should().BeInRange(91, 92);
        top.GetProperty("score").GetDouble().Should().BeGreaterThan(100);
    }

    [Fact]
    public async Task Rca_Table_PrintsOneRankedLinePerService()
    {
        var run = await AiopsRun.ExecuteAsync("rca", "--metrics", Metrics(), "--anomaly-start", Start.ToString(CultureInfo.InvariantCulture));

        run.ExitCode.Should().Be(0, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(4);
        lines[1].Should().MatchRegex(@"^\s*1\s+payment\s+\d+\.\d\s+payment_cpu\s");
    }

    [Theory]
    [InlineData("missing", "1700000000", "--metrics", "none.csv does not exist")]
    [InlineData("no-time", "1700000000", "--metrics", "metrics.csv:1: no 'time' column")]
    [InlineData("text-cell", "1700000000", "--metrics", "metrics.csv:4: column 'carts_cpu': 'high' is not a number")]
    [InlineData("ok", "1600000000", "--anomaly-start", "1600000000 is outside the data")]
    [InlineData("ok", "1800000000", "--anomaly-start", "1800000000 is outside the data")]
    [InlineData("ok", "1699999702", "--anomaly-start", "1699999702 leaves 2 rows before it; the baseline needs at least 3")]
    public async Task Rca_BadInput_ExitsWith2NamingTheFieldOrLine(string file, string start, string field, string message)
    {
        var path = file switch
        {
            "missing" => Path.Combine(_directory, "none.csv"),
            "no-time" => Metrics(csv => csv.Replace("time,", "when,", StringComparison.Ordinal)),
            "text-cell" => Metrics(csv => string.Join('\n', csv.Split('\n').Select((line, i) => i == 3 ? ReplaceCell(line, 1, "high") : line))),
            _ => Metrics(),
        };

        var run = await AiopsRun.ExecuteAsync("rca", "--metrics", path, "--anomaly-start", start);

        run.ExitCode.Should().Be(2, run.Output);
        run.Error.Should().StartWith($"error: {field}").And.Contain(message);
    }
}
