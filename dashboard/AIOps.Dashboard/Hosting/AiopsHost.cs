using AIOps.Analyzer;
using AIOps.Analyzer.Analysis;
using AIOps.Collector;
using AIOps.Collector.Ingestion;
using System.Net;
using AIOps.Collector.Observability;
using AIOps.Collector.Otlp.Grpc;
using AIOps.Collector.Prometheus;
using AIOps.Collector.Otlp.Http;
using AIOps.Collector.Query;
using AIOps.Dashboard.Api;
using AIOps.Dashboard.Components;
using AIOps.Dashboard.Model;
using AIOps.Dashboard.Platform;
using AIOps.Dashboard.Security;
using AIOps.Remediator;
using AIOps.Remediator.Drivers;
using AIOps.Remediator.Drivers.Kubernetes;
using AIOps.Remediator.Drivers.Process;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AIOps.Dashboard.Hosting;

/// <summary>Composes the AIOps host: the SREs' pages and the API. Later areas add their parts here.</summary>
public static class AiopsHost
{
    public static WebApplication Build(AiopsHostOptions options, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot") });
        if (options.ConfigFile is { } file)
        {
            // Before the environment, so that a variable still overrides the file, as it overrides appsettings.json.
            var sources = builder.Configuration.Sources;
            var at = sources.ToList().FindIndex(s => s is Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationSource);
            var json = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource { Path = Path.GetFullPath(file), Optional = false };
            json.ResolveFileProvider();
            sources.Insert(at < 0 ? sources.Count : at, json);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var url in new[] { options.Urls, options.OtlpHttpUrl }.Where(u => !string.IsNullOrEmpty(u)))
            {
                var (address, port) = Endpoint(url!);
                kestrel.Listen(address, port);
            }

            if (options.OtlpGrpcPort is { } grpc)
            {
                OtlpGrpcListener.Listen(kestrel, IPAddress.Loopback, grpc);
            }
        });
        builder.Logging.ClearProviders().AddSimpleConsole(c => c.SingleLine = true);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning).AddFilter("System.Net.Http", LogLevel.Warning);
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<LocalProcessSupervisor>();
        services.AddHttpClient<RegistryReader>(c => c.Timeout = TimeSpan.FromSeconds(3));
        services.AddSingleton<HostStatus>();
        services.AddSingleton<IngestRateSampler>();
        services.AddHostedService<IngestRateWorker>();
        services.AddCollector(c => c.DataDirectory = Path.Combine(options.DataDirectory, "store"));
        services.AddAnalyzer(analysis =>
        {
            analysis.DataDirectory = options.DataDirectory;
            if (options.TrafficSeason is { } season)
            {
                analysis.Season = season;
            }
        });
        services.AddOtlpGrpc();
        services.AddPrometheusRemoteWrite();
        services.AddPrometheusScrape();
        services.AddRazorComponents();
        services.AddDashboardSecurity(builder.Configuration, options.DataDirectory);
        services.AddSingleton(ServiceObjectives.From(builder.Configuration));
        services.AddProblemDetails();
        services.AddRemediator(remediation => remediation.DataDirectory = Path.Combine(options.DataDirectory, "remediation"));
        configure?.Invoke(services);

        // Remediation:Driver picks the platform. Without the demo, the process driver starts no travel processes: it can
        // restart what the host supervises, not add replicas.
        services.TryAddSingleton<IRemediationDriver>(sp => sp.GetRequiredService<RemediationOptions>() is { Driver: "kubernetes" } remediation
            ? KubernetesDriver.Connect(remediation, sp.GetRequiredService<TimeProvider>())
            : new LocalProcessDriver(sp.GetRequiredService<LocalProcessSupervisor>(), (service, _) =>
                throw new InvalidOperationException($"this host does not know how to start {service}: run `aiops demo`, or use the Kubernetes driver")));

        var app = builder.Build();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseTimeRangeCookie();
        app.Services.GetRequiredService<IngestPipeline>();
        app.Services.GetRequiredService<UserDirectory>();
        app.MapOtlpHttp();
        app.MapOtlpGrpc();
        app.MapPrometheusRemoteWrite();
        app.MapCollectorMetrics();
        app.MapCollectorQueries();
        app.MapAnalysisApi();
        app.MapHealthApi();
        app.MapPlatformApi();
        app.MapRemediator();
        app.MapAccountEndpoints();
        app.MapRemediationUi();
        app.MapRazorComponents<App>().RequireAuthorization();
        return app;
    }

    /// <summary>http://127.0.0.1:8080 -> (127.0.0.1, 8080); localhost is loopback, * and + are every address.</summary>
    internal static (IPAddress Address, int Port) Endpoint(string url)
    {
        var uri = new Uri(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal));
        var address = uri.Host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(uri.Host.Trim('[', ']'));
        return (address, uri.Port);
    }
}
