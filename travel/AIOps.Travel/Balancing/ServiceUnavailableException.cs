namespace AIOps.Travel.Balancing;

/// <summary>No live replica of a dependency: the caller answers 503.</summary>
public sealed class ServiceUnavailableException : Exception
{
    public ServiceUnavailableException()
    {
    }

    public ServiceUnavailableException(string service)
        : base($"no live replica of '{service}'") => Service = service;

    public ServiceUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public string? Service { get; }
}
