using System.Globalization;
using System.Text.Json;
using AIOps.Dashboard.Chaos;
using AIOps.Dashboard.Demo;
using AIOps.Remediator.Actions;
using AIOps.Remediator.Audit;
using AIOps.Remediator.Engine;

namespace AIOps.Dashboard.Healing;

/// <summary>
/// Puts a running demo through one healing scenario and measures it from outside, through the host's API only: the
/// incidents, the remediation actions, and the gateway's RED windows.
/// </summary>
public sealed class HealRunner(DemoProcess demo, HealRunOptions options, bool remediation, TimeProvider time, TextWriter progress)
{
    private readonly DemoWatch _watch = new(demo, time, progress, options.PollInterval);

    public async Task<HealResult> RunAsync(HealScenario scenario, CancellationToken cancellationToken)
    {
        await demo.RunningAsync(options.StartLimit, cancellationToken).ConfigureAwait(false);
        var loadStarted = time.GetUtcNow();
        return scenario switch
        {
            HealScenario.Leak => await LeakAsync(cancellationToken).ConfigureAwait(false),
            HealScenario.Surge => await SurgeAsync(loadStarted, cancellationToken).ConfigureAwait(false),
            _ => await QuietAsync(cancellationToken).ConfigureAwait(false),
        };
    }

    // Incidents count from the end of the detectors' warm-up; actions from the demo's start, every one of them.
    private async Task<HealResult> QuietAsync(CancellationToken cancellationToken)
    {
        _watch.Say("the demo is up; waiting for the analysis to warm up");
        await _watch.WarmAsync(options.WarmUp, 0.9, TimeSpan.FromMinutes(30), "the quiet hour starts once the detectors are warm", cancellationToken).ConfigureAwait(false);
        var from = time.GetUtcNow();
        var until = from + options.QuietFor;
        var since = "from=" + from.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var reported = 0;
        while (time.GetUtcNow() < until)
        {
            await Task.Delay(TimeSpan.FromSeconds(30), time, cancellationToken).ConfigureAwait(false);
            var opened = await _watch.UntilAsync(until, async () => await _watch.IncidentsAsync(since, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false) ?? [];
            if (opened.Count > reported)
            {
                reported = opened.Count;
                _watch.Say(Text($"{opened.Count} incidents so far: {string.Join("; ", opened.Select(i => i.Title))}"));
            }
        }

        var incidents = await _watch.IncidentsAsync(since, cancellationToken).ConfigureAwait(false);
        var actions = await ActionsSinceAsync(DateTimeOffset.MinValue, from, cancellationToken).ConfigureAwait(false);
        return new HealResult
        {
            Scenario = "quiet",
            Target = "every service",
            Remediation = remediation,
            StartedAt = from,
            WatchedS = Seconds(time.GetUtcNow(), from),
            FalseIncidents = [.. incidents.Select(i => $"{i.Id}: {i.Title}")],
            Actions = [.. actions.Select(a => Step(a, from))],
            Verdict = incidents.Count == 0 && actions.Count == 0 ? Text($"no incident and no action in {options.QuietFor.TotalMinutes:0} min")
                : Text($"{incidents.Count} incidents and {actions.Count} actions in {options.QuietFor.TotalMinutes:0} min with no fault"),
        };
    }

    private async Task<HealResult> LeakAsync(CancellationToken cancellationToken)
    {
        _watch.Say("the demo is up; waiting for the analysis to warm up");
        await _watch.WarmAsync(options.WarmUp, 0.9, TimeSpan.FromMinutes(30), "the leak waits for the detectors", cancellationToken).ConfigureAwait(false);
        var instances = await demo.InstancesAsync(options.Service, cancellationToken).ConfigureAwait(false);
        var target = instances.OrderBy(i => i.InstanceId, StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidOperationException($"no instance of {options.Service} is registered");
        var injectedAt = time.GetUtcNow();
        await demo.InjectFaultAsync(target, new InstanceFault("memory", options.LeakMegabytesPerSecond, options.LeakFor.TotalSeconds), cancellationToken).ConfigureAwait(false);
        _watch.Say(string.Create(CultureInfo.InvariantCulture, $"{target.InstanceId} leaks {options.LeakMegabytesPerSecond} MB/s (of {instances.Count} {options.Service} replicas)"));

        var since = "from=" + injectedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var incident = await _watch.UntilAsync(injectedAt + options.HealLimit, async () =>
            (await _watch.IncidentsAsync(since, cancellationToken).ConfigureAwait(false)).Where(i => i.OpenedAt >= injectedAt && i.Services.Contains(options.Service)).MinBy(i => i.OpenedAt), cancellationToken).ConfigureAwait(false);
        _watch.Say(incident is null ? "no incident opened" : Text($"{incident.Id} opened {Seconds(incident.OpenedAt, injectedAt):0} s after the injection: {incident.Title}"));

        var ended = await _watch.UntilAsync(injectedAt + options.HealLimit, async () =>
            (await ActionsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(a => a.CreatedAt >= injectedAt && a.Service == options.Service
                && a.Trigger.Source != RemediationEngine.ForecastSource && ActionStates.IsFinal(a.State)), cancellationToken).ConfigureAwait(false);
        var actions = await ActionsSinceAsync(injectedAt, injectedAt, cancellationToken).ConfigureAwait(false);

        var ranked = incident is null ? null : ChaosIncident.FromJson(await demo.GetAsync("/api/v1/incidents/" + Uri.EscapeDataString(incident.Id), cancellationToken).ConfigureAwait(false));
        return new HealResult
        {
            Scenario = "leak",
            Target = target.InstanceId,
            Remediation = remediation,
            StartedAt = injectedAt,
            DetectS = incident is null ? null : Seconds(incident.OpenedAt, injectedAt),
            ActS = ended?.StartedAt is { } started ? Seconds(started, injectedAt) : null,
            RecoverS = ended is { State: ActionState.Succeeded, FinishedAt: { } finished } ? Seconds(finished, injectedAt) : null,
            IncidentId = incident?.Id,
            Causes = ranked?.Causes.Take(5).ToList() ?? [],
            Actions = [.. actions.Select(a => Step(a, injectedAt))],
            Verdict = ended is null ? "not healed: no action ended in time"
                : ended.State == ActionState.Succeeded && ended.Instance == target.InstanceId ? $"healed: {ended.Plan.Summary}, verified"
                : $"not healed: {ended.Policy} ended {ended.State.ToString().ToLowerInvariant()} ({ended.History[^1].Reason})",
        };
    }

    private async Task<HealResult> SurgeAsync(DateTimeOffset loadStarted, CancellationToken cancellationToken)
    {
        var saleAt = loadStarted + options.SaleAfter;
        var before = (await demo.InstancesAsync(options.Service, cancellationToken).ConfigureAwait(false)).Count;
        _watch.Say(Text($"the demo is up with {before} {options.Service} replicas; the flash sale starts in {options.SaleAfter.TotalMinutes:0.#} min"));
        await Task.Delay(Max(saleAt - time.GetUtcNow(), TimeSpan.Zero), time, cancellationToken).ConfigureAwait(false);
        _watch.Say("the flash sale starts: traffic triples over three minutes, then decays over half an hour");

        // With remediation, the run ends once predictive scaling has raised and then lowered the replicas back; without, at the limit.
        var back = await _watch.UntilAsync(saleAt + options.SurgeLimit, async () =>
        {
            var mine = (await ActionsAsync(cancellationToken).ConfigureAwait(false)).Where(a => a.Service == options.Service && a.CreatedAt >= saleAt).ToList();
            return mine.Any(a => a.RaisedReplicas()) ? mine.FirstOrDefault(a => a.State == ActionState.Succeeded && a.Plan.ToReplicas <= before && a.Plan.FromReplicas > before) : null;
        }, cancellationToken).ConfigureAwait(false);
        var endedAt = time.GetUtcNow();
        var actions = await ActionsSinceAsync(loadStarted, saleAt, cancellationToken).ConfigureAwait(false);

        var baseline = await GatewayAsync(saleAt - TimeSpan.FromMinutes(1), saleAt, cancellationToken).ConfigureAwait(false);
        var sale = await GatewayAsync(saleAt, endedAt, cancellationToken).ConfigureAwait(false);
        var first = actions.FirstOrDefault(a => a.Service == options.Service && a.CreatedAt >= saleAt);
        var raise = actions.FirstOrDefault(a => a.Service == options.Service && a.CreatedAt >= saleAt && a.RaisedReplicas());
        var over = sale.Count(p => p.P95Ms > options.ObjectiveMs);
        return new HealResult
        {
            Scenario = "surge",
            Target = options.Service,
            Remediation = remediation,
            StartedAt = saleAt,
            DetectS = first is null ? null : Seconds(first.CreatedAt, saleAt),
            ActS = raise?.StartedAt is { } started ? Seconds(started, saleAt) : null,
            RecoverS = raise is { State: ActionState.Succeeded, FinishedAt: { } ready } ? Seconds(ready, saleAt) : null,
            Actions = [.. actions.Select(a => Step(a, saleAt))],
            ObjectiveMs = options.ObjectiveMs,
            BaselineP95Ms = baseline.Select(p => p.P95Ms).Max(),
            WorstP95Ms = sale.Select(p => p.P95Ms).Max(),
            WindowsOverObjective = over,
            WorstErrorRate = sale.Select(p => p.ErrorRate).DefaultIfEmpty().Max(),
            ScaledInS = back?.FinishedAt is { } inAt ? Seconds(inAt, saleAt) : null,
            Verdict = over > 0 ? Text($"objective broken: {over} windows of 10 s over {options.ObjectiveMs:0} ms")
                : raise is null ? "objective kept without scaling"
                : back is null ? "absorbed: scaled out before the objective broke; not yet scaled back in"
                : "absorbed: scaled out before the objective broke, and back in after",
        };
    }

    private async Task<IReadOnlyList<GatewayWindow>> GatewayAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var red = await demo.GetAsync(Text($"/api/v1/red?service=gateway&from={from.ToUnixTimeSeconds()}&to={to.ToUnixTimeSeconds()}&step=10s"), cancellationToken).ConfigureAwait(false);
        return [.. red.GetProperty("points").EnumerateArray()
            .Where(p => p.GetProperty("requests").GetInt64() > 0)
            .Select(p => new GatewayWindow(p.GetProperty("p95Ms").GetDouble(), p.GetProperty("errorRate").GetDouble()))];
    }

    // The actions decided since a time, oldest first, each reported in seconds after the scenario's start.
    private async Task<IReadOnlyList<RemediationAction>> ActionsSinceAsync(DateTimeOffset since, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var actions = (await ActionsAsync(cancellationToken).ConfigureAwait(false)).Where(a => a.CreatedAt >= since).OrderBy(a => a.CreatedAt).ToList();
        foreach (var action in actions)
        {
            _watch.Say(Text($"action {action.Id} ({action.Policy}, {action.Service}): {action.State.ToString().ToLowerInvariant()}, decided {Seconds(action.CreatedAt, start):0} s after the start: {action.Plan.Summary}"));
        }

        return actions;
    }

    private async Task<IReadOnlyList<RemediationAction>> ActionsAsync(CancellationToken cancellationToken)
    {
        var json = await demo.GetAsync("/api/v1/actions?limit=1000", cancellationToken).ConfigureAwait(false);
        return json.Deserialize<IReadOnlyList<RemediationAction>>(JsonLinesFile<RemediationAction>.Json) ?? [];
    }

    private static HealStep Step(RemediationAction a, DateTimeOffset start) => new(
        a.Id, a.Policy, a.Service, JsonNamingPolicy.KebabCaseLower.ConvertName(a.Type.ToString()), a.State.ToString().ToLowerInvariant(), a.Plan.Summary, a.Plan.FromReplicas, a.Plan.ToReplicas,
        Seconds(a.CreatedAt, start), a.StartedAt is { } s ? Seconds(s, start) : null, a.FinishedAt is { } f ? Seconds(f, start) : null);

    private static double Seconds(DateTimeOffset at, DateTimeOffset start) => Math.Round((at - start).TotalSeconds, 1);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record GatewayWindow(double P95Ms, double ErrorRate);
}
