namespace AIOps.Travel.Hosting;

/// <summary>A dependency answered with a server error or could not be reached.</summary>
public sealed class DependencyException : Exception
{
    public DependencyException()
    {
    }

    public DependencyException(string message)
        : base(message)
    {
    }

    public DependencyException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public DependencyException(string dependency, int statusCode, string detail)
        : base($"{dependency} answered {statusCode}: {detail}")
    {
        Dependency = dependency;
        StatusCode = statusCode;
    }

    public string? Dependency { get; }

    public int StatusCode { get; }
}
