using Microsoft.Bot.Schema;

namespace Cppcc.Bot.Delivery;

/// <summary>
/// Maps what the Connector threw to an outcome. Teams: retry 429/412/502/503/504 honouring Retry-After; 403 = the user
/// blocked or removed the bot (record, never retry); 400/404 are permanent. A 500 is retried too: the SDK never retries
/// them itself, and Teams' 500s are mostly transient; the attempt limit bounds it.
/// </summary>
public static class OutcomeClassifier
{
    public static DeliveryOutcome Classify(Exception exception, int attempt, DateTimeOffset now)
    {
        switch (exception)
        {
            case DeliveryFailureException f:
                return new(f.Kind, attempt, f.Status, f.RetryAfter, Error: f.Error);
            case ErrorResponseException { Response: not null } e:
                var status = (int)e.Response.StatusCode;
                var code = e.Body?.Error?.Code ?? "Http" + status;
                return status switch
                {
                    429 => new(OutcomeKind.Throttled, attempt, status, RetryAfter(e, now), Error: code),
                    403 => new(OutcomeKind.Blocked, attempt, status, Error: code),
                    408 or 412 or >= 500 => new(OutcomeKind.Transient, attempt, status, RetryAfter(e, now), Error: code),
                    _ => new(OutcomeKind.Failed, attempt, status, Error: code),
                };
            case HttpRequestException or TimeoutException or TaskCanceledException:
                // On the wire or not, we cannot tell: retrying may duplicate, giving up may lose. We retry.
                return new(OutcomeKind.Transient, attempt, Error: exception.GetType().Name);
            case AggregateException when exception.Message.Contains("token", StringComparison.OrdinalIgnoreCase):
                return new(OutcomeKind.Transient, attempt, Error: "TokenAcquisition");
            default:
                return new(OutcomeKind.Failed, attempt, Error: exception.GetType().Name);
        }
    }

    /// <summary>Retry-After in seconds or as an HTTP date. The header dictionary is case-sensitive.</summary>
    public static TimeSpan? RetryAfter(ErrorResponseException e, DateTimeOffset now)
    {
        var raw = e.Response?.Headers?
            .FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (int.TryParse(raw, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParse(raw, out var at))
        {
            return at > now ? at - now : TimeSpan.Zero;
        }

        return null;
    }
}
