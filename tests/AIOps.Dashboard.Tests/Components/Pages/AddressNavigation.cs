using Microsoft.AspNetCore.Components;

namespace AIOps.Dashboard.Tests.Components.Pages;

/// <summary>The address a rendered page was asked for, so that its [SupplyParameterFromQuery] properties read their query.</summary>
internal sealed class AddressNavigation : NavigationManager
{
    public AddressNavigation(string pathAndQuery) => Initialize("http://localhost/", "http://localhost" + pathAndQuery);
}
