using Microsoft.AspNetCore.Components.Forms;

namespace AIOps.Dashboard.Tests.Components;

/// <summary>The antiforgery token a rendered form carries, fixed: what a page with forms needs to render outside a host.</summary>
internal sealed class FixedAntiforgery : AntiforgeryStateProvider
{
    public const string Token = "test-antiforgery-token";

    public override AntiforgeryRequestToken? GetAntiforgeryToken() => new(Token, "__RequestVerificationToken");
}
