using System.CommandLine;
using System.Globalization;
using AIOps.Travel.Discovery;
using AIOps.Travel.Faults;

namespace AIOps.Travel.Cli;

/// <summary>
/// travel chaos inject|list|clear: finds a service's replicas in the registry and calls their admin API.
/// </summary>
internal static class ChaosCommand
{
    public static Command Create()
    {
        var chaos = new Command("chaos", "Inject, list and clear faults on running service instances");
        chaos.Add(Inject());
        chaos.Add(List());
        chaos.Add(Clear());
        return chaos;
    }

    private static Command Inject()
    {
        var service = new Argument<string>("service") { Description = "The service to fault" };
        var kind = new Option<string>("--kind") { Description = "One of: " + string.Join(", ", FaultKinds.Names), Required = true };
        kind.AcceptOnlyFromAmong([.. FaultKinds.Names]);
        var intensity = new Option<double?>("--intensity") { Description = "Magnitude; its unit depends on the kind (see the README)" };
        var duration = new Option<double?>("--duration") { Description = "Seconds the fault lasts" };
        var jitter = new Option<double?>("--jitter") { Description = "Latency only: random extra milliseconds, 0..jitter" };
        var dependency = new Option<string?>("--dependency") { Description = "Dependency faults: the called service (or smtp)" };
        var instance = new Option<string?>("--instance") { Description = "One instance id (default: the first instance)" };
        var all = new Option<bool>("--all") { Description = "Every instance of the service" };
        var registry = CommonOptions.Registry();
        var command = new Command("inject", "Inject a fault") { service, kind, intensity, duration, jitter, dependency, instance, all, registry };
        command.SetAction(async (result, cancellationToken) =>
        {
            var request = new FaultRequest(result.GetValue(kind), result.GetValue(intensity), result.GetValue(duration), result.GetValue(jitter), result.GetValue(dependency));
            if (!FaultSpec.TryCreate(request, out _, out var error))
            {
                await Console.Error.WriteLineAsync("error: " + error).ConfigureAwait(false);
                return 2;
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var targets = await TargetsAsync(http, CommonOptions.Url(result.GetRequiredValue(registry), "--registry"), result.GetRequiredValue(service), result.GetValue(instance), result.GetValue(all), cancellationToken).ConfigureAwait(false);
            if (targets.Count == 0)
            {
                await Console.Error.WriteLineAsync($"error: no live instance of '{result.GetRequiredValue(service)}' matches").ConfigureAwait(false);
                return 1;
            }

            foreach (var target in targets)
            {
                using var response = await http.PostAsJsonAsync(new Uri(new Uri(target.Address), "/admin/faults"), request, cancellationToken).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                Console.WriteLine($"{target.InstanceId}: {(int)response.StatusCode} {body}");
                if (!response.IsSuccessStatusCode)
                {
                    return 1;
                }
            }

            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var service = new Argument<string?>("service") { Description = "Only this service", Arity = ArgumentArity.ZeroOrOne };
        var registry = CommonOptions.Registry();
        var command = new Command("list", "List the faults in force") { service, registry };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var client = new RegistryClient(new HttpClient { BaseAddress = CommonOptions.Url(result.GetRequiredValue(registry), "--registry"), Timeout = TimeSpan.FromSeconds(10) });
            var all = await client.GetAllAsync(cancellationToken).ConfigureAwait(false);
            var filter = result.GetValue(service);
            foreach (var instance in all.Values.SelectMany(s => s.Instances).Where(i => filter is null || i.Service == filter))
            {
                var faults = await http.GetFromJsonAsync<List<ActiveFault>>(new Uri(new Uri(instance.Address), "/admin/faults"), cancellationToken).ConfigureAwait(false) ?? [];
                foreach (var fault in faults)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{instance.Service,-13} {instance.InstanceId,-28} {fault.Id,-14} {fault.Kind,-18} intensity {fault.Intensity} until {fault.EndsAt:HH:mm:ss}{(fault.Dependency is null ? string.Empty : " dependency " + fault.Dependency)}"));
                }
            }

            return 0;
        });
        return command;
    }

    private static Command Clear()
    {
        var service = new Argument<string>("service") { Description = "The service whose faults end" };
        var id = new Option<string?>("--id") { Description = "One fault id (default: all of the service's faults)" };
        var registry = CommonOptions.Registry();
        var command = new Command("clear", "End faults before their time") { service, id, registry };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var targets = await TargetsAsync(http, CommonOptions.Url(result.GetRequiredValue(registry), "--registry"), result.GetRequiredValue(service), null, true, cancellationToken).ConfigureAwait(false);
            var faultId = result.GetValue(id);
            foreach (var target in targets)
            {
                var path = faultId is null ? "/admin/faults" : $"/admin/faults/{Uri.EscapeDataString(faultId)}";
                using var response = await http.DeleteAsync(new Uri(new Uri(target.Address), path), cancellationToken).ConfigureAwait(false);
                Console.WriteLine($"{target.InstanceId}: {(int)response.StatusCode}");
            }

            return 0;
        });
        return command;
    }

    private static async Task<IReadOnlyList<ServiceInstance>> TargetsAsync(HttpClient http, Uri registry, string service, string? instanceId, bool all, CancellationToken cancellationToken)
    {
        var client = new RegistryClient(new HttpClient { BaseAddress = registry, Timeout = http.Timeout });
        var snapshot = await client.WatchAsync(service, 0, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        var instances = snapshot.Instances.Where(i => instanceId is null || i.InstanceId == instanceId).ToList();
        return all || instanceId is not null ? instances : instances.Take(1).ToList();
    }
}
