using System.Diagnostics;
using System.Net.Sockets;
using AIOps.Travel.Telemetry;

namespace AIOps.Travel.Balancing;

/// <summary>
/// Resolves logical URLs (http://hotel/hotels?city=...) to a live replica chosen by the load balancer.
/// A replica that fails at the transport level is ejected for a while and the call moves to another
/// replica when that is safe (see <see cref="CanRetry"/>).
/// </summary>
internal sealed class BalancingHandler(LoadBalancer balancer) : DelegatingHandler
{
    /// <summary>The end client's address, for IP-hash balancing.</summary>
    public static readonly HttpRequestOptionsKey<string> ClientKey = new("aiops.client-key");

    private const int MaxAttempts = 3;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var logical = request.RequestUri ?? throw new InvalidOperationException("request without URI");
        var service = logical.Host;
        // Flows into the client span the HTTP handler below starts (restored when this method returns).
        PeerService.Current = service;
        request.Options.TryGetValue(ClientKey, out var clientKey);
        List<InstanceState>? tried = null;
        for (var attempt = 1; ; attempt++)
        {
            var state = await balancer.PickAsync(service, clientKey, tried, cancellationToken).ConfigureAwait(false);
            if (state is null)
            {
                RecordUnavailable(request.Method, service);
                throw new ServiceUnavailableException(service);
            }

            request.RequestUri = new Uri(new Uri(state.Instance.Address), logical.PathAndQuery);
            state.Begin();
            var started = Stopwatch.GetTimestamp();
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                state.End(Stopwatch.GetElapsedTime(started));
                return response;
            }
            catch (HttpRequestException ex) when (CanRetry(ex, request.Method) && attempt < MaxAttempts)
            {
                state.End(Stopwatch.GetElapsedTime(started));
                balancer.Eject(state);
                (tried ??= []).Add(state);
            }
            catch
            {
                state.End(Stopwatch.GetElapsedTime(started));
                throw;
            }
            finally
            {
                request.RequestUri = logical;
            }
        }
    }

    /// <summary>
    /// A call that found no live instance never reaches HttpClient, which would have recorded it: it is recorded here, as
    /// a failed client span naming the service (as a mesh records "no healthy upstream"), so that the failure reads as
    /// the service's, not as the caller's own.
    /// </summary>
    private static void RecordUnavailable(HttpMethod method, string service)
    {
        using var span = TravelTelemetry.Source.StartActivity(method.Method, ActivityKind.Client);
        if (span is null)
        {
            return;
        }

        span.SetTag("http.request.method", method.Method);
        span.SetTag("server.address", service);
        span.SetTag("error.type", "no_live_instance");
        span.SetStatus(ActivityStatusCode.Error, $"no live instance of {service}");
    }

    /// <summary>
    /// A refused connection never reached the replica: safe to move for any method. A connection that
    /// broke mid-call (a replica killed with a pooled connection open) may have reached it: moved only
    /// for idempotent methods.
    /// </summary>
    private static bool CanRetry(HttpRequestException ex, HttpMethod method) =>
        ex.HttpRequestError == HttpRequestError.ConnectionError
        || ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused }
        || (IsIdempotent(method) && ex.HttpRequestError is HttpRequestError.ResponseEnded or HttpRequestError.Unknown && ex.StatusCode is null);

    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Options;
}
