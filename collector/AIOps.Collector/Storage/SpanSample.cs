namespace AIOps.Collector.Storage;

/// <summary>
/// The spans a range read returned: all of those that started in the range, or, when there were more than the
/// read's bound, the spans of a sample of whole traces.
/// </summary>
/// <typeparam name="T">What each span was made into.</typeparam>
/// <param name="Spans">The spans kept, in no particular order.</param>
/// <param name="Matched">How many spans started in the range; more than <c>Spans.Count</c> when the read sampled.</param>
public sealed record SpanSample<T>(IReadOnlyList<T> Spans, long Matched)
{
    /// <summary>Whether traces were left out to stay within the bound.</summary>
    public bool Sampled => Spans.Count < Matched;
}
