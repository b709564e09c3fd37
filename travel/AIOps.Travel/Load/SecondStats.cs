namespace AIOps.Travel.Load;

/// <summary>What happened in one real second of the run.</summary>
/// <param name="Second">Seconds since the start.</param>
/// <param name="SimulatedTime">The simulated weekday and time, e.g. "Tue 19:30".</param>
/// <param name="Expected">Requests the traffic shape scheduled for this second.</param>
/// <param name="Sent">Requests started.</param>
/// <param name="Completed">Responses received (any status) or failures.</param>
/// <param name="Errors">5xx responses and transport failures.</param>
/// <param name="FlashSale">Whether a flash sale was on.</param>
public sealed record SecondStats(int Second, string SimulatedTime, double Expected, long Sent, long Completed, long Errors, bool FlashSale);
