namespace AIOps.Travel.Hosting;

/// <summary>A dependency's answer below 500: its status, the body when successful, the problem text otherwise.</summary>
public sealed record DependencyResponse<T>(int StatusCode, T? Value, string? Problem)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
