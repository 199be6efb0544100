using Cppcc.Dialogs.Framework;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Broadcasts;

/// <summary>Checks a broadcast request; returns the message naming the bad field, or null when it can be sent.</summary>
internal static class BroadcastValidation
{
    public static string? Problem(ITurnContext turn, BroadcastRequest request, IReadOnlyList<string> audiences)
    {
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return BroadcastTexts.MissingText.For(turn);
        }

        if (request.Text.Length > BroadcastTexts.MaxLength)
        {
            return BroadcastTexts.TooLong.Format(turn, BroadcastTexts.MaxLength);
        }

        if (request.Link is { Length: > 0 } link && !IsWebLink(link))
        {
            return BroadcastTexts.BadLink.For(turn);
        }

        if (!audiences.Contains(request.Audience, StringComparer.Ordinal))
        {
            return BroadcastTexts.UnknownAudience.Format(turn, request.Audience, string.Join("、", audiences));
        }

        return null;
    }

    public static bool IsWebLink(string link)
        => Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    public static string AudienceLabel(ITurnContext turn, string audience)
        => audience == BroadcastRequest.Everyone ? BroadcastTexts.AllMembers.For(turn) : audience;

    public static bool SaysNone(string answer)
        => InputText.Normalize(answer) is "无" or "none" or "no" or "不需要" or "没有" or "-";
}
