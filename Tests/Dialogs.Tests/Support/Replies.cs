using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Tests.Support;

/// <summary>Reading replies in assertions.</summary>
public static class Replies
{
    /// <summary>
    /// What a reply reads as: its text, then the TextBlocks of its Adaptive Cards one per line (a knowledge-base answer
    /// is one card with no text).
    /// </summary>
    public static string Readable(IActivity activity)
    {
        var message = activity.AsMessageActivity();
        var blocks = (message.Attachments ?? [])
            .Select(a => a.Content as JObject ?? (a.Content is null ? null : JObject.FromObject(a.Content)))
            .SelectMany(c => c?.SelectTokens("$..[?(@.type == 'TextBlock')].text") ?? [])
            .Select(t => (string?)t);
        return string.Join("\n", new[] { message.Text }.Concat(blocks).Where(t => !string.IsNullOrEmpty(t)));
    }
}
