using AIOps.Analyzer.Evaluation.Nab;
using AIOps.Testing;

namespace AIOps.Analyzer.Tests.Evaluation.Nab;

/// <summary>Loads the NAB corpus and the Numenta detector's published per-row scores once for a test class.</summary>
public sealed class NabCorpusFixture
{
    public const string Numenta = "numenta";

    public NabCorpus Corpus { get; } = NabCorpus.Load(SharedDatasets.PathOf("nab"));

    public IReadOnlyDictionary<string, double[]> NumentaScores => _numentaScores.Value;

    private readonly Lazy<IReadOnlyDictionary<string, double[]>> _numentaScores;

    public NabCorpusFixture()
    {
        _numentaScores = new(() => Corpus.LoadResults(Numenta));
    }

    public NabScoredFile[] NumentaScoredFiles() =>
        [.. Corpus.Files.Select(f => new NabScoredFile(f.Name, f.Windows, NumentaScores[f.Name]))];
}
