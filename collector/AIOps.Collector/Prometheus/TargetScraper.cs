using System.Globalization;
using System.Text;
using AIOps.Collector.Ingestion;
using AIOps.Collector.Model;
using Microsoft.Extensions.Options;

namespace AIOps.Collector.Prometheus;

/// <summary>
/// Scrapes one target as Prometheus does: GET with the scrape timeout in a header, the body bounded,
/// parsed as text exposition 0.0.4 with the target's labels added; samples without a timestamp get
/// the time the scrape started. Any failure (status, timeout, size, syntax) fails the whole scrape.
/// </summary>
public sealed class TargetScraper(IHttpClientFactory httpClients, IOptions<ScrapeOptions> options, TimeProvider time, ILogger<TargetScraper> logger)
{
    private const string Accept = "text/plain;version=0.0.4;q=1,*/*;q=0.1";

    public async Task<ScrapeResult> ScrapeAsync(ScrapeTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var settings = options.Value;
        var started = time.GetTimestamp();
        var timestampMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        using var timeout = new CancellationTokenSource(settings.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        MetricBatch? page = null;
        string? error;
        try
        {
            (page, error) = await FetchAsync(target, settings, timestampMs, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = $"timed out after {settings.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s";
        }
        catch (HttpRequestException e)
        {
            error = e.Message;
        }
        catch (ExpositionFormatException e)
        {
            error = "invalid exposition: " + e.Message;
        }

        if (error is not null)
        {
            PrometheusLog.ScrapeFailed(logger, target.Url, error);
        }

        return new ScrapeResult(target, error is null ? page : null, time.GetElapsedTime(started), timestampMs, error);
    }

    private async Task<(MetricBatch? Page, string? Error)> FetchAsync(ScrapeTarget target, ScrapeOptions settings, long timestampMs, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, target.Url);
        request.Headers.Accept.ParseAdd(Accept);
        request.Headers.Add("X-Prometheus-Scrape-Timeout-Seconds", settings.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture));
        var client = httpClients.CreateClient(ScrapeTargetDiscovery.HttpClientName);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return (null, $"HTTP {((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)} {response.ReasonPhrase}");
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var body = await BodyReader.ReadAsync(stream, response.Content.Headers.ContentLength, settings.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
            if (body is null)
            {
                return (null, $"the page is larger than {settings.MaxBodyBytes} bytes");
            }

            // The format is UTF-8 by definition, whatever charset a target claims.
            return (ExpositionParser.Parse(Encoding.UTF8.GetString(body), timestampMs, target.Labels), null);
        }
    }
}
