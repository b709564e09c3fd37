using System.Text.Encodings.Web;

namespace AIOps.Dashboard.Tests.Components.Pages;

/// <summary>The health pages' tests: each test gets a fresh <see cref="SeededPlatform"/>, gone after it.</summary>
public abstract class SeededPageTests : IAsyncLifetime
{
    internal SeededPlatform Platform { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Platform.DisposeAsync();

    /// <summary>Text as the page writes it into its HTML.</summary>
    protected static string Encoded(string text) => HtmlEncoder.Default.Encode(text);
}
