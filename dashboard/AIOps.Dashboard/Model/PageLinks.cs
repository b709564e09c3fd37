namespace AIOps.Dashboard.Model;

/// <summary>Addresses of the dashboard's pages about one thing, with their parts escaped.</summary>
public static class PageLinks
{
    public static string Service(string name) => "/services/" + Uri.EscapeDataString(name);

    public static string Incident(string id) => "/incidents/" + Uri.EscapeDataString(id);

    public static string Traces(string service, string? operation = null) =>
        "/traces?service=" + Uri.EscapeDataString(service) + (operation is null ? "" : "&operation=" + Uri.EscapeDataString(operation));
}
