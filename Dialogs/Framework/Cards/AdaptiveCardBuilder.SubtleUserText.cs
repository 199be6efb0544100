using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Framework.Cards;

public sealed partial class AdaptiveCardBuilder
{
    /// <summary>A greyed line of text that holds a user's words (e.g. their name), shown as typed like <see cref="UserText"/>.</summary>
    public AdaptiveCardBuilder SubtleUserText(string text)
    {
        var run = new JObject { ["type"] = "TextRun", ["text"] = text, ["isSubtle"] = true };
        return Add(new JObject { ["type"] = "RichTextBlock", ["inlines"] = new JArray { run } });
    }
}
