using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Tests.RootCause;

public sealed class EvidenceBoardTests
{
    private static CauseEvidence Evidence(double score, CauseEvidenceKind kind = CauseEvidenceKind.Latency, string subject = "op") =>
        new(kind, subject, 0, score, score, "", []);

    private static void Add(EvidenceBoard board, string service, string feature, double value, double threshold = 1) =>
        board.Add(service, feature, value, threshold, Evidence(value));

    // The best feature's name as the indicator, so that tests see which feature a service scored by.
    private static IReadOnlyList<RankedCause> Rank(EvidenceBoard board) => board.Rank((feature, _) => feature);

    [Fact]
    public void Rank_StandoutOnOneFeature_BeatsASlightLeadOnAnother()
    {
        var board = new EvidenceBoard();
        Add(board, "payment", "latency", 10);
        Add(board, "order", "latency", 1);
        Add(board, "order", "network", 5);
        Add(board, "payment", "network", 4);

        var ranking = Rank(board);

        // payment: 10 / 1 on latency; order: its best is 5 / 4 on network (1 / 10 on latency).
        ranking.Select(c => (c.Service, c.Score, c.Indicator)).Should().Equal(("payment", 1.0, "latency"), ("order", 1.25 / 10, "network"));
    }

    [Fact]
    public void Rank_NoServiceReachesAThreshold_IsEmpty()
    {
        var board = new EvidenceBoard();
        Add(board, "payment", "latency", 2.9, threshold: 3);
        Add(board, "order", "latency", 0.5, threshold: 3);
        Add(board, "order", "calls", 0.2, threshold: 0.3);

        Rank(board).Should().BeEmpty("noise moves every feature a little, and none moved as far as its threshold");

        Add(board, "order", "calls", 0.3, threshold: 0.3);
        Rank(board).Select(c => c.Service).Should().Equal(["order", "payment"], "once one feature reaches its threshold, every service with evidence is ranked");
    }

    [Fact]
    public void Rank_ServiceAloneOnAFeature_IsDividedByTheThreshold()
    {
        var board = new EvidenceBoard();
        Add(board, "payment", "latency", 6, threshold: 3);
        Add(board, "order", "calls", 1, threshold: 0.25);

        // order: 1 / 0.25 = 4; payment: 6 / 3 = 2.
        Rank(board).Select(c => (c.Service, c.Score)).Should().Equal(("order", 1.0), ("payment", 0.5));
    }

    [Fact]
    public void Rank_ThresholdAboveTheRival_IsTheDivisor()
    {
        var board = new EvidenceBoard();
        Add(board, "payment", "latency", 12, threshold: 3);
        Add(board, "order", "latency", 1, threshold: 3);
        Add(board, "user", "calls", 1, threshold: 0.5);

        // payment: 12 / max(1, 3) = 4; order: 1 / max(12, 3); user: 1 / 0.5 = 2.
        Rank(board).Select(c => (c.Service, c.Score)).Should().Equal(("payment", 1.0), ("user", 0.5), ("order", 1 / 12.0 / 4));
    }

    [Fact]
    public void Rank_SameServiceAndFeatureTwice_CountsTheLargerAndKeepsBothEvidence()
    {
        var board = new EvidenceBoard();
        board.Add("payment", "latency", 2, 1, Evidence(2, subject: "GET /a"));
        board.Add("payment", "latency", 8, 1, Evidence(8, subject: "POST /b"));
        Add(board, "order", "latency", 4);

        var ranking = Rank(board);

        ranking.Select(c => (c.Service, c.Score)).Should().Equal(("payment", 1.0), ("order", 4 / 8.0 / 2));
        ranking[0].Evidence.Select(e => e.Subject).Should().Equal("POST /b", "GET /a");
        ranking[0].Operation.Should().Be("POST /b", "the strongest operation-level evidence names the operation");
    }

    [Fact]
    public void Rank_TiesAndOperations_TiesInNameOrderAndOnlyOperationEvidenceNamesAnOperation()
    {
        var board = new EvidenceBoard();
        board.Add("user", "change", 1, 1, Evidence(1, CauseEvidenceKind.Change, "restart"));
        board.Add("carts", "change", 1, 1, Evidence(1, CauseEvidenceKind.Change, "deploy"));
        board.Add("carts", "network", 0.5, 3, Evidence(0.5, CauseEvidenceKind.Network, "orders -> carts"));
        board.Instance("carts", "carts-2", 3);
        board.Instance("carts", "carts-9", 1); // weaker evidence than carts-2's: carts-2 stays named

        var ranking = Rank(board);

        ranking.Select(c => (c.Service, c.Score, c.Instance)).Should().Equal(("carts", 1.0, "carts-2"), ("user", 1.0, null));
        ranking.Should().OnlyContain(c => c.Operation == null);
    }

    [Fact]
    public void Rank_OnlyZeroValues_GivesNoCandidates()
    {
        var board = new EvidenceBoard();
        Add(board, "payment", "latency", 0);
        Add(board, "order", "network", 0);

        Rank(board).Should().BeEmpty();
    }
}
