using Cppcc.Dialogs.Framework;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Sessions;

/// <summary>Checks a <see cref="SessionCreate"/> submit; a problem names the field.</summary>
public static class SessionDraftReader
{
    internal const int MaxTitle = 100;
    internal const int MaxLocation = 200;

    /// <summary>How far ahead a session may be scheduled: the committee plans a year or two at most.</summary>
    internal const int MaxYearsAhead = 2;

    /// <summary>The draft, or the message naming what is wrong.</summary>
    public static (SessionDraft? Draft, string? Problem) Read(ITurnContext turn, SessionCreate value, OfficeTime office, IReadOnlyList<string> audiences)
    {
        var title = InputText.Fold(value.Title);
        if (title.Length == 0)
        {
            return Missing(turn, "标题", "title");
        }

        if (title.Length > MaxTitle)
        {
            return Bad(turn, "标题", "title", SessionTexts.TooLong.Format(turn, MaxTitle));
        }

        var kindText = InputText.Fold(value.Kind);
        SessionKind kind = SessionKind.Study;
        if (kindText.Length > 0 && !TryEnum(kindText, out kind))
        {
            return Bad(turn, "类型", "kind", SessionTexts.OneOf.Format(turn, "study, lecture, meeting"));
        }

        var startText = InputText.Fold(value.StartsAt);
        if (startText.Length == 0)
        {
            return Missing(turn, "开始时间", "startsAt");
        }

        if (!TryParseStart(startText, office, out var startsAt))
        {
            return Bad(turn, "开始时间", "startsAt", SessionTexts.NotADate.For(turn));
        }

        if (StartProblem(turn, startsAt, office) is { } why)
        {
            return Bad(turn, "开始时间", "startsAt", why);
        }

        var location = InputText.Fold(value.Location);
        if (location.Length == 0)
        {
            return Missing(turn, "地点", "location");
        }

        if (location.Length > MaxLocation)
        {
            return Bad(turn, "地点", "location", SessionTexts.TooLong.Format(turn, MaxLocation));
        }

        var recurrenceText = InputText.Fold(value.Recurrence);
        Recurrence recurrence = Recurrence.None;
        if (recurrenceText.Length > 0 && !TryEnum(recurrenceText, out recurrence))
        {
            return Bad(turn, "重复", "recurrence", SessionTexts.OneOf.Format(turn, "none, monthly, quarterly"));
        }

        var audience = InputText.Fold(value.Audience) is { Length: > 0 } a ? a : "all";
        if (!audiences.Contains(audience, StringComparer.Ordinal))
        {
            return Bad(turn, "范围", "audience", SessionTexts.OneOf.Format(turn, string.Join(", ", audiences)));
        }

        return (new SessionDraft(title, kind, startsAt, location, recurrence, audience), null);
    }

    /// <summary>ISO-8601 with an offset as docs/contract.md (Card actions) says; the formats people type are read in the office's zone.</summary>
    public static bool TryParseStart(string text, OfficeTime office, out DateTimeOffset startsAt)
    {
        if (System.Text.RegularExpressions.Regex.IsMatch(text, @"(Z|[+-]\d{2}:?\d{2})$")
            && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out startsAt))
        {
            return true;
        }

        return Framework.Prompts.DateTimeText.TryParse(text, office.UtcNow, office.Zone, out startsAt);
    }

    /// <summary>
    /// Why a session cannot start at <paramref name="startsAt"/> (in the past, or beyond <see cref="MaxYearsAhead"/>: a
    /// mistyped year such as 9999 would otherwise make a series nobody can see the end of), or null when it can.
    /// </summary>
    public static string? StartProblem(ITurnContext turn, DateTimeOffset startsAt, OfficeTime office)
    {
        if (startsAt <= office.UtcNow)
        {
            return SessionTexts.InThePast.For(turn);
        }

        return startsAt > office.UtcNow.AddYears(MaxYearsAhead) ? SessionTexts.TooFarAhead.Format(turn, MaxYearsAhead) : null;
    }

    /// <summary>Exactly one defined name, any case. Enum.TryParse would also take "study, meeting" (both ORed together,
    /// which reads as meeting) and numbers, neither of which the contract offers.</summary>
    private static bool TryEnum<T>(string text, out T value) where T : struct, Enum
    {
        var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        value = name is null ? default : Enum.Parse<T>(name);
        return name is not null;
    }

    private static (SessionDraft?, string?) Missing(ITurnContext turn, string label, string field)
        => (null, SessionTexts.MissingField.Format(turn, label, field));

    private static (SessionDraft?, string?) Bad(ITurnContext turn, string label, string field, string why)
        => (null, SessionTexts.BadField.Format(turn, label, field, why));
}
