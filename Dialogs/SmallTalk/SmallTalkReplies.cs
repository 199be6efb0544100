using System.Text;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Knowledge;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.SmallTalk;

/// <summary>Messages that are small talk rather than questions.</summary>
public enum SmallTalkKind
{
    /// <summary>你好 / 您好 / hello.</summary>
    Greeting,

    /// <summary>谢谢 / thanks.</summary>
    Thanks,

    /// <summary>再见 / bye.</summary>
    Goodbye,

    /// <summary>你是谁.</summary>
    WhoAreYou,

    /// <summary>你能做什么.</summary>
    WhatCanYouDo,

    /// <summary>人工 / 转人工: asks for a person.</summary>
    Human,

    /// <summary>好的 / 嗯 / 收到 / 哈哈: the user acknowledges a reply; nothing is asked.</summary>
    Acknowledgement,

    /// <summary>不对 / 没用 / 答非所问: the last reply did not help.</summary>
    Dissatisfied,

    /// <summary>A message of no words at all: "👍", "？？？", "1".</summary>
    Unclear,
}

/// <summary>Conversation state of small talk: whether this conversation has been welcomed by a greeting yet.</summary>
public sealed class SmallTalkState
{
    /// <summary>Shape version of this record.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The first greeting got the welcome card.</summary>
    public bool Welcomed { get; set; }
}

/// <summary>
/// Greetings, thanks, goodbyes, "好的 / 收到", "不对 / 没用", "你是谁 / 你能做什么" and "人工 / 转人工" get a short fitting reply instead of going to the
/// knowledge base, where they would match an unrelated entry or get "no reliable answer". The first greeting of a
/// conversation gets the welcome card; "人工" offers the staff hand-off.
/// </summary>
public sealed class SmallTalkReplies(ConversationState conversationState)
{
    private static readonly Dictionary<string, SmallTalkKind> ByPhrase = SmallTalkTexts.Phrases
        .SelectMany(p => p.Value.Select(phrase => (Key: Key(phrase), p.Key)))
        .ToDictionary(p => p.Key, p => p.Item2, StringComparer.Ordinal);

    private readonly IStatePropertyAccessor<SmallTalkState> _state = conversationState.CreateProperty<SmallTalkState>("smallTalk");

    /// <summary>The kind of small talk <paramref name="text"/> is, or null when it is anything else (a question).</summary>
    public static SmallTalkKind? Recognize(string text)
    {
        var key = Key(text);
        // Emoji, punctuation or a bare number name nothing the knowledge base could look up (nor staff answer).
        return ByPhrase.TryGetValue(key, out var kind) ? kind : key.Any(char.IsLetter) ? null : SmallTalkKind.Unclear;
    }

    /// <summary>Replies when <paramref name="text"/> is small talk; false when it is not.</summary>
    public async Task<bool> TryReplyAsync(RouteContext context, string text, IReadOnlyList<ITextCommand> commands, CancellationToken cancellationToken)
    {
        if (Recognize(text) is not { } kind)
        {
            return false;
        }

        var turn = context.Turn;
        var reply = kind switch
        {
            SmallTalkKind.Greeting when await FirstGreetingAsync(turn, cancellationToken)
                => MenuCard.Build(turn, commands, context.Caller.Role, welcome: true),
            SmallTalkKind.Greeting => MessageFactory.Text(SmallTalkTexts.Greeting.For(turn)),
            SmallTalkKind.Thanks => MessageFactory.Text(SmallTalkTexts.Thanks.For(turn)),
            SmallTalkKind.Goodbye => MessageFactory.Text(SmallTalkTexts.Goodbye.For(turn)),
            SmallTalkKind.WhoAreYou => MessageFactory.Text(SmallTalkTexts.WhoAreYou.For(turn)),
            SmallTalkKind.Acknowledgement => MessageFactory.Text(SmallTalkTexts.Acknowledgement.For(turn)),
            SmallTalkKind.Unclear => MessageFactory.Text(SmallTalkTexts.Unclear.For(turn)),
            SmallTalkKind.Dissatisfied => KnowledgeCards.WithHandOff(turn, SmallTalkTexts.Dissatisfied.For(turn),
                SmallTalkTexts.DissatisfiedRequest.Format(turn, text.Trim())),
            SmallTalkKind.WhatCanYouDo => WithText(MenuCard.Build(turn, commands, context.Caller.Role, welcome: false), SmallTalkTexts.WhatCanYouDo.For(turn)),
            _ => KnowledgeCards.WithHandOff(turn, SmallTalkTexts.Human.For(turn), SmallTalkTexts.HumanRequest.Format(turn, text.Trim())),
        };
        await turn.SendActivityAsync(reply, cancellationToken);
        return true;
    }

    private async Task<bool> FirstGreetingAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var state = await _state.GetAsync(turn, () => new SmallTalkState(), cancellationToken);
        if (state.Welcomed)
        {
            return false;
        }

        await _state.SetAsync(turn, new SmallTalkState { Welcomed = true }, cancellationToken);
        return true;
    }

    private static IMessageActivity WithText(IMessageActivity card, string text)
    {
        card.Text = text;
        return card;
    }

    /// <summary>The message without punctuation, symbols, spaces or case: "您好！" and "您好" are the same greeting.</summary>
    private static string Key(string text)
    {
        var folded = InputText.Normalize(text);
        var key = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (char.IsLetterOrDigit(ch))
            {
                key.Append(ch);
            }
            else if (ch == ' ' && key.Length > 0 && key[^1] != ' ')
            {
                key.Append(' ');
            }
        }

        return key.ToString().Trim();
    }
}
