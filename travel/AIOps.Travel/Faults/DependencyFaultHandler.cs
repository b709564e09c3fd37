namespace AIOps.Travel.Faults;

/// <summary>
/// The outermost handler of every outgoing call: takes a slot of the instance's connection pool and
/// applies slow- and failing-dependency faults. These act inside the calling instance, so the
/// caller, not the dependency, is where the fault shows.
/// </summary>
internal sealed class DependencyFaultHandler(FaultInjector faults, OutboundConnectionPool pool) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var dependency = request.RequestUri?.Host ?? string.Empty;
        using var lease = await pool.AcquireAsync(cancellationToken).ConfigureAwait(false);
        var delay = faults.DependencyDelay(dependency, out var slow);
        if (slow is not null)
        {
            FaultInjector.MarkApplied(slow);
            await FaultDelay.AtLeastAsync(delay, cancellationToken).ConfigureAwait(false);
        }

        if (faults.ShouldFailDependency(dependency, out var failing))
        {
            FaultInjector.MarkApplied(failing!);
            throw new HttpRequestException(HttpRequestError.ConnectionError, $"call to '{dependency}' failed (injected fault {failing!.Id})");
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
