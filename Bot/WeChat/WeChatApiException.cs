namespace Cppcc.Bot.WeChat;

/// <summary>WeChat's API answered with a non-zero errcode (its message text is not kept: it may echo input).</summary>
public sealed class WeChatApiException(int errorCode) : Exception("WeChat API errcode " + errorCode)
{
    /// <summary>access_token invalid (40001), expired (42001) or not the latest (40014): fetch a new one and retry once.</summary>
    public static readonly IReadOnlySet<int> TokenErrors = new HashSet<int> { 40001, 40014, 42001 };

    /// <summary>45009: the daily call quota of this API is used up.</summary>
    public const int QuotaReached = 45009;

    /// <summary>45015: the user has not written for more than 48 hours (customer-service window closed).</summary>
    public const int WindowClosed = 45015;

    /// <summary>45047: more customer-service messages than allowed since the user last wrote.</summary>
    public const int TooManyMessages = 45047;

    /// <summary>43004: the user no longer follows the account.</summary>
    public const int NotFollowing = 43004;

    /// <summary>43101: the user has not agreed to (or used up) the subscription notice.</summary>
    public const int NotSubscribed = 43101;

    public int ErrorCode { get; } = errorCode;
}
