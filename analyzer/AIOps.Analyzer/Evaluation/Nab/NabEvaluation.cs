using AIOps.Analyzer.Detection;

namespace AIOps.Analyzer.Evaluation.Nab;

/// <summary>Runs a streaming detector over every NAB file and scores it with one optimised threshold per profile.</summary>
public static class NabEvaluation
{
    /// <summary>Evaluates a detector, a fresh one per file.</summary>
    public static NabEvaluationResult Run(NabCorpus corpus, Func<IStreamingDetector> detectorFactory)
    {
        ArgumentNullException.ThrowIfNull(detectorFactory);
        return Run(corpus, _ => detectorFactory());
    }

    /// <summary>Evaluates a detector made for each file (replays of published results need to know the file).</summary>
    public static NabEvaluationResult Run(NabCorpus corpus, Func<NabFile, IStreamingDetector> detectorFactory)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(detectorFactory);
        var scored = corpus.Files.Select(f => new NabScoredFile(f.Name, f.Windows, Detect(f, detectorFactory(f)))).ToArray();
        return new NabEvaluationResult(NabThresholdOptimizer.Optimize(scored, corpus.Profiles));
    }

    /// <summary>Feeds the file's rows in order and keeps each row's score.</summary>
    public static double[] Detect(NabFile file, IStreamingDetector detector)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(detector);
        var scores = new double[file.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = detector.Update(file.Timestamps[i], file.Values[i]);
        }

        return scores;
    }
}
