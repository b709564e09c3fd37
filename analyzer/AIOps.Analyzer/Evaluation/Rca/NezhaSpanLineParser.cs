using System.Globalization;

namespace AIOps.Analyzer.Evaluation.Rca;

/// <summary>
/// Turns the lines of one Nezha trace file into spans. Ids, pods and operation names repeat across thousands of
/// lines, so each distinct value is allocated once per file and shared.
/// </summary>
internal sealed class NezhaSpanLineParser
{
    private const int Fields = 8;
    private readonly string _source;
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _stringsBySpan;
    private readonly Dictionary<string, string> _serviceByPod = new(StringComparer.Ordinal);

    /// <summary>Creates a parser for the file <paramref name="source"/> names (used in error messages).</summary>
    public NezhaSpanLineParser(string source)
    {
        _source = source;
        _stringsBySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Checks the first line of the file.</summary>
    /// <exception cref="InvalidDataException">The file is empty or its header is not the trace header.</exception>
    public void CheckHeader(string? header)
    {
        if (header is null)
        {
            throw new InvalidDataException($"{_source}: empty, expected the header {NezhaTraceCsv.Header}");
        }

        if (!header.AsSpan().TrimEnd('\r').Trim().SequenceEqual(NezhaTraceCsv.Header))
        {
            throw new InvalidDataException($"{_source}:1: header is '{header}', expected {NezhaTraceCsv.Header}");
        }
    }

    /// <summary>The span on line <paramref name="number"/>, or null for a blank line.</summary>
    /// <exception cref="InvalidDataException">The line is malformed; the message names the file and line.</exception>
    public NezhaSpan? Parse(string line, int number)
    {
        var text = line.AsSpan().TrimEnd('\r');
        if (text.IsWhiteSpace())
        {
            return null;
        }

        var commas = text.Count(',');
        if (commas < Fields - 1)
        {
            throw Error(number, $"{commas + 1} cells, the header has {Fields}");
        }

        // The first four and the last three cells hold ids, a pod name and numbers, none with a comma; whatever
        // lies between is the operation name, so one that contains commas still parses.
        var traceId = TakeFirst(ref text);
        var spanId = TakeFirst(ref text);
        var parentId = TakeFirst(ref text);
        var pod = TakeFirst(ref text);
        var duration = TakeLast(ref text);
        var end = TakeLast(ref text);
        var start = TakeLast(ref text);
        var operation = Unquote(text);
        if (traceId.IsEmpty || spanId.IsEmpty || parentId.IsEmpty || pod.IsEmpty)
        {
            throw Error(number, "TraceID, SpanID, ParentID and PodName must not be empty");
        }

        var startNanos = Number(start, "StartTimeUnixNano", number);
        var endNanos = Number(end, "EndTimeUnixNano", number);
        _ = Number(duration, "Duration", number);
        var podName = Intern(pod);
        return new NezhaSpan(
            Intern(traceId),
            spanId.ToString(),
            parentId.SequenceEqual(NezhaTraceCsv.RootParent) ? null : parentId.ToString(),
            ServiceOf(podName),
            podName,
            Intern(operation),
            startNanos,
            endNanos);
    }

    private static ReadOnlySpan<char> TakeFirst(ref ReadOnlySpan<char> text)
    {
        var comma = text.IndexOf(',');
        var cell = text[..comma];
        text = text[(comma + 1)..];
        return cell.Trim();
    }

    private static ReadOnlySpan<char> TakeLast(ref ReadOnlySpan<char> text)
    {
        var comma = text.LastIndexOf(',');
        var cell = text[(comma + 1)..];
        text = text[..comma];
        return cell.Trim();
    }

    private static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> cell)
    {
        cell = cell.Trim();
        return cell.Length >= 2 && cell[0] == '"' && cell[^1] == '"' ? cell[1..^1] : cell;
    }

    private long Number(ReadOnlySpan<char> cell, string column, int number) =>
        long.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(number, $"{column} '{cell}' is not a whole number");

    private string Intern(ReadOnlySpan<char> value)
    {
        if (_stringsBySpan.TryGetValue(value, out var known))
        {
            return known;
        }

        var text = value.ToString();
        _strings[text] = text;
        return text;
    }

    private string ServiceOf(string pod)
    {
        if (!_serviceByPod.TryGetValue(pod, out var service))
        {
            _serviceByPod[pod] = service = NezhaPods.ServiceOf(pod);
        }

        return service;
    }

    private InvalidDataException Error(int number, string message) => new($"{_source}:{number}: {message}");
}
