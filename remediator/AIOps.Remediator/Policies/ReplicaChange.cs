using System.Globalization;

namespace AIOps.Remediator.Policies;

/// <summary>How many replicas a scaling action adds: "+2" adds two, "x1.5" multiplies (rounded up, at least one more).</summary>
public readonly record struct ReplicaChange(int Add, double Factor)
{
    /// <summary>The replica count after the change, kept within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int Apply(int current, int min, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(current);
        var wanted = Factor > 0 ? Math.Max(current + 1, (int)Math.Ceiling(current * Factor)) : current + Add;
        return Math.Clamp(wanted, min, max);
    }

    /// <summary>Reads "+N" (N from 1 to 100) or "xF" (F above 1 and at most 10); null with the reason when the text is neither.</summary>
    public static ReplicaChange? TryParse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        var t = text.Trim();
        if (t.StartsWith('+') && int.TryParse(t.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var add) && add is >= 1 and <= 100)
        {
            return new ReplicaChange(add, 0);
        }

        if (t.Length > 1 && (t[0] is 'x' or 'X' or '×')
            && double.TryParse(t.AsSpan(1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var factor) && factor is > 1 and <= 10)
        {
            return new ReplicaChange(0, factor);
        }

        error = $"'{text}' is not a replica change: +N (1 to 100) or xF (above 1, at most 10)";
        return null;
    }

    public override string ToString() => Factor > 0 ? "x" + Factor.ToString(CultureInfo.InvariantCulture) : "+" + Add.ToString(CultureInfo.InvariantCulture);
}
