using System.Globalization;
using System.Numerics;
using AIOps.Collector.Query;
using YamlDotNet.RepresentationModel;

namespace AIOps.Remediator.Policies;

/// <summary>
/// One YAML mapping read field by field: each getter checks the type and range, and every error names the file,
/// line, column and path. Keys nobody asked for are rejected at <see cref="Done"/>, so a typo is not ignored.
/// </summary>
internal sealed class YamlFields
{
    private readonly YamlMappingNode _node;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlFields(string source, YamlNode node, string path)
    {
        Source = source;
        Path = path;
        _node = node as YamlMappingNode ?? throw Error(node, path, "expected a mapping (key: value lines)");
    }

    public string Source { get; }

    public string Path { get; }

    public long Line => _node.Start.Line;

    public PolicyFileException Error(YamlNode node, string path, string reason) => new(Source, node.Start.Line, node.Start.Column, path, reason);

    /// <summary>An error about this mapping as a whole.</summary>
    public PolicyFileException Fail(string reason) => Error(_node, Path, reason);

    public bool Has(string key) => Find(key) is not null;

    public string? String(string key, bool required = false)
    {
        var node = Get(key, required);
        return node is null ? null : Scalar(node, Sub(key));
    }

    public T Enum<T>(string key, T fallback)
        where T : struct, System.Enum
    {
        var node = Get(key, false);
        if (node is null)
        {
            return fallback;
        }

        var text = Scalar(node, Sub(key));
        var known = System.Enum.GetValues<T>().ToDictionary(v => Kebab(v.ToString()), v => v, StringComparer.OrdinalIgnoreCase);
        return known.TryGetValue(text, out var value)
            ? value
            : throw Error(node, Sub(key), $"unknown '{text}'; expected one of {string.Join(", ", known.Keys)}");
    }

    /// <summary>A number from <paramref name="min"/> to <paramref name="max"/> (a whole one for integer types).</summary>
    public T Number<T>(string key, T fallback, T min, T max)
        where T : struct, INumber<T>
    {
        var node = Get(key, false);
        if (node is null)
        {
            return fallback;
        }

        var text = Scalar(node, Sub(key));
        var kind = T.IsInteger(T.One) ? "a whole number" : "a number";
        return T.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Error(node, Sub(key), string.Create(CultureInfo.InvariantCulture, $"'{text}' is not {kind} from {min} to {max}"));
    }

    public bool Bool(string key, bool fallback)
    {
        var node = Get(key, false);
        if (node is null)
        {
            return fallback;
        }

        var text = Scalar(node, Sub(key));
        return bool.TryParse(text, out var value) ? value : throw Error(node, Sub(key), $"'{text}' is not true or false");
    }

    /// <summary>A duration such as 90s, 10m or 1h (the query API's form), from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public TimeSpan Duration(string key, TimeSpan fallback, TimeSpan min, TimeSpan max)
    {
        var node = Get(key, false);
        if (node is null)
        {
            return fallback;
        }

        var text = Scalar(node, Sub(key));
        return QueryTime.TryParseDuration(text, out var value) && value >= min && value <= max
            ? value
            : throw Error(node, Sub(key), $"'{text}' is not a duration from {min.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s to {max.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (like 90s, 10m, 1h)");
    }

    /// <summary>A value read by <paramref name="parse"/>, which gives the value or why the text is not one.</summary>
    public T? Parsed<T>(string key, Func<string, (T? Value, string? Error)> parse)
        where T : struct
    {
        var node = Get(key, false);
        if (node is null)
        {
            return null;
        }

        var (value, error) = parse(Scalar(node, Sub(key)));
        return value ?? throw Error(node, Sub(key), error ?? "not a valid value");
    }

    public DateTimeOffset? Instant(string key)
    {
        var node = Get(key, false);
        if (node is null)
        {
            return null;
        }

        var text = Scalar(node, Sub(key));
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw Error(node, Sub(key), $"'{text}' is not a date and time (like 2026-12-24T00:00:00Z)");
    }

    /// <summary>A list of strings; a single string counts as a list of one.</summary>
    public IReadOnlyList<string> Strings(string key, IReadOnlyCollection<string>? allowed = null)
    {
        var node = Get(key, false);
        if (node is null)
        {
            return [];
        }

        var items = node is YamlSequenceNode seq ? seq.Children.ToList() : [node];
        var result = new List<string>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var text = Scalar(items[i], $"{Sub(key)}[{i}]");
            if (allowed is not null && !allowed.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                throw Error(items[i], $"{Sub(key)}[{i}]", $"unknown '{text}'; expected one of {string.Join(", ", allowed)}");
            }

            result.Add(text);
        }

        return result;
    }

    public YamlFields? Map(string key) => Get(key, false) is { } node ? new YamlFields(Source, node, Sub(key)) : null;

    public IReadOnlyList<YamlFields> Maps(string key)
    {
        var node = Get(key, false);
        if (node is null)
        {
            return [];
        }

        if (node is not YamlSequenceNode seq)
        {
            throw Error(node, Sub(key), "expected a list (lines starting with '- ')");
        }

        return [.. seq.Children.Select((child, i) => new YamlFields(Source, child, $"{Sub(key)}[{i}]"))];
    }

    /// <summary>Rejects the keys no getter read: a misspelt key would otherwise be silently ignored.</summary>
    public void Done()
    {
        foreach (var (key, _) in _node.Children)
        {
            var name = key is YamlScalarNode s ? s.Value ?? "" : "";
            if (!_read.Contains(name))
            {
                throw Error(key, Sub(name), $"unknown key '{name}'");
            }
        }
    }

    private YamlNode? Find(string key) =>
        _node.Children.FirstOrDefault(p => p.Key is YamlScalarNode s && string.Equals(s.Value, key, StringComparison.Ordinal)).Value;

    private YamlNode? Get(string key, bool required)
    {
        _read.Add(key);
        var node = Find(key);
        if (node is null && required)
        {
            throw Error(_node, Path, $"'{key}' is required");
        }

        return node is YamlScalarNode { Value: null or "" } && !required ? null : node;
    }

    private string Scalar(YamlNode node, string path) =>
        node is YamlScalarNode { Value: { Length: > 0 } value } ? value : throw Error(node, path, "expected a single value");

    private string Sub(string key) => Path.Length == 0 ? key : Path + "." + key;

    private static string Kebab(string name) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(name);
}
