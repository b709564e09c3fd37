using AIOps.Collector.Model;

namespace AIOps.Collector.Storage.Blocks;

/// <summary>
/// The table at the head of a span or log block: each distinct resource (by reference, as the decoders share one
/// per batch) and instrumentation scope once, after which every record names them by index.
/// </summary>
internal sealed class ResourceScopeTable
{
    private readonly Dictionary<TelemetryResource, int> _resources = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<InstrumentationScope, int> _scopes = [];
    private readonly List<TelemetryResource> _resourceList = [];
    private readonly List<InstrumentationScope> _scopeList = [];

    public void Add(TelemetryResource resource, InstrumentationScope scope)
    {
        if (_resources.TryAdd(resource, _resourceList.Count))
        {
            _resourceList.Add(resource);
        }

        if (_scopes.TryAdd(scope, _scopeList.Count))
        {
            _scopeList.Add(scope);
        }
    }

    /// <summary>Writes the table.</summary>
    public void Write(BlockWriter writer)
    {
        writer.Varint((ulong)_resourceList.Count);
        foreach (var resource in _resourceList)
        {
            writer.Attributes(resource.Attributes);
        }

        writer.Varint((ulong)_scopeList.Count);
        foreach (var scope in _scopeList)
        {
            writer.String(scope.Name);
            writer.String(scope.Version);
        }
    }

    /// <summary>Writes a record's references into the table.</summary>
    public void WriteIndexes(BlockWriter writer, TelemetryResource resource, InstrumentationScope scope)
    {
        writer.Varint((ulong)_resources[resource]);
        writer.Varint((ulong)_scopes[scope]);
    }

    /// <summary>Reads a table written by <see cref="Write"/>.</summary>
    public static (TelemetryResource[] Resources, InstrumentationScope[] Scopes) Read(BlockReader reader)
    {
        var resources = new TelemetryResource[(int)reader.Varint()];
        for (var i = 0; i < resources.Length; i++)
        {
            resources[i] = new TelemetryResource(reader.Attributes());
        }

        var scopes = new InstrumentationScope[(int)reader.Varint()];
        for (var i = 0; i < scopes.Length; i++)
        {
            scopes[i] = new InstrumentationScope(reader.Text(), reader.String());
        }

        return (resources, scopes);
    }
}
