using System.Globalization;

namespace AIOps.Collector.Prometheus;

public sealed partial class ExpositionParser
{
    /// <summary>A sample value: a Go-style float, NaN, +Inf, -Inf (any case).</summary>
    internal static bool TryParseValue(ReadOnlySpan<char> text, out double value)
    {
        if (text.Equals("NaN", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }

        if (text.Equals("+Inf", StringComparison.OrdinalIgnoreCase) || text.Equals("Inf", StringComparison.OrdinalIgnoreCase))
        {
            value = double.PositiveInfinity;
            return true;
        }

        if (text.Equals("-Inf", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NegativeInfinity;
            return true;
        }

        return double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The next blank-separated token from <paramref name="i"/>, moving past it and the blanks after it.</summary>
    private static ReadOnlySpan<char> Token(ReadOnlySpan<char> line, ref int i)
    {
        var start = i;
        while (i < line.Length && !IsBlank(line[i]))
        {
            i++;
        }

        var token = line[start..i];
        i = SkipBlanks(line, i);
        return token;
    }

    private static int SkipBlanks(ReadOnlySpan<char> line, int i)
    {
        while (i < line.Length && IsBlank(line[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Length of the metric name [a-zA-Z_:][a-zA-Z0-9_:]* at the start of <paramref name="text"/>.</summary>
    private static int MetricNameLength(ReadOnlySpan<char> text)
    {
        var length = 0;
        while (length < text.Length && (char.IsAsciiLetter(text[length]) || text[length] is '_' or ':' || (length > 0 && char.IsAsciiDigit(text[length]))))
        {
            length++;
        }

        return length;
    }

    /// <summary>Length of the label name [a-zA-Z_][a-zA-Z0-9_]* at the start of <paramref name="text"/>.</summary>
    private static int LabelNameLength(ReadOnlySpan<char> text)
    {
        var length = 0;
        while (length < text.Length && (char.IsAsciiLetter(text[length]) || text[length] == '_' || (length > 0 && char.IsAsciiDigit(text[length]))))
        {
            length++;
        }

        return length;
    }

    private static bool IsBlank(char c) => c is ' ' or '\t';
}
