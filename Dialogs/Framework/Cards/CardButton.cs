using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Framework.Cards;

/// <summary>A button for <see cref="AdaptiveCardBuilder.ButtonRow"/>: a submit or a link.</summary>
public abstract record CardButton(string Title)
{
    /// <summary>A button that sends <paramref name="payload"/>.</summary>
    public static CardButton Submit<T>(string title, T payload) where T : class, ICardSubmit<T> => new SubmitButton(title, CardSubmit.Data(payload));

    /// <summary>A button that opens <paramref name="url"/>.</summary>
    public static CardButton OpenUrl(string title, string url) => new LinkButton(title, url);

    internal abstract JObject ToJson();

    private sealed record SubmitButton(string Title, JObject Data) : CardButton(Title)
    {
        internal override JObject ToJson() => new() { ["type"] = "Action.Submit", ["title"] = Title, ["data"] = Data.DeepClone() };
    }

    private sealed record LinkButton(string Title, string Url) : CardButton(Title)
    {
        internal override JObject ToJson() => new() { ["type"] = "Action.OpenUrl", ["title"] = Title, ["url"] = Url };
    }
}
