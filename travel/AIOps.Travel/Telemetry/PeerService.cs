namespace AIOps.Travel.Telemetry;

/// <summary>
/// The logical service an outgoing call is addressed to, for the duration of the call: the balancer sets it before it
/// picks an instance, and <see cref="PeerServiceProcessor"/> copies it onto the HTTP client span as
/// <c>peer.service</c>. The span itself only knows the instance's address, so without it a call that never reached a
/// server (connection refused, the instance gone) could not be told apart from the caller's own failure.
/// </summary>
internal static class PeerService
{
    private static readonly AsyncLocal<string?> s_current = new();

    /// <summary>The service being called in this asynchronous flow, if any.</summary>
    public static string? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }
}
