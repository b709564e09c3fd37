namespace AIOps.Dashboard.Chaos;

/// <summary>
/// Every applicable fault kind on every service, in an order shuffled by the seed, each with a dependency (dependency
/// faults), a duration and a quiet time before it drawn from the seed. A limit takes the first cases of the same
/// plan, so a quick run is the start of the full one; a start case runs the plan in parts.
/// </summary>
public static class ChaosPlan
{
    public static IReadOnlyList<ChaosCase> Create(ChaosPlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Check(options.Services, ChaosCatalog.Services, "--services");
        Check(options.Kinds, ChaosCatalog.Kinds, "--kinds");
        if (options.Limit is < 1)
        {
            throw new ArgumentException("--cases must be at least 1");
        }

        if (options.From < 1)
        {
            throw new ArgumentException("--from must be at least 1");
        }

        var pairs = (from service in ChaosCatalog.Services
                     where options.Services.Contains(service)
                     from kind in ChaosCatalog.Kinds
                     where options.Kinds.Contains(kind) && ChaosCatalog.Applies(service, kind)
                     select (Service: service, Kind: kind)).ToArray();
        if (pairs.Length == 0)
        {
            throw new ArgumentException($"no fault of --kinds {string.Join(',', options.Kinds)} applies to --services {string.Join(',', options.Services)}");
        }

        var random = new Random(options.Seed);
        random.Shuffle(pairs);
        var cases = new List<ChaosCase>(pairs.Length);
        foreach (var (service, kind) in pairs)
        {
            var calls = ChaosCatalog.DependenciesOf(service);
            var dependency = kind is ChaosCatalog.SlowDependency or ChaosCatalog.FailingDependency ? calls[random.Next(calls.Count)] : null;
            var fault = options.FaultSeconds.Draw(random);
            cases.Add(new ChaosCase(cases.Count + 1, service, kind, dependency, fault, options.QuietSeconds.Draw(random)));
        }

        if (options.From > cases.Count)
        {
            throw new ArgumentException($"--from {options.From}: the plan has {cases.Count} cases");
        }

        var rest = cases[(options.From - 1)..];
        return options.Limit is { } limit ? rest[..Math.Min(limit, rest.Count)] : rest;
    }

    private static void Check(IReadOnlyList<string> wanted, IReadOnlyList<string> known, string option)
    {
        if (wanted.Count == 0)
        {
            throw new ArgumentException($"{option} names nothing; known: {string.Join(',', known)}");
        }

        var unknown = wanted.FirstOrDefault(w => !known.Contains(w));
        if (unknown is not null)
        {
            throw new ArgumentException($"{option}: unknown '{unknown}'; known: {string.Join(',', known)}");
        }
    }
}
