using System.Net;
using System.Net.Http.Headers;

namespace Cppcc.Bot.Hosting;

/// <summary>
/// The transport under the SDK's token checks for the Bot Framework's OpenID metadata and signing keys. The SDK fetches
/// them with a plain <c>HttpClient</c> (100 s timeout) and, until the first fetch succeeds, lets one request at a time
/// try again, so an endpoint that accepts but never answers held every message for 100 s, one after another. Here
/// each address is fetched once for all waiting requests, within a timeout of seconds; a failure is logged once with
/// its reason and remembered for a short while, so the requests in that time fail (401) at once instead of queueing.
/// </summary>
public sealed class SharedMetadataHandler : DelegatingHandler
{
    // A success is kept only long enough for the SDK's two readers of the same documents (keys, endorsements) to share
    // one fetch; the SDK caches the parsed result itself.
    private static readonly TimeSpan SuccessReuse = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, Fetch> _fetches = new();
    private readonly Lock _lock = new();
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _retryAfter;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the handler over <paramref name="network"/>.</summary>
    public SharedMetadataHandler(HttpMessageHandler network, TimeSpan timeout, TimeSpan retryAfter, TimeProvider time, ILogger logger)
        : base(network)
    {
        _timeout = timeout;
        _retryAfter = retryAfter;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.AbsoluteUri;
        var fetch = Current(url);
        var document = await fetch.Task.WaitAsync(cancellationToken);
        if (document.Failure is { } failure)
        {
            throw new HttpRequestException($"Bot Framework signing keys unavailable from {url}: {failure}");
        }

        var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new ByteArrayContent(document.Body) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return response;
    }

    private Fetch Current(string url)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (_fetches.TryGetValue(url, out var fetch) && !fetch.IsStale(now, SuccessReuse, _retryAfter))
            {
                return fetch;
            }

            fetch = new Fetch(FetchAsync(url));
            _fetches[url] = fetch;
            return fetch;
        }
    }

    private async Task<Document> FetchAsync(string url)
    {
        // Never the caller's token: the fetch is shared, one caller giving up must not fail it for the others.
        using var timeout = new CancellationTokenSource(_timeout, _time);
        string failure;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = await base.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return new Document(body, null, _time.GetUtcNow());
            }

            failure = $"answered {(int)response.StatusCode}";
        }
        catch (OperationCanceledException)
        {
            failure = $"no answer within {_timeout.TotalSeconds:0.#} s";
        }
        catch (HttpRequestException e)
        {
            failure = e.HttpRequestError == HttpRequestError.Unknown ? e.Message : $"{e.HttpRequestError} ({e.Message})";
        }

        _logger.LogWarning(
            "Bot Framework signing keys could not be fetched from {Url}: {Failure}. Requests with a token get 401 until a fetch succeeds; next try in {RetryAfter} s",
            url, failure, _retryAfter.TotalSeconds);
        return new Document([], failure, _time.GetUtcNow());
    }

    private sealed record Document(byte[] Body, string? Failure, DateTimeOffset At);

    private sealed record Fetch(Task<Document> Task)
    {
        public bool IsStale(DateTimeOffset now, TimeSpan successReuse, TimeSpan retryAfter)
            => Task.IsCompleted && now - Task.Result.At >= (Task.Result.Failure is null ? successReuse : retryAfter);
    }
}
