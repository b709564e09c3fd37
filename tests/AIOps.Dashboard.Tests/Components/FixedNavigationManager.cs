using Microsoft.AspNetCore.Components;

namespace AIOps.Dashboard.Tests.Components;

/// <summary>The address a rendered page sees, fixed: what its query parameters are read from.</summary>
internal sealed class FixedNavigationManager : NavigationManager
{
    public FixedNavigationManager(string pathAndQuery) => Initialize("http://localhost/", new Uri(new Uri("http://localhost/"), pathAndQuery).ToString());

    protected override void NavigateToCore(string uri, NavigationOptions options) =>
        throw new NotSupportedException("a statically rendered page does not navigate");
}
