using Cppcc.Dialogs.Root;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Framework.Cards;

public sealed partial class AdaptiveCardBuilder
{
    /// <summary>
    /// One line of a list: a bold <paramref name="label"/> and a user's <paramref name="value"/> (as in
    /// <see cref="LabelledText"/>) filling the row, with <paramref name="buttons"/> on its right.
    /// </summary>
    public AdaptiveCardBuilder ItemRow(string label, string? value, params CardButton[] buttons)
        => Add(new JObject
        {
            ["type"] = "ColumnSet",
            ["columns"] = new JArray
            {
                new JObject { ["type"] = "Column", ["width"] = "stretch", ["items"] = new JArray { PlainText.Block(label, value) } },
                new JObject
                {
                    ["type"] = "Column", ["width"] = "auto",
                    ["items"] = new JArray { new JObject { ["type"] = "ActionSet", ["actions"] = new JArray(buttons.Select(b => b.ToJson())) } },
                },
            },
        });
}
