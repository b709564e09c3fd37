using AIOps.Analyzer.Analysis;
using AIOps.Analyzer.Changes;
using AIOps.Analyzer.Incidents;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AIOps.Analyzer;

/// <summary>
/// Registers the live analysis: options (validated at start), the incident store, the engine, root-cause ranking with
/// the change log it reads (where drivers record what they do), forecasts and their workers.
/// </summary>
public static class AnalyzerServiceCollectionExtensions
{
    public static IServiceCollection AddAnalyzer(this IServiceCollection services, Action<AnalysisOptions>? configure = null)
    {
        var options = services.AddOptions<AnalysisOptions>().BindConfiguration(AnalysisOptions.SectionName).ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<IValidateOptions<AnalysisOptions>, AnalysisOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<AnalysisOptions>>().Value);
        services.TryAddSingleton(sp => new IncidentStore(Path.Combine(sp.GetRequiredService<AnalysisOptions>().DataDirectory, "incidents.db")));
        services.TryAddSingleton<IndicatorReader>();
        services.TryAddSingleton<AnalysisEngine>();
        services.TryAddSingleton(_ => new ChangeEventLog());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChangeEventSource, ChangeEventLog>(sp => sp.GetRequiredService<ChangeEventLog>()));
        services.TryAddSingleton<LiveEvidenceReader>();
        services.TryAddSingleton<IncidentRootCauses>();
        services.TryAddSingleton<RequestRateForecasts>();
        services.AddHostedService<AnalysisWorker>();
        services.AddHostedService<RootCauseWorker>();
        services.AddHostedService<ForecastWorker>();
        return services;
    }
}
