using System.Globalization;
using System.Text.RegularExpressions;
using Cppcc.Bot.Delivery;
using Cppcc.Dialogs.Framework;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.WeChat;

/// <summary>
/// Sends text to a WeChat user outside a passive reply: as customer-service messages (客服消息) while the user wrote
/// within the last 48 hours, else as a subscription notice (订阅通知) when a template is configured. Until it is
/// delivered the text is also kept with the user, so whatever cannot be delivered is shown when they next write.
/// Failures are reported in the delivery engine's terms (<see cref="DeliveryFailureException"/>).
/// </summary>
public sealed partial class WeChatSender(
    WeChatApiClient api, IWeChatUserStore users, IOptions<WeChatOptions> options, TimeProvider time, OfficeTime office,
    ILogger<WeChatSender> logger)
{
    // A customer-service send shortly before the window closes may arrive after it: leave a margin.
    private static readonly TimeSpan WindowMargin = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan QuotaBackOff = TimeSpan.FromMinutes(30);
    private long _quotaBlockedUntilTicks;

    /// <summary>Sends <paramref name="text"/> now, or throws what the delivery engine should do about it.</summary>
    public async Task SendAsync(string openId, string text, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            throw new DeliveryFailureException(OutcomeKind.Failed, "WeChatDisabled");
        }

        var now = time.GetUtcNow();
        var blockedUntil = new DateTimeOffset(Interlocked.Read(ref _quotaBlockedUntilTicks), TimeSpan.Zero);
        if (blockedUntil > now)
        {
            throw new DeliveryFailureException(OutcomeKind.Transient, "WeChatQuota", retryAfter: blockedUntil - now);
        }

        users.AddPending(openId, text);
        var last = users.LastInboundAt(openId);
        var windowOpen = last is { } at && now - at < options.Value.CustomerServiceWindow - WindowMargin;
        try
        {
            if ((windowOpen && await TryCustomerServiceAsync(openId, text, cancellationToken))
                || await TrySubscriptionAsync(openId, text, cancellationToken))
            {
                users.RemovePending(openId, text);
                return;
            }
        }
        catch (WeChatApiException e)
        {
            throw Classify(e);
        }

        logger.LogInformation("WeChat message kept for the user's next visit: no customer-service window and no subscription notice");
        throw new DeliveryFailureException(OutcomeKind.Failed, "WeChatHeldForNextVisit");
    }

    /// <summary>False when WeChat says the window is closed after all (45015/45047): then try the subscription notice.</summary>
    private async Task<bool> TryCustomerServiceAsync(string openId, string text, CancellationToken cancellationToken)
    {
        try
        {
            // REVIEW: a retry after a later part failed sends the earlier parts again (at-least-once, as the queue promises).
            foreach (var part in WeChatRendering.Split(text))
            {
                await api.SendTextAsync(openId, part, cancellationToken);
            }

            return true;
        }
        catch (WeChatApiException e) when (e.ErrorCode is WeChatApiException.WindowClosed or WeChatApiException.TooManyMessages)
        {
            return false;
        }
    }

    private async Task<bool> TrySubscriptionAsync(string openId, string text, CancellationToken cancellationToken)
    {
        if (options.Value.SubscribeTemplateId is not { Length: > 0 } template)
        {
            return false;
        }

        try
        {
            await api.SendSubscriptionAsync(openId, template, SubscriptionData(text), cancellationToken);
            return true;
        }
        catch (WeChatApiException e) when (e.ErrorCode == WeChatApiException.NotSubscribed)
        {
            return false;
        }
    }

    /// <summary>
    /// The notice in a template's keywords: character_string1 = the reference, thing2 = the first line (WeChat allows
    /// 20 characters in a "thing"), time3 = now in the office's zone (Bot:TimeZone). The README says which template to choose.
    /// </summary>
    private Dictionary<string, string> SubscriptionData(string text)
    {
        var firstLine = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        var reference = ReferencePattern().Match(text) is { Success: true } m ? m.Value : "-";
        return new Dictionary<string, string>
        {
            ["character_string1"] = reference,
            ["thing2"] = firstLine.Length > 20 ? firstLine[..19] + "…" : firstLine,
            ["time3"] = office.Now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        };
    }

    private DeliveryFailureException Classify(WeChatApiException e)
    {
        switch (e.ErrorCode)
        {
            case WeChatApiException.QuotaReached:
                // Not the engine's global pause: the quota is WeChat's alone and must not hold up Teams deliveries.
                Interlocked.Exchange(ref _quotaBlockedUntilTicks, (time.GetUtcNow() + QuotaBackOff).UtcTicks);
                logger.LogWarning("WeChat API quota reached (45009): WeChat sends paused for {Delay}", QuotaBackOff);
                return new DeliveryFailureException(OutcomeKind.Transient, "WeChat45009", retryAfter: QuotaBackOff);
            case WeChatApiException.NotFollowing:
                return new DeliveryFailureException(OutcomeKind.Blocked, "WeChat" + e.ErrorCode);
            case -1 or 45011 or 40001 or 40014 or 42001:
                // -1 system busy, 45011 too frequent; a token refused twice in a row is WeChat's hiccup too.
                return new DeliveryFailureException(OutcomeKind.Transient, "WeChat" + e.ErrorCode);
            default:
                return new DeliveryFailureException(OutcomeKind.Failed, "WeChat" + e.ErrorCode);
        }
    }

    [GeneratedRegex(@"(?:JY|SQ)-\d{4}-\d{6}")]
    private static partial Regex ReferencePattern();
}
