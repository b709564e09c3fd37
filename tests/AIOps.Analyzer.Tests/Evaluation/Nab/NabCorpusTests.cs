using AIOps.Analyzer.Evaluation.Nab;

namespace AIOps.Analyzer.Tests.Evaluation.Nab;

public sealed class NabCorpusTests(NabCorpusFixture nab) : IClassFixture<NabCorpusFixture>
{
    [Fact]
    public void Load_PublishedCorpus_Has58FilesAnd116Windows()
    {
        nab.Corpus.Files.Should().HaveCount(58);
        nab.Corpus.Files.Sum(f => f.Windows.Count).Should().Be(116);
        nab.Corpus.Files.Sum(f => f.Length).Should().Be(365_558);
        nab.Corpus.Profiles.Should().BeEquivalentTo(NabProfile.Published);
    }

    [Fact]
    public void Load_EveryFile_HasItsValuesAndOrderedWindowsInsideIt()
    {
        foreach (var file in nab.Corpus.Files)
        {
            file.Values.Should().HaveCount(file.Length, file.Name);
            foreach (var window in file.Windows)
            {
                window.Start.Should().BeInRange(0, window.End, file.Name);
                window.End.Should().BeLessThan(file.Length, file.Name);
            }

            for (var i = 1; i < file.Windows.Count; i++)
            {
                file.Windows[i - 1].End.Should().BeLessThan(file.Windows[i].Start, file.Name);
            }
        }
    }

    [Fact]
    public void Load_OnlyMachineTemperature_StepsBackInTime()
    {
        var backwards = nab.Corpus.Files.Where(f => f.Timestamps.Zip(f.Timestamps.Skip(1)).Any(p => p.Second < p.First)).Select(f => f.Name);

        // 2014-01-07 02:55 is followed by 02:00; rows are fed as recorded, in file order.
        backwards.Should().Equal("realKnownCause/machine_temperature_system_failure.csv");
    }

    [Fact]
    public void Load_DuplicateTimestamps_AreKeptAsRows()
    {
        var file = nab.Corpus.Files.Single(f => f.Name == "realKnownCause/ec2_request_latency_system_failure.csv");

        file.Length.Should().Be(4032);
        file.Timestamps.Distinct().Should().HaveCount(4032 - 11);
    }

    [Fact]
    public void Load_WindowEdges_AreParsedAsUtc()
    {
        var file = nab.Corpus.Files.Single(f => f.Name == "artificialWithAnomaly/art_daily_flatmiddle.csv");

        // The label says 2014-04-10 07:15:00.000000.
        file.Timestamps[file.Windows[0].Start].Should().Be(new DateTimeOffset(2014, 4, 10, 7, 15, 0, TimeSpan.Zero).ToUnixTimeMilliseconds());
    }
}
