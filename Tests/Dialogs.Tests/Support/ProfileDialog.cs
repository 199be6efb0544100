using System.Globalization;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Prompts;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using static Cppcc.Dialogs.DialogsServiceCollectionExtensions;

namespace Cppcc.Dialogs.Tests.Support;

/// <summary>A small dialog that exercises every prompt, and saves only when confirmed (like the real features do).</summary>
public sealed class ProfileDialog : WaterfallDialog<ProfileDialog.State>
{
    public const string Id_ = "test.profile";
    public const string AgePrompt = "test.profile.age";

    private readonly ProfileSink _sink;

    public ProfileDialog(ProfileSink sink) : base(Id_)
    {
        _sink = sink;
        AddStep(AskNameStepAsync);
        AddStep(AskAgeStepAsync);
        AddStep(AskSectorStepAsync);
        AddStep(AskMeetingStepAsync);
        AddStep(ConfirmStepAsync);
        AddStep(SaveStepAsync);
    }

    public sealed class State
    {
        public string? Name { get; set; }
        public decimal Age { get; set; }
        public string? Sector { get; set; }
        public DateTimeOffset Meeting { get; set; }
    }

    public static void Register(IServiceCollection services, ProfileSink sink)
    {
        services.AddSingleton(sink);
        services.AddSingleton<Dialog, ProfileDialog>();
        services.AddSingleton<Dialog>(new AgeNumberPrompt(AgePrompt, (age, _) => age is < 18 or > 120 ? "年龄应在18到120之间。" : null));
        services.AddSingleton<ITextCommand>(new StartDialogCommand(Id_, new[] { "资料", "profile" }, Role.Member,
            new MenuItem(new Localized("填写资料", "Profile"), 10)));
        services.AddSingleton<ITextCommand>(new StartDialogCommand(Id_, new[] { "员工资料" }, Role.Staff,
            new MenuItem(new Localized("员工专用", "Staff only"), 20)));
    }

    private Task<DialogTurnResult> AskNameStepAsync(WaterfallStepContext<State> step, CancellationToken ct)
        => step.PromptAsync(PromptIds.Text, new PromptOptions { Prompt = "请输入姓名", CardField = "name" }, ct);

    private Task<DialogTurnResult> AskAgeStepAsync(WaterfallStepContext<State> step, CancellationToken ct)
    {
        step.State.Name = (string)step.Result!;
        return step.PromptAsync(AgePrompt, new PromptOptions { Prompt = "请输入年龄" }, ct);
    }

    private Task<DialogTurnResult> AskSectorStepAsync(WaterfallStepContext<State> step, CancellationToken ct)
    {
        step.State.Age = (decimal)step.Result!;
        return step.PromptAsync(PromptIds.Choice, new PromptOptions { Prompt = "请选择界别", Choices = { "教育", "医卫", "工商联" } }, ct);
    }

    private Task<DialogTurnResult> AskMeetingStepAsync(WaterfallStepContext<State> step, CancellationToken ct)
    {
        step.State.Sector = (string)step.Result!;
        return step.PromptAsync(PromptIds.DateTime, new PromptOptions { Prompt = "请输入见面时间" }, ct);
    }

    private Task<DialogTurnResult> ConfirmStepAsync(WaterfallStepContext<State> step, CancellationToken ct)
    {
        step.State.Meeting = (DateTimeOffset)step.Result!;
        var summary = $"{step.State.Name}，{step.State.Age}岁，{step.State.Sector}，{step.State.Meeting:yyyy-MM-dd HH:mm zzz}。确认提交吗？";
        return step.PromptAsync(PromptIds.Confirm, new PromptOptions { Prompt = summary }, ct);
    }

    private async Task<DialogTurnResult> SaveStepAsync(WaterfallStepContext<State> step, CancellationToken ct)
    {
        if (step.Result is true)
        {
            _sink.Saved.Add(step.State);
            await step.Context.SendActivityAsync("已保存。", cancellationToken: ct);
        }
        else
        {
            await step.Context.SendActivityAsync("未保存。", cancellationToken: ct);
        }

        return await step.EndAsync(null, ct);
    }
}

/// <summary>
/// A prompt for a number (full-width digits accepted): the bot's own dialogs ask for none, so this one lives with the
/// tests that drive a typed prompt with a validator through the framework.
/// </summary>
public sealed class AgeNumberPrompt(string id, PromptValidator<decimal>? validator) : Prompt<decimal>(id, validator)
{
    protected override Localized NotRecognized { get; } = new("请输入一个数字。", "Please type a number.");

    protected override bool TryRecognize(ITurnContext turn, PromptOptions options, out decimal value)
        => decimal.TryParse(InputText.Normalize(InputText.Answer(turn, options.CardField)),
            NumberStyles.Number, CultureInfo.InvariantCulture, out value);
}

public sealed class ProfileSink
{
    public List<ProfileDialog.State> Saved { get; } = new();
}
