using AIOps.Dashboard.Model;
using AIOps.Dashboard.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AIOps.Dashboard.Tests.Components;

/// <summary>
/// Renders one of the dashboard's components to HTML with the framework's HtmlRenderer, as the host would for a
/// request: the test registers the services the component reads, and says who asks and for which range; the request's
/// path and query fill the page's [SupplyParameterFromQuery] properties, as in the host.
/// </summary>
internal static class ComponentRenderer
{
    /// <summary>A request at <paramref name="now"/> for the last hour, by an operator unless said otherwise.</summary>
    public static UiRequest Request(DateTimeOffset now, string role = DashboardRoles.Operator, string path = "/", TimeRange? range = null) =>
        new(now, range ?? TimeRange.Default, path, "sre", role);

    public static async Task<string> RenderAsync<TComponent>(UiRequest request, Action<IServiceCollection> services, IDictionary<string, object?>? parameters = null)
        where TComponent : IComponent
    {
        var collection = new ServiceCollection().AddSingleton(request).AddSingleton(TimeProvider.System)
            .AddSingleton<NavigationManager>(new AddressNavigationManager(request.Path)).AddSupplyValueFromQueryProvider();
        services(collection);
        await using var provider = collection.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var view = parameters is null ? ParameterView.Empty : ParameterView.FromDictionary(parameters);
            return (await renderer.RenderComponentAsync<TComponent>(view)).ToHtmlString();
        });
    }

    private sealed class AddressNavigationManager : NavigationManager
    {
        public AddressNavigationManager(string path) => Initialize("http://dashboard.test/", "http://dashboard.test" + path);
    }
}
