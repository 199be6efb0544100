using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Knowledge;

/// <summary>Conversation state of follow-up questions: the entry answered last and how many more questions may refer to it.</summary>
public sealed class KnowledgeFollowUpState
{
    /// <summary>Shape version of this record.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The entry answered last.</summary>
    public string EntryId { get; set; } = "";

    /// <summary>Questions that may still refer to it.</summary>
    public int QuestionsLeft { get; set; }
}

/// <summary>
/// Remembers the entry answered last so that the next question or two ("那需要多久？", "怎么提交？") can be read against it.
/// Kept in conversation state, which the bot saves at the end of every turn.
/// </summary>
public sealed class KnowledgeFollowUp(ConversationState conversationState)
{
    /// <summary>How many questions after an answer may refer to it.</summary>
    public const int Questions = 2;

    private readonly IStatePropertyAccessor<KnowledgeFollowUpState> _state = conversationState.CreateProperty<KnowledgeFollowUpState>("knowledgeFollowUp");

    /// <summary>The entry the question being asked may refer to, if any; each question uses up one of its turns.</summary>
    public async Task<string?> TakeAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var state = await _state.GetAsync(turn, () => null!, cancellationToken);
        if (state is null || state.Version != 1 || state.QuestionsLeft <= 0 || state.EntryId.Length == 0)
        {
            await _state.DeleteAsync(turn, cancellationToken);
            return null;
        }

        state.QuestionsLeft--;
        return state.EntryId;
    }

    /// <summary>Remembers <paramref name="entryId"/> as the entry just answered.</summary>
    public Task RememberAsync(ITurnContext turn, string entryId, CancellationToken cancellationToken)
        => _state.SetAsync(turn, new KnowledgeFollowUpState { EntryId = entryId, QuestionsLeft = Questions }, cancellationToken);
}
