namespace AIOps.Dashboard.Model;

/// <summary>Items of one signal per second over the interval that ended at <paramref name="Time"/>.</summary>
/// <param name="Time">The end of the interval.</param>
/// <param name="Accepted">Items stored.</param>
/// <param name="Rejected">Items refused as invalid.</param>
/// <param name="Refused">Items refused because the write queue was full (the senders retry them).</param>
public readonly record struct IngestRate(DateTimeOffset Time, double Accepted, double Rejected, double Refused);
