using AIOps.Dashboard.Api;
using AIOps.Dashboard.Components;
using AIOps.Dashboard.Platform;
using AIOps.Remediator.Drivers.Process;

namespace AIOps.Dashboard.Hosting;

/// <summary>Composes the AIOps host: the SREs' pages and the API. Later areas add their parts here.</summary>
public static class AiopsHost
{
    public static WebApplication Build(AiopsHostOptions options, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot") });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.ClearProviders().AddSimpleConsole(c => c.SingleLine = true);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning).AddFilter("System.Net.Http", LogLevel.Warning);
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<LocalProcessSupervisor>();
        services.AddHttpClient<RegistryReader>(c => c.Timeout = TimeSpan.FromSeconds(3));
        services.AddSingleton<HostStatus>();
        services.AddRazorComponents();
        services.AddProblemDetails();
        configure?.Invoke(services);

        var app = builder.Build();
        app.UseStaticFiles();
        app.UseAntiforgery();
        app.MapHealthApi();
        app.MapPlatformApi();
        app.MapRazorComponents<App>();
        return app;
    }
}
