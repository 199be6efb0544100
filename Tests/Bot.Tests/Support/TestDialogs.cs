using Cppcc.Dialogs;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Prompts;
using Cppcc.Dialogs.Root;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Support;

/// <summary>Small dialogs and actions the host tests plug in through DI, as features do.</summary>
public static class TestDialogs
{
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<Dialog, TwoQuestionDialog>();
        services.AddSingleton<ITextCommand>(new StartDialogCommand(TwoQuestionDialog.DialogId, new[] { "两问" }, Role.Member, null));
        services.AddSingleton<ICardAction, ExplodingAction>();
        services.AddSingleton<ITextCommand, ExplodingCommand>();
    }

    public sealed class TwoQuestionDialog : WaterfallDialog<TwoQuestionDialog.State>
    {
        public const string DialogId = "test.two-questions";

        public TwoQuestionDialog() : base(DialogId)
        {
            AddStep((step, ct) => step.PromptAsync(DialogsServiceCollectionExtensions.PromptIds.Text, new PromptOptions { Prompt = "第一问：您的界别？" }, ct));
            AddStep((step, ct) =>
            {
                step.State.First = (string)step.Result!;
                return step.PromptAsync(DialogsServiceCollectionExtensions.PromptIds.Text, new PromptOptions { Prompt = "第二问：您的专委会？" }, ct);
            });
            AddStep(async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"记录：{step.State.First} / {step.Result}", cancellationToken: ct);
                return await step.EndAsync(null, ct);
            });
        }

        public sealed class State
        {
            public string? First { get; set; }
        }
    }

    /// <summary>The same as a typed command, for channels without cards (WeChat): anyone may type 出错测试.</summary>
    public sealed class ExplodingCommand : ITextCommand
    {
        public IReadOnlyList<string> Words => ["出错测试"];

        public bool TakesArguments => false;

        public Role MinimumRole => Role.Public;

        public MenuItem? Menu => null;

        public async Task ExecuteAsync(RouteContext context, string arguments, CancellationToken cancellationToken)
        {
            await context.Dialogs.BeginDialogAsync(TwoQuestionDialog.DialogId, null, cancellationToken);
            throw new InvalidOperationException("boom");
        }
    }

    /// <summary>Starts a dialog, then fails: the error handler must reset the conversation.</summary>
    public sealed class ExplodingAction : ICardAction
    {
        public string Name => "test.explode";

        public Role MinimumRole => Role.Public;

        public async Task ExecuteAsync(RouteContext context, JObject value, CancellationToken cancellationToken)
        {
            await context.Dialogs.BeginDialogAsync(TwoQuestionDialog.DialogId, null, cancellationToken);
            throw new InvalidOperationException("boom");
        }
    }
}
