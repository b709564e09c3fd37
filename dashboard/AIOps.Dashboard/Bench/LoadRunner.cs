using System.Diagnostics;
using System.Net;

namespace AIOps.Dashboard.Bench;

/// <summary>
/// Closed-loop load: N workers, each sending its next request when the last is answered, for a fixed
/// time (the body factory is told which worker asks, so a worker can own its series). Counts the items of 2xx answers; a busy answer (429 or 503) is counted and retried after a
/// short pause, as a well-behaved client would.
/// </summary>
internal static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(HttpClient http, Uri url, Func<int, byte[]> body, int itemsPerRequest, Action<HttpContent> headers, TimeSpan duration, int concurrency, CancellationToken cancellationToken)
    {
        long accepted = 0, requests = 0, busy = 0, failed = 0;
        string? firstFailure = null;
        var latencies = new List<double>[concurrency];
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = new List<double>(4096);
            while (Stopwatch.GetElapsedTime(started) < duration && !cancellationToken.IsCancellationRequested)
            {
                using var content = new ByteArrayContent(body(worker));
                headers(content);
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
                    mine.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                    Interlocked.Increment(ref requests);
                    if (response.IsSuccessStatusCode)
                    {
                        Interlocked.Add(ref accepted, itemsPerRequest);
                    }
                    else if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests)
                    {
                        Interlocked.Increment(ref busy);
                        await Task.Delay(50, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        Interlocked.Increment(ref failed);
                        if (firstFailure is null)
                        {
                            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                            Interlocked.CompareExchange(ref firstFailure, $"{(int)response.StatusCode} {text[..Math.Min(text.Length, 200)]}", null);
                        }
                    }
                }
                catch (HttpRequestException ex)
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstFailure, ex.Message, null);
                }
            }
        });
        await Task.WhenAll(workers).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = latencies.Where(l => l is not null).SelectMany(l => l).Order().ToList();
        var p99 = all.Count == 0 ? double.NaN : all[Math.Min(all.Count - 1, (int)Math.Ceiling(all.Count * 0.99) - 1)];
        return new LoadResult(Math.Round(accepted / elapsed, 1), Math.Round(p99, 2), requests, busy, failed, firstFailure);
    }
}
