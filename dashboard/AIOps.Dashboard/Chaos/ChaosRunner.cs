using System.Globalization;
using AIOps.Dashboard.Demo;

namespace AIOps.Dashboard.Chaos;

/// <summary>
/// Drives a chaos run against a real demo, from outside over HTTP: waits until the analysis is warm, then per case
/// waits until no incident is open and then the quiet time, injects the fault into every instance of the service,
/// watches the incidents until one opens or the detection window closes, and waits until no incident is open any
/// more. Records what it did and when, and finally every incident opened meanwhile, for <see cref="ChaosScorer"/>.
/// A case the platform cannot take stops the run there; the cases before it are still recorded.
/// </summary>
public sealed class ChaosRunner(DemoProcess demo, ChaosRunOptions options, TimeProvider time, TextWriter progress)
{
    private readonly DemoWatch _watch = new(demo, time, progress, options.PollInterval);

    public async Task<ChaosRecording> RunAsync(int seed, IReadOnlyList<ChaosCase> plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await demo.RunningAsync(options.StartLimit, cancellationToken).ConfigureAwait(false);
        Say("the demo is up; waiting for the analysis to warm up");
        await WarmAsync(cancellationToken).ConfigureAwait(false);
        var observedFrom = time.GetUtcNow();
        var runs = new List<ChaosCaseRun>();
        string? stopped = null;
        foreach (var chaosCase in plan)
        {
            try
            {
                runs.Add(await RunCaseAsync(chaosCase, runs.Count + 1, plan.Count, cancellationToken).ConfigureAwait(false));
            }
            catch (InvalidOperationException ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The platform cannot take this case (say, a service has no instance left): the cases run so far still count.
                stopped = $"case #{chaosCase.Number} could not run: {ex.Message}";
                Say("  run stopped: " + stopped);
                break;
            }
        }

        var observedTo = time.GetUtcNow();
        var query = $"from={observedFrom.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}&limit=1000";
        var incidents = await UntilAsync<IReadOnlyList<ChaosIncident>>(observedTo + TimeSpan.FromMinutes(1), async () => await _watch.IncidentsAsync(query, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("the host did not list its incidents");
        return new ChaosRecording(seed, runs, incidents, observedFrom, observedTo, stopped);
    }

    private Task WarmAsync(CancellationToken cancellationToken) =>
        _watch.WarmAsync(options.Season, options.WarmShare, options.WarmUpLimit, string.Create(CultureInfo.InvariantCulture, $"the first fault waits for a simulated day ({options.Season.TotalMinutes} min)"), cancellationToken);

    private async Task<ChaosCaseRun> RunCaseAsync(ChaosCase chaosCase, int position, int total, CancellationToken cancellationToken)
    {
        Say(string.Create(CultureInfo.InvariantCulture, $"#{chaosCase.Number} ({position} of {total}): {chaosCase.QuietBefore.TotalSeconds:0} s quiet, then {chaosCase.Description} for {chaosCase.FaultDuration.TotalSeconds:0} s"));
        await SteadyAsync(cancellationToken).ConfigureAwait(false);
        await Task.Delay(chaosCase.QuietBefore, time, cancellationToken).ConfigureAwait(false);

        var instances = await UntilAsync(time.GetUtcNow() + TimeSpan.FromMinutes(1), async () =>
        {
            var registered = await demo.InstancesAsync(chaosCase.Service, cancellationToken).ConfigureAwait(false);
            return registered.Count > 0 ? registered : null;
        }, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException($"no instance of {chaosCase.Service} is registered");

        var fault = ChaosCatalog.FaultFor(chaosCase, instances.Count, options.ProcessorCount);
        var openAtInjection = await OpenIncidentsAsync(cancellationToken).ConfigureAwait(false);
        if (openAtInjection.Count > 0)
        {
            // An incident opened in the quiet time, or one that outlived the wait: the fault's signals may join it.
            Say($"  {string.Join(", ", openAtInjection)} open at the injection: the case may be seen as part of it");
        }

        var injectedAt = time.GetUtcNow();
        var faulted = new List<string>();
        foreach (var instance in instances)
        {
            try
            {
                await demo.InjectFaultAsync(instance, fault, cancellationToken).ConfigureAwait(false);
                faulted.Add(instance.InstanceId);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
            {
                // One replica still stuck from the last fault should not end a run of hours: the case goes on with the others.
                Say($"  {instance.InstanceId} did not take the fault: {ex.Message}");
            }
        }

        if (faulted.Count == 0)
        {
            throw new InvalidOperationException($"no instance of {chaosCase.Service} took the {chaosCase.Kind} fault");
        }

        var endsAt = injectedAt + chaosCase.FaultDuration;
        var detectBy = endsAt + options.Grace;
        var since = $"from={injectedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}";
        var seen = await UntilAsync(detectBy, async () => (await _watch.IncidentsAsync(since, cancellationToken).ConfigureAwait(false)).Where(i => i.OpenedAt >= injectedAt).MinBy(i => i.OpenedAt), cancellationToken).ConfigureAwait(false);
        var sighting = seen is null ? null : new ChaosSighting(seen.Id, time.GetUtcNow());
        Say(seen is null
            ? "  no incident opened"
            : string.Create(CultureInfo.InvariantCulture, $"  {seen.Id} opened {(seen.OpenedAt - injectedAt).TotalSeconds:0} s after the injection on {string.Join(", ", seen.Services)}"));

        await Task.Delay(Max(detectBy - time.GetUtcNow(), TimeSpan.Zero), time, cancellationToken).ConfigureAwait(false);
        var open = await SettledAsync(detectBy + options.RecoveryLimit, cancellationToken).ConfigureAwait(false);
        var settledAt = time.GetUtcNow();
        Say(open is null
            ? string.Create(CultureInfo.InvariantCulture, $"  incidents still open {options.RecoveryLimit.TotalMinutes} min after the detection window; going on")
            : string.Create(CultureInfo.InvariantCulture, $"  settled {(settledAt - injectedAt).TotalMinutes:F1} min after the injection"));
        if (seen is not null)
        {
            // Causes are ranked, and re-ranked, after the opening: by now they are final.
            var ranked = await UntilAsync(time.GetUtcNow() + TimeSpan.FromSeconds(30), async () => ChaosIncident.FromJson(await demo.GetAsync("/api/v1/incidents/" + Uri.EscapeDataString(seen.Id), cancellationToken).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
            Say($"  {seen.Id} causes: {(ranked is null ? "unknown" : ranked.Causes.Count == 0 ? "none" : string.Join(", ", ranked.Causes.Distinct(StringComparer.Ordinal).Take(5)))}");
        }

        return new ChaosCaseRun(chaosCase, fault, faulted, injectedAt, endsAt, detectBy, settledAt, sighting, openAtInjection);
    }

    /// <summary>
    /// A fault goes into a platform at rest: no incident open (one from the warm-up, or one that outlived the last
    /// case's recovery limit), or its signals would join that incident and the case would say nothing. Waits at most
    /// the recovery limit, then goes on; the case records what was still open.
    /// </summary>
    private async Task SteadyAsync(CancellationToken cancellationToken)
    {
        var open = await OpenIncidentsAsync(cancellationToken).ConfigureAwait(false);
        if (open.Count == 0)
        {
            return;
        }

        Say($"  waiting for {string.Join(", ", open)} to resolve before the fault");
        if (await SettledAsync(time.GetUtcNow() + options.RecoveryLimit, cancellationToken).ConfigureAwait(false) is null)
        {
            Say(string.Create(CultureInfo.InvariantCulture, $"  still open after {options.RecoveryLimit.TotalMinutes} min; going on"));
        }
    }

    /// <summary>"settled" once no incident is open, or null when <paramref name="deadline"/> passes first.</summary>
    private Task<string?> SettledAsync(DateTimeOffset deadline, CancellationToken cancellationToken) =>
        UntilAsync(deadline, async () => (await OpenIncidentsAsync(cancellationToken).ConfigureAwait(false)).Count == 0 ? "settled" : null, cancellationToken);

    private async Task<IReadOnlyList<string>> OpenIncidentsAsync(CancellationToken cancellationToken) =>
        [.. (await _watch.IncidentsAsync("status=open", cancellationToken).ConfigureAwait(false)).Select(i => i.Id)];

    /// <summary>Polls <paramref name="probe"/> until it returns something or <paramref name="deadline"/> passes (then null).</summary>
    private Task<T?> UntilAsync<T>(DateTimeOffset deadline, Func<Task<T?>> probe, CancellationToken cancellationToken)
        where T : class => _watch.UntilAsync(deadline, probe, cancellationToken);

    private void Say(string line) => _watch.Say(line);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
