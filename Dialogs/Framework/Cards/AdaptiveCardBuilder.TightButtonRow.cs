using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Framework.Cards;

public sealed partial class AdaptiveCardBuilder
{
    /// <summary>A row of buttons right under the line before it, with no gap (e.g. the entries a heading introduces).</summary>
    public AdaptiveCardBuilder TightButtonRow(IEnumerable<CardButton> buttons)
    {
        var row = new JArray(buttons.Select(b => b.ToJson()));
        return row.Count == 0 ? this : Add(new JObject { ["type"] = "ActionSet", ["spacing"] = "None", ["actions"] = row });
    }
}
