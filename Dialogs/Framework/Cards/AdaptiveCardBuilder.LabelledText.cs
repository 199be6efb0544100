using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Framework.Cards;

public sealed partial class AdaptiveCardBuilder
{
    /// <summary>
    /// Our bold <paramref name="label"/>, then <paramref name="value"/> (what a user typed) as it is: the value is a
    /// RichTextBlock run, never read as Markdown or HTML, and control characters are dropped (see <see cref="PlainText"/>).
    /// </summary>
    public AdaptiveCardBuilder LabelledText(string label, string? value) => Add(PlainText.Block(label, value));
}
