namespace Cppcc.Dialogs.Framework.Cards;

/// <summary>How a <see cref="AdaptiveCardBuilder.StyledText"/> paragraph differs from a plain one.</summary>
[Flags]
public enum CardTextStyle
{
    /// <summary>A plain paragraph, like <see cref="AdaptiveCardBuilder.Text"/>.</summary>
    None = 0,

    /// <summary>Bold, e.g. a heading inside longer text (TextBlocks render no Markdown headings).</summary>
    Bold = 1,

    /// <summary>Greyed, for secondary lines.</summary>
    Subtle = 2,

    /// <summary>Smaller type, e.g. a citation.</summary>
    Small = 4,

    /// <summary>No gap above: the line continues the paragraph before it.</summary>
    Tight = 8,
}

public sealed partial class AdaptiveCardBuilder
{
    /// <summary>A wrapping paragraph of the bot's own text with <paramref name="style"/>.</summary>
    public AdaptiveCardBuilder StyledText(string text, CardTextStyle style)
    {
        var block = TextBlock(text, subtle: style.HasFlag(CardTextStyle.Subtle));
        if (style.HasFlag(CardTextStyle.Bold))
        {
            block["weight"] = "Bolder";
        }

        if (style.HasFlag(CardTextStyle.Small))
        {
            block["size"] = "Small";
        }

        if (style.HasFlag(CardTextStyle.Tight))
        {
            block["spacing"] = "None";
        }

        return Add(block);
    }
}
