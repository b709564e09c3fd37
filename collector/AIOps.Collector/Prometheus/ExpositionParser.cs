using AIOps.Collector.Model;

namespace AIOps.Collector.Prometheus;

/// <summary>
/// Parses the Prometheus text exposition format 0.0.4: # HELP and # TYPE lines, samples with quoted,
/// escaped label values, NaN and ±Inf, optional millisecond timestamps, and histogram (_bucket{le},
/// _sum, _count) and summary ({quantile}, _sum, _count) families. Lenient where the Prometheus server
/// is (repeated TYPE lines, other comments, blank lines, \r\n); strict about syntax, naming the line.
/// </summary>
public sealed partial class ExpositionParser
{
    private readonly Dictionary<string, Family> _families = new(StringComparer.Ordinal);
    private readonly List<string> _familyOrder = [];
    private readonly List<MetricSample> _samples = [];
    private readonly List<Label> _labels = [];
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _stringsBySpan;
    private readonly IReadOnlyList<Label> _targetLabels;
    private readonly long _timestampMs;
    private int _line;

    private ExpositionParser(long timestampMs, IReadOnlyList<Label> targetLabels)
    {
        _timestampMs = timestampMs;
        _targetLabels = targetLabels;
        _stringsBySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// Parses a page. Samples without a timestamp get <paramref name="timestampMs"/> (the scrape time).
    /// <paramref name="targetLabels"/> are added to every series; a scraped label of the same name is kept
    /// as exported_&lt;name&gt;, as Prometheus does with honor_labels: false.
    /// </summary>
    /// <exception cref="ExpositionFormatException">A line is malformed; the message names it.</exception>
    public static MetricBatch Parse(string text, long timestampMs, IReadOnlyList<Label>? targetLabels = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new ExpositionParser(timestampMs, targetLabels ?? []);
        parser.ParseLines(text);
        var metadata = parser._familyOrder.Select(name => new MetricMetadata(name, parser._families[name].Type, null, parser._families[name].Help)).ToList();
        return new MetricBatch(parser._samples, metadata);
    }

    private void ParseLines(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            _line++;
            var end = text.IndexOf('\n');
            var line = end < 0 ? text : text[..end];
            text = end < 0 ? default : text[(end + 1)..];
            if (line.EndsWith('\r'))
            {
                line = line[..^1];
            }

            line = line.TrimStart(" \t");
            if (line.IsEmpty)
            {
                continue;
            }

            if (line[0] == '#')
            {
                ParseComment(line[1..]);
            }
            else
            {
                ParseSample(line);
            }
        }
    }

    /// <summary># HELP name text, # TYPE name type; any other comment is ignored.</summary>
    private void ParseComment(ReadOnlySpan<char> comment)
    {
        comment = comment.TrimStart(" \t");
        var keywordEnd = comment.IndexOfAny(' ', '\t');
        var keyword = keywordEnd < 0 ? comment : comment[..keywordEnd];
        var isHelp = keyword.SequenceEqual("HELP");
        if (!isHelp && !keyword.SequenceEqual("TYPE"))
        {
            return;
        }

        var rest = keywordEnd < 0 ? default : comment[(keywordEnd + 1)..].TrimStart(" \t");
        var nameLength = MetricNameLength(rest);
        if (nameLength == 0 || (nameLength < rest.Length && !IsBlank(rest[nameLength])))
        {
            throw Error($"# {keyword} needs a valid metric name");
        }

        var family = FamilyOf(Intern(rest[..nameLength]));
        var value = nameLength < rest.Length ? rest[(nameLength + 1)..] : default;
        if (isHelp)
        {
            family.Help = UnescapeHelp(value);
            return;
        }

        family.Type = value.Trim(" \t") switch
        {
            "counter" => MetricType.Counter,
            "gauge" => MetricType.Gauge,
            "histogram" => MetricType.Histogram,
            "summary" => MetricType.Summary,
            "untyped" => MetricType.Unknown,
            var other => throw Error($"unknown metric type '{other}'"),
        };
    }

    private Family FamilyOf(string name)
    {
        if (!_families.TryGetValue(name, out var family))
        {
            family = new Family();
            _families.Add(name, family);
            _familyOrder.Add(name);
        }

        return family;
    }

    /// <summary>HELP text escapes only backslash and newline; any other backslash stays as it is.</summary>
    private static string UnescapeHelp(ReadOnlySpan<char> text)
    {
        if (!text.Contains('\\'))
        {
            return text.ToString();
        }

        var result = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '\\' or 'n')
            {
                result.Append(text[++i] == 'n' ? '\n' : '\\');
            }
            else
            {
                result.Append(text[i]);
            }
        }

        return result.ToString();
    }

    private string Intern(ReadOnlySpan<char> text)
    {
        if (_stringsBySpan.TryGetValue(text, out var known))
        {
            return known;
        }

        var created = text.ToString();
        _strings.Add(created, created);
        return created;
    }

    private ExpositionFormatException Error(string reason) => new(_line, reason);

    private sealed class Family
    {
        public MetricType Type { get; set; }

        public string? Help { get; set; }
    }
}
