namespace AIOps.Travel.Services.Inventory;

internal static partial class InventoryLog
{
    [LoggerMessage(500, LogLevel.Warning, "Expiring the {Type} holds failed; the next sweep retries: {Error}")]
    public static partial void ExpiryFailed(ILogger logger, string type, string error);
}
