using Cppcc.Dialogs.Exports;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Sessions;

/// <summary>A text command with a fixed word list; the body gets the arguments.</summary>
public abstract class SessionCommand : ITextCommand
{
    /// <summary>The sessions.</summary>
    protected ISessions Sessions { get; }

    /// <summary>Creates the command.</summary>
    protected SessionCommand(ISessions sessions) => Sessions = sessions;

    /// <inheritdoc />
    public abstract IReadOnlyList<string> Words { get; }

    /// <inheritdoc />
    public virtual bool TakesArguments => true;

    /// <inheritdoc />
    public virtual Role MinimumRole => Role.Staff;

    /// <inheritdoc />
    public virtual MenuItem? Menu => null;

    /// <inheritdoc />
    public abstract Task ExecuteAsync(RouteContext context, string arguments, CancellationToken cancellationToken);

    /// <summary>Replies with plain text.</summary>
    protected static Task SayAsync(ITurnContext turn, string text, CancellationToken ct) => turn.SendActivityAsync(MessageFactory.Text(text), ct);
}

/// <summary><c>学习安排</c> / <c>sessions</c>: upcoming sessions meant for the caller (staff: every one).</summary>
public sealed class SessionListCommand : SessionCommand
{
    private readonly OfficeTime _office;

    /// <summary>Creates the command.</summary>
    public SessionListCommand(ISessions sessions, OfficeTime office) : base(sessions) => _office = office;

    /// <inheritdoc />
    public override IReadOnlyList<string> Words { get; } = new[] { "学习安排", "sessions" };

    /// <inheritdoc />
    public override bool TakesArguments => false;

    /// <inheritdoc />
    public override Role MinimumRole => Role.Member;

    /// <inheritdoc />
    public override MenuItem? Menu { get; } = new(new Framework.Localized("学习安排", "Study sessions"), 40);

    /// <inheritdoc />
    public override Task ExecuteAsync(RouteContext context, string arguments, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var upcoming = Sessions.UpcomingFor(context.Caller, 10);
        var text = upcoming.Count == 0
            ? SessionTexts.NoUpcoming.For(turn)
            : SessionTexts.UpcomingTitle.For(turn) + "\n\n" + string.Join("\n\n", upcoming.Select(s => SessionTexts.Line(s, _office)));
        return SayAsync(turn, text, cancellationToken);
    }
}

/// <summary><c>取消学习 HD-2026-0001</c> / <c>cancel session …</c> (staff).</summary>
public sealed class SessionCancelCommand : SessionCommand
{
    /// <summary>Creates the command.</summary>
    public SessionCancelCommand(ISessions sessions) : base(sessions)
    {
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> Words { get; } = new[] { "取消学习", "cancel session" };

    /// <inheritdoc />
    public override Task ExecuteAsync(RouteContext context, string arguments, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var id = arguments.Trim().ToUpperInvariant();
        if (id.Length == 0)
        {
            return SayAsync(turn, SessionTexts.UsageId.Format(turn, Words[0]), cancellationToken);
        }

        return SayAsync(turn, (Sessions.Cancel(id, context.Caller) ? SessionTexts.Cancelled : SessionTexts.NoSuchSession).Format(turn, id), cancellationToken);
    }
}

/// <summary><c>改期 HD-2026-0001 2026-12-05 14:30</c> / <c>move session …</c> (staff).</summary>
public sealed class SessionMoveCommand : SessionCommand
{
    private readonly OfficeTime _office;

    /// <summary>Creates the command.</summary>
    public SessionMoveCommand(ISessions sessions, OfficeTime office) : base(sessions) => _office = office;

    /// <inheritdoc />
    public override IReadOnlyList<string> Words { get; } = new[] { "改期", "move session" };

    /// <inheritdoc />
    public override Task ExecuteAsync(RouteContext context, string arguments, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var parts = arguments.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !SessionDraftReader.TryParseStart(parts[1], _office, out var start))
        {
            return SayAsync(turn, SessionTexts.UsageMove.For(turn), cancellationToken);
        }

        if (SessionDraftReader.StartProblem(turn, start, _office) is { } why)
        {
            return SayAsync(turn, SessionTexts.BadField.Format(turn, "开始时间", "startsAt", why), cancellationToken);
        }

        var id = parts[0].ToUpperInvariant();
        if (Sessions.Update(id, null, start, null, context.Caller) is not { } moved)
        {
            return SayAsync(turn, SessionTexts.NoSuchSession.Format(turn, id), cancellationToken);
        }

        return SayAsync(turn, SessionTexts.Moved.Format(turn, moved.Id, SessionTexts.When(moved.StartsAt, _office), moved.Location), cancellationToken);
    }
}

/// <summary><c>出席情况 HD-2026-0001</c> / <c>attendance …</c> (staff): who attends, who is absent, and a staff-only download link to the CSV.</summary>
public sealed class AttendanceCommand : SessionCommand
{
    private readonly IDownloadLinks _links;
    private readonly PrivateDownload _private;
    private readonly OfficeTime _office;

    /// <summary>Creates the command.</summary>
    public AttendanceCommand(ISessions sessions, IDownloadLinks links, PrivateDownload privateDownload, OfficeTime office) : base(sessions)
    {
        _links = links;
        _private = privateDownload;
        _office = office;
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> Words { get; } = new[] { "出席情况", "attendance" };

    /// <inheritdoc />
    public override async Task ExecuteAsync(RouteContext context, string arguments, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var id = arguments.Trim().ToUpperInvariant();
        if (id.Length == 0)
        {
            await SayAsync(turn, SessionTexts.UsageId.Format(turn, Words[0]), cancellationToken);
            return;
        }

        if (Sessions.Attendance(id) is not { } attendance)
        {
            await SayAsync(turn, SessionTexts.NoSuchSession.Format(turn, id), cancellationToken);
            return;
        }

        var s = attendance.Session;
        var lines = new List<string>
        {
            SessionTexts.AttendanceTitle.Format(turn, SessionTexts.KindName(s.Kind), s.Title, s.Id,
                attendance.Answers.Count(a => a.Attends), attendance.Answers.Count(a => !a.Attends), attendance.NotReplied.Count),
        };
        lines.AddRange(attendance.Answers.Select(a => SessionTexts.AttendanceLine.Format(turn, PlainText.Markdown(a.Name),
            (a.Attends ? SessionTexts.Attend : SessionTexts.Absent).For(turn))));
        lines.AddRange(attendance.NotReplied.Select(n => SessionTexts.AttendanceLine.Format(turn, PlainText.Markdown(n.Name), SessionTexts.NoReply.For(turn))));
        var reply = MessageFactory.Text(string.Join("\n\n", lines));
        reply.Attachments = new List<Attachment> { DownloadCard.Create(turn, _links.Create(context.Caller, ExportKinds.Attendance, s.Id), _office) };
        await _private.SendAsync(context, reply, cancellationToken);
    }
}
