using AIOps.Analyzer.Evaluation.Rca;
using AIOps.Testing;

namespace AIOps.Analyzer.Tests.Evaluation.Rca;

/// <summary>The shared Sock Shop faults beside the checkout (../shared/datasets/rcd-sockshop), loaded once per class.</summary>
public sealed class SockShopFixture
{
    public IReadOnlyList<RcaCase> Cases { get; } = SockShopDataset.Load(SharedDatasets.PathOf("rcd-sockshop"));
}
