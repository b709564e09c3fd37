using AIOps.Travel.Balancing;
using AIOps.Travel.Capacity;
using AIOps.Travel.Discovery;
using AIOps.Travel.Faults;
using AIOps.Travel.Messaging;
using AIOps.Travel.Services;
using AIOps.Travel.Services.Inventory;
using AIOps.Travel.Telemetry;

namespace AIOps.Travel.Hosting;

/// <summary>Builds one travel service process: its API, discovery, balancing, fault injection and telemetry.</summary>
internal static class TravelServiceHost
{
    public static WebApplication Build(ServeOptions options, TimeProvider? time = null)
    {
        if (!ServeOptions.Services.Contains(options.Service))
        {
            throw new ArgumentException($"service must be one of: {string.Join(", ", ServeOptions.Services)}", nameof(options));
        }

        var identity = new InstanceIdentity(options.Service, options.InstanceId ?? InstanceIdentity.NewInstanceId(options.Service), Telemetry.ThisAssembly.Version, options.Weight)
        {
            Address = options.AdvertisedAddress?.TrimEnd('/'),
        };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://{options.ListenAddress}:{options.Port}");
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(5));
        builder.Logging.ClearProviders().AddSimpleConsole(c => c.SingleLine = true);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning).AddFilter("System.Net.Http", LogLevel.Warning);
        TelemetrySetup.AddLogging(builder.Logging, identity, options.Telemetry);

        var services = builder.Services;
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddSingleton(identity);
        services.AddSingleton(options);
        services.AddSingleton(_ => TelemetrySetup.Start(identity, options.Telemetry));
        services.AddSingleton<OutboundConnectionPool>();
        services.AddSingleton(sp => new FaultInjector(identity, sp.GetRequiredService<OutboundConnectionPool>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FaultInjector>>()));
        services.AddHttpClient<RegistryClient>(c =>
        {
            c.BaseAddress = options.Registry;
            c.Timeout = TimeSpan.FromSeconds(45);
        });
        services.AddSingleton<ServiceDirectory>();
        services.AddSingleton(sp => new LoadBalancer(sp.GetRequiredService<ServiceDirectory>(), sp.GetRequiredService<TimeProvider>(), options.Balancing));
        services.AddTransient<BalancingHandler>();
        services.AddTransient<DependencyFaultHandler>();
        services.AddHttpClient(ServiceCaller.ClientName, c => c.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2), PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .AddHttpMessageHandler<DependencyFaultHandler>()
            .AddHttpMessageHandler<BalancingHandler>();
        services.AddHttpContextAccessor();
        services.AddSingleton<ServiceCaller>();
        services.AddProblemDetails();
        services.AddHostedService<RegistrationWorker>();
        if (options.Workers > 0)
        {
            services.AddSingleton(new WorkerPool(options.Workers, options.WorkTime, options.QueueLimit));
        }
        if (options.ParentPid is { } parent)
        {
            services.AddHostedService(sp => new ParentProcessWatcher(parent, sp.GetRequiredService<IHostApplicationLifetime>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ParentProcessWatcher>>()));
        }

        if (options.Service is "order" or "notification")
        {
            services.AddSingleton(_ => new DurableQueue(Path.Combine(options.DataDirectory, "queue.db")));
        }

        switch (options.Service)
        {
            case "hotel" or "flight":
                HoldsEndpoints.AddInventory(services, options.DataDirectory, options.Service);
                break;
            case "order":
                OrderEndpoints.Add(services, options.DataDirectory);
                break;
            case "payment":
                PaymentEndpoints.Add(services, options.DataDirectory);
                break;
            case "notification":
                NotificationEndpoints.Add(services, options);
                break;
        }

        var app = builder.Build();
        app.Services.GetRequiredService<TelemetryProviders>();
        app.Use((context, next) =>
        {
            // Which replica answered: for debugging and for checking the balancers from outside.
            context.Response.Headers["X-Instance-Id"] = identity.InstanceId;
            return next(context);
        });
        app.UseMiddleware<ServerSpanMiddleware>();
        app.UseMiddleware<ErrorMappingMiddleware>();
        app.UseMiddleware<FaultMiddleware>();
        if (app.Services.GetService<WorkerPool>() is { } pool)
        {
            WorkerGauges.Register(pool);
            app.UseMiddleware<CapacityMiddleware>(pool);
        }
        app.MapGet("/healthz", (InstanceIdentity me) => TypedResults.Ok(new { status = "ok", service = me.Service, instance = me.InstanceId, version = me.Version }));
        app.MapPrometheusMetrics();
        app.MapFaultApi();
        app.MapBalancerApi();
        switch (options.Service)
        {
            case "gateway":
                GatewayEndpoints.Map(app);
                break;
            case "user":
                UserEndpoints.Map(app);
                break;
            case "hotel":
                HotelEndpoints.Map(app);
                break;
            case "flight":
                FlightEndpoints.Map(app);
                break;
            case "order":
                OrderEndpoints.Map(app);
                break;
            case "payment":
                PaymentEndpoints.Map(app);
                break;
            case "promotion":
                PromotionEndpoints.Map(app);
                break;
            case "notification":
                NotificationEndpoints.Map(app);
                break;
        }

        return app;
    }
}
