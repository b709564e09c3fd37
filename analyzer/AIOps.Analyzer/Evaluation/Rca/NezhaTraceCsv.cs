using System.Runtime.CompilerServices;

namespace AIOps.Analyzer.Evaluation.Rca;

/// <summary>
/// Reads the Nezha trace files (<c>trace/HH_MM_trace.csv</c>): one span a line, streamed so that a file of any size
/// is read in constant memory. A malformed line fails with the file and line number.
/// </summary>
public static class NezhaTraceCsv
{
    /// <summary>The header line every trace file starts with.</summary>
    public const string Header = "TraceID,SpanID,ParentID,PodName,OperationName,StartTimeUnixNano,EndTimeUnixNano,Duration";

    /// <summary>The ParentID of a trace's root span.</summary>
    public const string RootParent = "root";

    private const int BufferSize = 64 * 1024;

    /// <summary>The spans of <paramref name="reader"/>, in file order; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">While enumerating: the header or a line is malformed.</exception>
    public static IEnumerable<NezhaSpan> Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadLines(reader, source);
    }

    /// <summary>The spans of <paramref name="reader"/>, in file order, read asynchronously.</summary>
    /// <exception cref="InvalidDataException">While enumerating: the header or a line is malformed.</exception>
    public static async IAsyncEnumerable<NezhaSpan> ReadAsync(TextReader reader, string source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var parser = new NezhaSpanLineParser(source);
        parser.CheckHeader(await reader.ReadLineAsync(cancellationToken));
        var number = 1;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (parser.Parse(line, number) is { } span)
            {
                yield return span;
            }
        }
    }

    /// <summary>The spans of the file at <paramref name="path"/>; the file stays open only while enumerating.</summary>
    public static IEnumerable<NezhaSpan> ReadFile(string path)
    {
        using var reader = Open(path, FileOptions.SequentialScan);
        foreach (var span in ReadLines(reader, path))
        {
            yield return span;
        }
    }

    /// <summary>The spans of the file at <paramref name="path"/>, read asynchronously.</summary>
    public static async IAsyncEnumerable<NezhaSpan> ReadFileAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = Open(path, FileOptions.SequentialScan | FileOptions.Asynchronous);
        await foreach (var span in ReadAsync(reader, path, cancellationToken))
        {
            yield return span;
        }
    }

    private static IEnumerable<NezhaSpan> ReadLines(TextReader reader, string source)
    {
        var parser = new NezhaSpanLineParser(source);
        parser.CheckHeader(reader.ReadLine());
        var number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (parser.Parse(line, number) is { } span)
            {
                yield return span;
            }
        }
    }

    private static StreamReader Open(string path, FileOptions options) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, options));
}
