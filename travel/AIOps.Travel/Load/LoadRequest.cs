namespace AIOps.Travel.Load;

/// <summary>One HTTP call of a journey; <paramref name="Endpoint"/> names it in the report.</summary>
public sealed record LoadRequest(string Endpoint, HttpMethod Method, string Path, object? Body);
