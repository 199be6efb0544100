using Cppcc.Dialogs.Framework.Cards;

namespace Cppcc.Dialogs.Sessions;

/// <summary>A member's answer to a reminder: <c>{"action":"session.rsvp","sessionId","response":"attend|absent"}</c>.</summary>
public sealed record SessionRsvp(string? SessionId, string? Response) : ICardSubmit<SessionRsvp>
{
    /// <summary>The <see cref="Response"/> that says the member attends.</summary>
    public const string Attend = "attend";

    /// <summary>The <see cref="Response"/> that says the member is absent.</summary>
    public const string Absent = "absent";

    /// <inheritdoc />
    public static string ActionName => "session.rsvp";

    /// <summary>The answer for <paramref name="sessionId"/>.</summary>
    public static SessionRsvp For(string sessionId, bool attends) => new(sessionId, attends ? Attend : Absent);
}

/// <summary>
/// Staff schedule a session:
/// <c>{"action":"session.create","title","kind":"study|lecture|meeting","startsAt","location","recurrence":"none|monthly|quarterly","audience"}</c>.
/// Kind, recurrence and audience default to study, none and all when missing; when there but no text, they are refused.
/// </summary>
public sealed record SessionCreate(string? Title, string? Kind, string? StartsAt, string? Location, string? Recurrence, string? Audience)
    : ICardSubmit<SessionCreate>
{
    /// <inheritdoc />
    public static string ActionName => "session.create";

    /// <inheritdoc />
    public static IReadOnlyList<string> DefaultedFields { get; } =
        [CardSubmit.Field<SessionCreate>(s => s.Kind), CardSubmit.Field<SessionCreate>(s => s.Recurrence), CardSubmit.Field<SessionCreate>(s => s.Audience)];
}

/// <summary>Staff edit a session: <c>{"action":"session.update","sessionId","title"?,"startsAt"?,"location"?}</c>.</summary>
public sealed record SessionUpdate(string? SessionId, string? Title, string? StartsAt, string? Location) : ICardSubmit<SessionUpdate>
{
    /// <inheritdoc />
    public static string ActionName => "session.update";
}
