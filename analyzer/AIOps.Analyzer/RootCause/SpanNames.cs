namespace AIOps.Analyzer.RootCause;

/// <summary>
/// Services and (service, operation) pairs numbered as they are first seen, shared by the windows of one ranking so
/// that the same operation has the same number in the baseline and in the incident.
/// </summary>
internal sealed class SpanNames
{
    private readonly Dictionary<string, int> _services = new(StringComparer.Ordinal);
    private readonly Dictionary<(int, string), int> _operations = [];
    private readonly List<string> _serviceNames = [];
    private readonly List<(int Service, string Name)> _operationNames = [];

    public int ServiceCount => _serviceNames.Count;

    public int OperationCount => _operationNames.Count;

    public int Service(string name)
    {
        if (!_services.TryGetValue(name, out var id))
        {
            _services[name] = id = _serviceNames.Count;
            _serviceNames.Add(name);
        }

        return id;
    }

    public int Operation(int service, string name)
    {
        if (!_operations.TryGetValue((service, name), out var id))
        {
            _operations[(service, name)] = id = _operationNames.Count;
            _operationNames.Add((service, name));
        }

        return id;
    }

    public string ServiceName(int service) => _serviceNames[service];

    public int ServiceOf(int operation) => _operationNames[operation].Service;

    public string OperationName(int operation) => _operationNames[operation].Name;
}
