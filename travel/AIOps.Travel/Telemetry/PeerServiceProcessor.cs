using System.Diagnostics;
using OpenTelemetry;

namespace AIOps.Travel.Telemetry;

/// <summary>Tags client spans with the logical service they call (<see cref="PeerService"/>) as <c>peer.service</c>.</summary>
internal sealed class PeerServiceProcessor : BaseProcessor<Activity>
{
    /// <summary>The semantic-convention attribute name.</summary>
    public const string Attribute = "peer.service";

    public override void OnStart(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Kind == ActivityKind.Client && PeerService.Current is { } peer)
        {
            data.SetTag(Attribute, peer);
        }
    }
}
