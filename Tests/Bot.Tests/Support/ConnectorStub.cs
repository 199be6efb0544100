using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Support;

/// <summary>How the stub misbehaves. Probabilities are per request, drawn from a seeded generator.</summary>
public sealed record ConnectorStubOptions
{
    /// <summary>Token bucket (capacity = one second of requests) over every request; beyond it: 429 + Retry-After.</summary>
    public int? RatePerSecond { get; init; }

    /// <summary>Teams' per-conversation limit, as an exact sliding 1-second window.</summary>
    public int? PerConversationPerSecond { get; init; } = 7;

    public double Injected429 { get; init; }

    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>Send Retry-After as an HTTP date (now + <see cref="RetryAfterSeconds"/> on <see cref="Time"/>), which the header also allows.</summary>
    public bool RetryAfterAsDate { get; init; }

    /// <summary>
    /// Awaited with the conversation id before a request is answered (and recorded): a Connector that is slow, or
    /// hangs (a task that never ends; the request's abort token is passed).
    /// </summary>
    public Func<string, CancellationToken, Task>? BeforeAnswer { get; init; }

    /// <summary>As <see cref="BeforeAnswer"/>, with the request's body too: to slow down one kind of message only.</summary>
    public Func<string, string, CancellationToken, Task>? BeforeAnswering { get; init; }

    public double Injected500 { get; init; }

    /// <summary>Conversations that always answer 403 (the user blocked the bot).</summary>
    public Func<string, bool> Blocked { get; init; } = _ => false;

    /// <summary>Conversations that always answer 404 (conversation gone).</summary>
    public Func<string, bool> NotFound { get; init; } = _ => false;

    /// <summary>Scripted answers: (conversation id, 1-based request number to it) => status, or null for the normal path.</summary>
    public Func<string, int, int?> StatusFor { get; init; } = (_, _) => null;

    public int Seed { get; init; } = 42;

    /// <summary>GET …/pagedmembers answers with this roster (Teams paged members), pageSize at a time.</summary>
    public IReadOnlyList<(string Id, string AadObjectId, string Name)> Roster { get; init; } = [];

    /// <summary>Loopback port to listen on (0 = any free port).</summary>
    public int Port { get; init; }

    /// <summary>Called with every request after it was answered (e.g. to print it).</summary>
    public Action<StubRequest>? OnRequest { get; init; }

    /// <summary>The clock used to stamp requests and refill the rate limit (a FakeTimeProvider in tests).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}

/// <summary>
/// One request as the stub saw it: <see cref="ActivityId"/> is the id in the path (PUT), <see cref="ReturnedId"/> the
/// id the stub answered with (a POST's new activity id). <see cref="Fault"/> says why it failed (rate,
/// conversation-rate, injected-429, injected-500, blocked, not-found, unknown-activity).
/// </summary>
public sealed record StubRequest(DateTimeOffset At, string Method, string ConversationId, string? ActivityId, int Status, string Body, string? Fault,
    string? ReturnedId = null);

/// <summary>
/// A loopback Bot Connector: answers POST/PUT /v3/conversations/{id}/activities[/{activityId}] like the
/// Connector does (each posted activity gets a fresh id; a PUT to an id this conversation never got is 404), enforces a rate limit, injects 429/500/403/404 and records every request, so proactive sends go
/// through the SDK's real ConnectorClient. The only Connector stand-in of the tests (delivery, reports, knowledge, ...).
/// </summary>
public sealed class ConnectorStub : IAsyncDisposable
{
    private readonly ConnectorStubOptions _options;
    private readonly Random _random;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _perConversation = new();
    private double _tokens;
    private readonly Dictionary<string, int> _requestsPerConversation = new();
    private readonly HashSet<(string Conversation, string Activity)> _postedIds = new();
    private DateTimeOffset _lastRefill;
    private long _nextId;
    private LoopbackServer _server = null!;

    public ConcurrentQueue<StubRequest> Requests { get; } = new();

    public string ServiceUrl { get; private set; } = "";

    private ConnectorStub(ConnectorStubOptions options)
    {
        _options = options;
        _random = new Random(options.Seed);
        _tokens = options.RatePerSecond ?? 0;
        _lastRefill = options.Time.GetUtcNow();
    }

    public static async Task<ConnectorStub> StartAsync(ConnectorStubOptions? options = null)
    {
        var stub = new ConnectorStub(options ?? new ConnectorStubOptions());
        stub._server = await LoopbackServer.StartAsync(stub.HandleAsync, stub._options.Port);
        stub.ServiceUrl = stub._server.Address + "/";
        return stub;
    }

    /// <summary>2xx POSTs (messages that reached the user) per conversation.</summary>
    public Dictionary<string, int> DeliveredPerConversation() =>
        Requests.Where(r => r.Method == "POST" && r.Status is >= 200 and < 300)
            .GroupBy(r => r.ConversationId).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// An activity id as if this Connector had delivered a card to <paramref name="conversationId"/> earlier (e.g. a card
    /// sent as an expectReplies reply, which never passed through the stub), so a later PUT to it is accepted.
    /// </summary>
    public string Delivered(string conversationId)
    {
        lock (_lock)
        {
            var id = "stub-" + (++_nextId);
            _postedIds.Add((conversationId, id));
            return id;
        }
    }

    public List<StubRequest> To(string conversationId) => Requests.Where(r => r.ConversationId == conversationId).ToList();

    /// <summary>Activities that reached <paramref name="conversationId"/> (2xx POSTs), in arrival order.</summary>
    public IReadOnlyList<JObject> DeliveredTo(string conversationId) =>
        Requests.Where(r => r.Method == "POST" && r.Status is >= 200 and < 300 && r.ConversationId == conversationId && r.Body.Length > 0)
            .Select(r => JObject.Parse(r.Body)).ToList();

    /// <summary>Text of every message that reached <paramref name="conversationId"/>.</summary>
    public IReadOnlyList<string> TextsTo(string conversationId) =>
        DeliveredTo(conversationId).Select(a => (string?)a["text"] ?? "").ToList();

    /// <summary>
    /// Waits (bounded) until at least <paramref name="count"/> messages reached the conversation: notices go through the
    /// delivery queue, so they arrive a moment after the turn that caused them.
    /// </summary>
    public async Task<IReadOnlyList<string>> TextsToAsync(string conversationId, int count, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (TextsTo(conversationId).Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return TextsTo(conversationId);
    }

    /// <summary>Waits (bounded) until an activity that reached <paramref name="conversationId"/> matches; throws on timeout.</summary>
    public async Task<JObject> WaitForAsync(string conversationId, Func<JObject, bool> match, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            if (DeliveredTo(conversationId).FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }
        throw new TimeoutException($"No matching activity for {conversationId}; received: {string.Join(" | ", Requests.Select(r => r.ConversationId))}");
    }

    /// <summary>The most requests the stub saw inside any 1-second window.</summary>
    public int MaxRequestsInAnySecond()
    {
        var times = Requests.Select(r => r.At).Order().ToArray();
        int best = 0, start = 0;
        for (var end = 0; end < times.Length; end++)
        {
            while (times[end] - times[start] >= TimeSpan.FromSeconds(1))
            {
                start++;
            }

            best = Math.Max(best, end - start + 1);
        }
        return best;
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var raw = ctx.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var body = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
        var segments = raw.Split('?')[0].Trim('/').Split('/');
        // v3 / conversations / {id} / activities [/ {activityId}]
        var conversationId = segments.Length >= 3 ? Uri.UnescapeDataString(segments[2]) : "";
        var activityId = segments.Length >= 5 ? Uri.UnescapeDataString(segments[4]) : null;
        if (_options.BeforeAnswer is not null || _options.BeforeAnswering is not null)
        {
            try
            {
                await (_options.BeforeAnswer?.Invoke(conversationId, ctx.RequestAborted) ?? Task.CompletedTask);
                await (_options.BeforeAnswering?.Invoke(conversationId, body, ctx.RequestAborted) ?? Task.CompletedTask);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up
            }
        }
        var now = _options.Time.GetUtcNow();

        int status;
        string? retryAfter = null;
        string? fault = null;
        StubRequest request;
        string answer;
        lock (_lock)
        {
            answer = ctx.Request.Method == "GET" && segments.Length >= 4 && segments[3] == "pagedmembers" ? RosterPage(ctx.Request.Query) : "";
            var nth = _requestsPerConversation[conversationId] = _requestsPerConversation.GetValueOrDefault(conversationId) + 1;
            if (answer.Length > 0)
            {
                status = 200;
            }
            else if (_options.StatusFor(conversationId, nth) is { } scripted)
            {
                (status, retryAfter, fault) = (scripted, scripted is 429 or 503 ? _options.RetryAfterSeconds.ToString() : null, "scripted");
            }
            else if (!TakeGlobalToken(now))
            {
                (status, retryAfter, fault) = (429, _options.RetryAfterSeconds.ToString(), "rate");
            }
            else if (!TakePerConversation(conversationId, now))
            {
                (status, retryAfter, fault) = (429, _options.RetryAfterSeconds.ToString(), "conversation-rate");
            }
            else if (_options.Blocked(conversationId))
            {
                (status, fault) = (403, "blocked");
            }
            else if (_options.NotFound(conversationId))
            {
                (status, fault) = (404, "not-found");
            }
            else if (ctx.Request.Method == "PUT" && (activityId is null || !_postedIds.Contains((conversationId, activityId))))
            {
                (status, fault) = (404, "unknown-activity");
            }
            else if (_random.NextDouble() < _options.Injected429)
            {
                (status, retryAfter, fault) = (429, _options.RetryAfterSeconds.ToString(), "injected-429");
            }
            else if (_random.NextDouble() < _options.Injected500)
            {
                (status, fault) = (500, "injected-500");
            }
            else
            {
                status = ctx.Request.Method == "POST" && segments is [_, "conversations"] ? 201 : 200;
            }

            string? returnedId = null;
            if (answer.Length == 0 && status == 200)
            {
                returnedId = ctx.Request.Method == "PUT" ? activityId : "stub-" + (++_nextId);
                if (ctx.Request.Method == "POST")
                {
                    _postedIds.Add((conversationId, returnedId!));
                }
            }
            answer = answer.Length > 0 ? answer : status switch
            {
                201 => "{\"id\":\"a:new-" + (++_nextId) + "\",\"activityId\":\"first-" + _nextId + "\"}",
                200 => "{\"id\":\"" + returnedId + "\"}",
                _ => "{\"error\":{\"code\":\"Stub" + status + "\",\"message\":\"stub failure\"}}",
            };
            request = new StubRequest(now, ctx.Request.Method, conversationId, activityId, status, body, fault, returnedId);
            Requests.Enqueue(request);
        }
        _options.OnRequest?.Invoke(request);
        ctx.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            ctx.Response.Headers.RetryAfter = _options.RetryAfterAsDate
                ? (now + TimeSpan.FromSeconds(_options.RetryAfterSeconds)).ToString("R", System.Globalization.CultureInfo.InvariantCulture)
                : retryAfter;
        }

        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(answer);
    }

    private string RosterPage(IQueryCollection query)
    {
        var size = int.TryParse(query["pageSize"], out var n) ? n : 200;
        var from = int.TryParse(query["continuationToken"], out var t) ? t : 0;
        var page = _options.Roster.Skip(from).Take(size)
            .Select(m => new System.Text.Json.Nodes.JsonObject { ["id"] = m.Id, ["aadObjectId"] = m.AadObjectId, ["name"] = m.Name, ["userRole"] = "user" });
        var result = new System.Text.Json.Nodes.JsonObject { ["members"] = new System.Text.Json.Nodes.JsonArray([.. page]) };
        if (from + size < _options.Roster.Count)
        {
            result["continuationToken"] = (from + size).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return result.ToJsonString();
    }

    private bool TakeGlobalToken(DateTimeOffset now)
    {
        if (_options.RatePerSecond is not { } rate)
        {
            return true;
        }

        _tokens = Math.Min(rate, _tokens + (now - _lastRefill).TotalSeconds * rate);
        _lastRefill = now;
        if (_tokens < 1)
        {
            return false;
        }

        _tokens -= 1;
        return true;
    }

    private bool TakePerConversation(string conversationId, DateTimeOffset now)
    {
        if (_options.PerConversationPerSecond is not { } limit)
        {
            return true;
        }

        if (!_perConversation.TryGetValue(conversationId, out var log))
        {
            _perConversation[conversationId] = log = new Queue<DateTimeOffset>();
        }

        while (log.Count > 0 && log.Peek() <= now - TimeSpan.FromSeconds(1))
        {
            log.Dequeue();
        }

        if (log.Count >= limit)
        {
            return false;
        }

        log.Enqueue(now);
        return true;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
