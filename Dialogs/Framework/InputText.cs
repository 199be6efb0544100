using System.Text;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Framework;

/// <summary>Reading what the user typed or submitted, tolerant of full-width characters and stray whitespace.</summary>
public static class InputText
{
    /// <summary>
    /// <see cref="Fold"/>, then lower-cased. For matching commands and answers only: content the user writes is kept
    /// as typed.
    /// </summary>
    public static string Normalize(string? text) => Fold(text).ToLowerInvariant();

    /// <summary>NFKC-folds (full-width digits/letters/punctuation to half-width), trims and collapses whitespace.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var folded = text.Normalize(NormalizationForm.FormKC).Trim();
        var builder = new StringBuilder(folded.Length);
        var lastWasSpace = false;
        foreach (var c in folded)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace || !lastWasSpace)
            {
                builder.Append(isSpace ? ' ' : c);
            }

            lastWasSpace = isSpace;
        }

        return builder.ToString();
    }

    /// <summary>The submitted card value as an object, or null when the activity carries none.</summary>
    public static JObject? CardValue(ITurnContext turn) => turn.Activity.Value switch
    {
        JObject obj => obj,
        string json when json.TrimStart().StartsWith('{') => TryParse(json),
        _ => null,
    };

    /// <summary>
    /// The user's answer: the card field <paramref name="cardField"/> (or <c>value</c>) when a card was submitted,
    /// otherwise the message text; trimmed, never null.
    /// </summary>
    public static string Answer(ITurnContext turn, string? cardField = null)
    {
        var card = CardValue(turn);
        var fromCard = card?[cardField ?? "value"];
        if (fromCard is JValue { Value: not null } value)
        {
            return Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture)?.Trim() ?? "";
        }

        return turn.Activity.Text?.Trim() ?? "";
    }

    private static JObject? TryParse(string json)
    {
        try
        {
            return JObject.Parse(json);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }
}
