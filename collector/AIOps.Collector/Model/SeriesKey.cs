using System.Text;

namespace AIOps.Collector.Model;

/// <summary>
/// A metric series' identity: the metric name and its labels sorted by name (the name itself is not a
/// label here). Equality and hash are by value; the hash is computed once.
/// </summary>
public sealed class SeriesKey : IEquatable<SeriesKey>
{
    private readonly int _hash;

    public SeriesKey(string name, IEnumerable<Label> labels)
    {
        Name = name;
        Labels = [.. labels.Where(l => l.Value.Length > 0).OrderBy(l => l.Name, StringComparer.Ordinal)];
        var hash = new HashCode();
        hash.Add(name, StringComparer.Ordinal);
        foreach (var label in Labels)
        {
            hash.Add(label.Name, StringComparer.Ordinal);
            hash.Add(label.Value, StringComparer.Ordinal);
        }

        _hash = hash.ToHashCode();
    }

    public string Name { get; }

    /// <summary>Sorted by name, no empty values (an empty label is the same as no label, as in Prometheus).</summary>
    public IReadOnlyList<Label> Labels { get; }

    public string? this[string label]
    {
        get
        {
            foreach (var l in Labels)
            {
                if (l.Name == label)
                {
                    return l.Value;
                }
            }

            return null;
        }
    }

    public bool Equals(SeriesKey? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._hash != _hash || other.Name != Name || other.Labels.Count != Labels.Count)
        {
            return false;
        }

        for (var i = 0; i < Labels.Count; i++)
        {
            if (Labels[i] != other.Labels[i])
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as SeriesKey);

    public override int GetHashCode() => _hash;

    /// <summary>Prometheus text form: name{a="1",b="2"}.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Name);
        if (Labels.Count > 0)
        {
            text.Append('{');
            for (var i = 0; i < Labels.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(',');
                }

                text.Append(Labels[i].Name).Append("=\"").Append(Labels[i].Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('"');
            }

            text.Append('}');
        }

        return text.ToString();
    }
}
