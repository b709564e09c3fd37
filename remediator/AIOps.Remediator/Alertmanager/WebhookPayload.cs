using System.Globalization;
using System.Text.Json;

namespace AIOps.Remediator.Alertmanager;

/// <summary>Reads Alertmanager's webhook payload (version 4), naming the field when something is wrong. Pure.</summary>
public static class WebhookPayload
{
    /// <summary>The notification in <paramref name="json"/>, or the reason it is not one.</summary>
    public static (AlertNotification? Notification, string? Error) Parse(string json, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "the body must be a JSON object");
            }

            if (Text(root, "version") != "4")
            {
                return (null, "version: expected \"4\" (Alertmanager's webhook payload)");
            }

            if (!root.TryGetProperty("alerts", out var alerts) || alerts.ValueKind != JsonValueKind.Array)
            {
                return (null, "alerts: expected a list");
            }

            var list = new List<ReceivedAlert>();
            var i = 0;
            foreach (var alert in alerts.EnumerateArray())
            {
                if (Alert(alert) is not { } parsed)
                {
                    return (null, $"alerts[{i}]: needs status, labels and startsAt");
                }

                list.Add(parsed);
                i++;
            }

            return (new AlertNotification(
                receivedAt,
                Text(root, "receiver") ?? "",
                Text(root, "groupKey") ?? "",
                Text(root, "status") ?? "",
                list,
                root.TryGetProperty("truncatedAlerts", out var t) && t.TryGetInt32(out var truncated) ? truncated : 0), null);
        }
        catch (JsonException ex)
        {
            return (null, "not JSON: " + ex.Message);
        }
    }

    private static ReceivedAlert? Alert(JsonElement alert)
    {
        if (alert.ValueKind != JsonValueKind.Object || Text(alert, "status") is not { } status || Time(alert, "startsAt") is not { } startsAt
            || !alert.TryGetProperty("labels", out var labels) || labels.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        // Alertmanager sends endsAt 0001-01-01T00:00:00Z for an alert that has not ended.
        var endsAt = Time(alert, "endsAt") is { Year: > 1 } end ? end : (DateTimeOffset?)null;
        return new ReceivedAlert(status, Map(labels), alert.TryGetProperty("annotations", out var a) ? Map(a) : new Dictionary<string, string>(), startsAt, endsAt,
            Text(alert, "generatorURL"), Text(alert, "fingerprint"));
    }

    private static Dictionary<string, string> Map(JsonElement map) =>
        map.ValueKind != JsonValueKind.Object ? [] : map.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Time(JsonElement element, string name) =>
        Text(element, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}
