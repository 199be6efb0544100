using LiteDB;

namespace Cppcc.Bot.WeChat;

/// <summary>
/// What is kept per WeChat user (openid), and the changes made to it: the same document and rules on every engine.
/// </summary>
public sealed class WeChatUserRecord
{
    private const int MaxPending = 20;

    /// <summary>The openid.</summary>
    [BsonId]
    public string Id { get; set; } = "";

    /// <summary>When they last wrote (UTC): the 48-hour customer-service window.</summary>
    public DateTime? LastInboundAt { get; set; }

    /// <summary>The numbered choices of the last answer.</summary>
    public List<StoredChoice> Choices { get; set; } = [];

    /// <summary>Notices that could not be delivered, shown when they next write.</summary>
    public List<string> Pending { get; set; } = [];

    /// <summary>Adds an undelivered notice once, keeping the newest <c>20</c>.</summary>
    public void AddPending(string text)
    {
        if (!Pending.Contains(text))
        {
            Pending.Add(text);
        }
        // A user who never comes back must not grow the record without bound: the oldest go first.
        if (Pending.Count > MaxPending)
        {
            Pending.RemoveRange(0, Pending.Count - MaxPending);
        }
    }

    /// <summary>The choice numbered <paramref name="number"/> (from 1), or null.</summary>
    public WeChatChoice? Choice(int number) =>
        number >= 1 && number <= Choices.Count ? new WeChatChoice(Choices[number - 1].Title, Choices[number - 1].Text, Choices[number - 1].ValueJson) : null;

    /// <summary>Replaces the numbered choices.</summary>
    public void SetChoices(IReadOnlyList<WeChatChoice> choices) =>
        Choices = choices.Select(c => new StoredChoice { Title = c.Title, Text = c.Text, ValueJson = c.ValueJson }).ToList();

    /// <summary>One numbered choice as stored.</summary>
    public sealed class StoredChoice
    {
        public string Title { get; set; } = "";

        public string? Text { get; set; }

        public string? ValueJson { get; set; }
    }
}
