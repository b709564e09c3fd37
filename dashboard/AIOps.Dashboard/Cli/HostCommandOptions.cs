using System.CommandLine;

namespace AIOps.Dashboard.Cli;

/// <summary>Options every host-starting command takes.</summary>
internal static class HostCommandOptions
{
    public static Option<string> Urls() => new("--urls")
    {
        Description = "Where the UI and API listen",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("AIOPS_URLS") ?? "http://127.0.0.1:8080",
    };

    public static Option<string> DataDir() => new("--data-dir")
    {
        Description = "Where AIOps keeps its data",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("AIOPS_DATA_DIR") ?? ".data",
    };

    public static Option<int> OtlpHttpPort() => new("--otlp-http-port")
    {
        Description = "OTLP/HTTP port on 127.0.0.1 (0: only on the UI's address)",
        DefaultValueFactory = _ => 4318,
    };

    public static Option<int> OtlpGrpcPort() => new("--otlp-grpc-port")
    {
        Description = "OTLP/gRPC port on 127.0.0.1 (0: no gRPC listener)",
        DefaultValueFactory = _ => 4317,
    };

    public static Option<string> Registry() => new("--registry")
    {
        Description = "The travel platform's service registry (shown on the system page)",
        DefaultValueFactory = _ => "http://127.0.0.1:5010/",
    };

    public static Option<string?> Config() => new("--config")
    {
        Description = "A JSON settings file (users, objectives, remediation...); settings also come from appsettings.json and AIOPS_-less environment variables such as Dashboard__Users__0__Name",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("AIOPS_CONFIG"),
    };
}
