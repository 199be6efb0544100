using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Prompts;
using Cppcc.Dialogs.Root;
using static Cppcc.Dialogs.DialogsServiceCollectionExtensions;

namespace Cppcc.Dialogs.Sessions;

/// <summary>Staff create a session step by step: title, kind, start, place, recurrence, confirm. Audience: all members.</summary>
public sealed class SessionDialog : WaterfallDialog<SessionDialog.State>
{
    /// <summary>Dialog id.</summary>
    public const string DialogId = "sessions.create";

    /// <summary>The start-time prompt (future only).</summary>
    public const string StartPrompt = "sessions.start";

    private readonly ISessions _sessions;
    private readonly ICallerResolver _callers;
    private readonly OfficeTime _office;

    /// <summary>Creates the dialog.</summary>
    public SessionDialog(ISessions sessions, ICallerResolver callers, OfficeTime office) : base(DialogId)
    {
        _sessions = sessions;
        _callers = callers;
        _office = office;
        AddStep(AskTitleStepAsync);
        AddStep(AskKindStepAsync);
        AddStep(AskStartStepAsync);
        AddStep(AskLocationStepAsync);
        AddStep(AskRecurrenceStepAsync);
        AddStep(ConfirmStepAsync);
        AddStep(CreateStepAsync);
    }

    /// <summary>The session being entered.</summary>
    public sealed class State
    {
        /// <summary>Version of this DTO.</summary>
        public int Version { get; set; } = 1;

        /// <summary>Title.</summary>
        public string Title { get; set; } = "";

        /// <summary>Kind.</summary>
        public SessionKind Kind { get; set; }

        /// <summary>Start.</summary>
        public DateTimeOffset StartsAt { get; set; }

        /// <summary>Place.</summary>
        public string Location { get; set; } = "";

        /// <summary>Recurrence.</summary>
        public Recurrence Recurrence { get; set; }
    }

    /// <summary>The start prompt: a date and time in the future, within the horizon sessions are planned for.</summary>
    public static Dialog CreateStartPrompt(OfficeTime office)
        => new DateTimePrompt(StartPrompt, office, validator: (start, turn) => SessionDraftReader.StartProblem(turn, start, office));

    private Task<DialogTurnResult> AskTitleStepAsync(WaterfallStepContext<State> step, CancellationToken ct)
        => step.PromptAsync(PromptIds.Text, new PromptOptions { Prompt = SessionTexts.AskTitle.For(step.Context), CardField = "title" }, ct);

    private Task<DialogTurnResult> AskKindStepAsync(WaterfallStepContext<State> step, CancellationToken ct)
    {
        var title = (string)step.Result!;
        step.State.Title = title.Length > SessionDraftReader.MaxTitle ? title[..SessionDraftReader.MaxTitle] : title;
        return step.PromptAsync(PromptIds.Choice, new PromptOptions { Prompt = SessionTexts.AskKind.For(step.Context), Choices = SessionTexts.KindNames.ToList() }, ct);
    }

    private Task<DialogTurnResult> AskStartStepAsync(WaterfallStepContext<State> step, CancellationToken ct)
    {
        step.State.Kind = (SessionKind)Array.IndexOf(SessionTexts.KindNames, (string)step.Result!);
        return step.PromptAsync(StartPrompt, new PromptOptions { Prompt = SessionTexts.AskStart.For(step.Context), CardField = "startsAt" }, ct);
    }

    private Task<DialogTurnResult> AskLocationStepAsync(WaterfallStepContext<State> step, CancellationToken ct)
    {
        step.State.StartsAt = (DateTimeOffset)step.Result!;
        return step.PromptAsync(PromptIds.Text, new PromptOptions { Prompt = SessionTexts.AskLocation.For(step.Context), CardField = "location" }, ct);
    }

    private Task<DialogTurnResult> AskRecurrenceStepAsync(WaterfallStepContext<State> step, CancellationToken ct)
    {
        var location = (string)step.Result!;
        step.State.Location = location.Length > SessionDraftReader.MaxLocation ? location[..SessionDraftReader.MaxLocation] : location;
        return step.PromptAsync(PromptIds.Choice, new PromptOptions { Prompt = SessionTexts.AskRecurrence.For(step.Context), Choices = SessionTexts.RecurrenceNames.ToList() }, ct);
    }

    private Task<DialogTurnResult> ConfirmStepAsync(WaterfallStepContext<State> step, CancellationToken ct)
    {
        step.State.Recurrence = (Recurrence)Array.IndexOf(SessionTexts.RecurrenceNames, (string)step.Result!);
        var s = step.State;
        var question = SessionTexts.Confirm.Format(step.Context, SessionTexts.KindName(s.Kind), s.Title, SessionTexts.When(s.StartsAt, _office), s.Location,
            SessionTexts.RecurrenceName(s.Recurrence));
        // Buttons say what they do (创建 / 暂不创建); 是 / 否 typed by hand still count.
        var choices = new List<string> { SessionTexts.Create.For(step.Context), SessionTexts.NotNow.For(step.Context) };
        return step.PromptAsync(PromptIds.Confirm, new PromptOptions { Prompt = question, Choices = choices }, ct);
    }

    private async Task<DialogTurnResult> CreateStepAsync(WaterfallStepContext<State> step, CancellationToken ct)
    {
        if (step.Result is not true)
        {
            await step.Context.SendActivityAsync(SessionTexts.NotCreated.For(step.Context), cancellationToken: ct);
            return await step.EndAsync(null, ct);
        }

        var creator = _callers.Resolve(step.Context.Activity);
        if (!creator.Has(Role.Staff))
        {
            // Read again here: the dialog may have begun before the sender was taken off the staff list.
            await step.Context.SendActivityAsync(RootTexts.NotAllowed.For(step.Context), cancellationToken: ct);
            return await step.EndAsync(null, ct);
        }

        var s = step.State;
        var created = _sessions.Create(new SessionDraft(s.Title, s.Kind, s.StartsAt, s.Location, s.Recurrence, "all"), creator);
        await SessionCreateAction.SendCreatedAsync(step.Context, created, _office, ct);
        return await step.EndAsync(created.Id, ct);
    }
}
