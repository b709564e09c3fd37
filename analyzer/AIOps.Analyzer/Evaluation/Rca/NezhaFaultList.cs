using System.Globalization;
using System.Text.Json;

namespace AIOps.Analyzer.Evaluation.Rca;

/// <summary>
/// Reads a day's fault list (<c>rca_data/&lt;day&gt;/&lt;day&gt;-fault_list.json</c>): an object keyed by hour, each
/// an array of faults with <c>inject_time</c>, <c>inject_timestamp</c>, <c>inject_pod</c> and <c>inject_type</c>.
/// </summary>
/// <remarks>
/// The start is taken from <c>inject_time</c> read as UTC, which puts it on the telemetry's clock (China wall-clock
/// time labelled as UTC). <c>inject_timestamp</c> is ignored: on 2023-01-29 it is about eight hours early for the
/// morning's faults, and two of them share one value.
/// </remarks>
public static class NezhaFaultList
{
    /// <summary>The format of <c>inject_time</c>.</summary>
    public const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>The cases of the fault list <paramref name="json"/> of <paramref name="day"/>, in time order.</summary>
    /// <exception cref="InvalidDataException">The text is not such a list; the message names <paramref name="source"/> and the entry.</exception>
    public static IReadOnlyList<NezhaCase> Read(string json, string day, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not JSON: {e.Message}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{source}: expected an object keyed by hour");
            }

            var cases = new List<NezhaCase>();
            foreach (var hour in document.RootElement.EnumerateObject())
            {
                if (hour.Value.ValueKind != JsonValueKind.Array)
                {
                    throw new InvalidDataException($"{source}: hour '{hour.Name}' is not an array of faults");
                }

                var index = 0;
                foreach (var fault in hour.Value.EnumerateArray())
                {
                    cases.Add(CaseOf(fault, day, $"{source}: hour '{hour.Name}' fault {index++}"));
                }
            }

            cases.Sort((a, b) => a.AnomalyStartMs.CompareTo(b.AnomalyStartMs));
            return [.. cases.Select((c, i) => c with { PreviousStartMs = i > 0 ? cases[i - 1].AnomalyStartMs : null })];
        }
    }

    private static NezhaCase CaseOf(JsonElement fault, string day, string where)
    {
        var time = Text(fault, "inject_time", where);
        var pod = Text(fault, "inject_pod", where);
        var type = Text(fault, "inject_type", where);
        if (!DateTimeOffset.TryParseExact(time, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start))
        {
            throw new InvalidDataException($"{where}: inject_time '{time}' is not {TimeFormat}");
        }

        return new NezhaCase(time, day, NezhaPods.ServiceOf(pod), pod, type, start.ToUnixTimeMilliseconds(), null);
    }

    private static string Text(JsonElement fault, string property, string where) =>
        fault.ValueKind == JsonValueKind.Object && fault.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidDataException($"{where}: no {property} text");
}
