namespace AIOps.Collector.Model;

/// <summary>What emitted the telemetry: the OTLP resource, with the attributes every query uses pulled out.</summary>
public sealed class TelemetryResource
{
    public const string UnknownService = "unknown_service";

    public TelemetryResource(IReadOnlyList<KeyValue> attributes)
    {
        Attributes = attributes;
        foreach (var attribute in attributes)
        {
            switch (attribute.Key)
            {
                case "service.name":
                    Service = attribute.Value.ToString();
                    break;
                case "service.instance.id":
                    Instance = attribute.Value.ToString();
                    break;
                case "service.version":
                    Version = attribute.Value.ToString();
                    break;
                case "deployment.environment" or "deployment.environment.name":
                    Environment ??= attribute.Value.ToString();
                    break;
            }
        }
    }

    public static TelemetryResource None { get; } = new([]);

    public IReadOnlyList<KeyValue> Attributes { get; }

    public string Service { get; } = UnknownService;

    public string Instance { get; } = string.Empty;

    public string Version { get; } = string.Empty;

    public string? Environment { get; }
}
