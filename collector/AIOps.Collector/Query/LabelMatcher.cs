using System.Text.RegularExpressions;

namespace AIOps.Collector.Query;

/// <summary>A Prometheus-style label matcher: =, !=, =~ or !~ (regular expressions are anchored).</summary>
public sealed class LabelMatcher
{
    private readonly Regex? _regex;

    public LabelMatcher(string name, string op, string value)
    {
        Name = name;
        Op = op;
        Value = value;
        if (op is "=~" or "!~")
        {
            _regex = new Regex("^(?:" + value + ")$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        else if (op is not ("=" or "!="))
        {
            throw new ArgumentException($"label matcher operator must be =, !=, =~ or !~, not '{op}'", nameof(op));
        }
    }

    public string Name { get; }

    public string Op { get; }

    public string Value { get; }

    /// <summary>Parses name=value, name!=value, name=~regex or name!~regex.</summary>
    public static LabelMatcher Parse(string text)
    {
        foreach (var op in new[] { "!=", "=~", "!~", "=" })
        {
            var at = text.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                return new LabelMatcher(text[..at].Trim(), op, text[(at + op.Length)..].Trim().Trim('"'));
            }
        }

        throw new ArgumentException($"'{text}' is not a label matcher (name=value, name!=value, name=~regex, name!~regex)", nameof(text));
    }

    /// <summary>Matches a label's value; a missing label has the value "".</summary>
    public bool Matches(string? actual)
    {
        actual ??= string.Empty;
        return Op switch
        {
            "=" => actual == Value,
            "!=" => actual != Value,
            "=~" => _regex!.IsMatch(actual),
            _ => !_regex!.IsMatch(actual),
        };
    }
}
