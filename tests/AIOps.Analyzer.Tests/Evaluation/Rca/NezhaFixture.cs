using AIOps.Analyzer.Evaluation.Rca;
using AIOps.Testing;

namespace AIOps.Analyzer.Tests.Evaluation.Rca;

/// <summary>The shared Nezha TrainTicket faults beside the checkout (../shared/datasets/nezha-tt), listed once per class.</summary>
public sealed class NezhaFixture
{
    public NezhaDataset Dataset { get; } = NezhaDataset.Load(SharedDatasets.PathOf("nezha-tt"));
}
