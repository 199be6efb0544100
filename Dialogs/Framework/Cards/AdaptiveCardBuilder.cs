using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Framework.Cards;

/// <summary>
/// Builds an Adaptive Card 1.5 from the few elements the bot's cards use, so features describe cards and never write
/// their JSON. Text is plain: <see cref="Text"/> for the bot's own words, <see cref="UserText"/> for anything a user
/// typed, which must never be read as Markdown.
/// </summary>
public sealed partial class AdaptiveCardBuilder
{
    /// <summary>The Adaptive Card content type.</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    private readonly JArray _body = [];
    private readonly JArray _actions = [];

    /// <summary>A large bold heading.</summary>
    public AdaptiveCardBuilder Title(string text) => Add(TextBlock(text, large: true));

    /// <summary>A wrapping paragraph of the bot's own text (Adaptive Cards' Markdown subset applies).</summary>
    public AdaptiveCardBuilder Text(string text, bool subtle = false) => Add(TextBlock(text, subtle: subtle));

    /// <summary>Text a user wrote, shown as typed: a RichTextBlock run is never read as Markdown or HTML.</summary>
    public AdaptiveCardBuilder UserText(string text, bool large = false)
    {
        var run = new JObject { ["type"] = "TextRun", ["text"] = text };
        if (large)
        {
            run["size"] = "Large";
            run["weight"] = "Bolder";
        }

        return Add(new JObject { ["type"] = "RichTextBlock", ["inlines"] = new JArray { run } });
    }

    /// <summary>A two-column list of labels and values.</summary>
    public AdaptiveCardBuilder Facts(IEnumerable<CardFact> facts)
    {
        var rows = new JArray(facts.Select(f => new JObject { ["title"] = f.Title, ["value"] = f.Value }));
        return rows.Count == 0 ? this : Add(new JObject { ["type"] = "FactSet", ["facts"] = rows });
    }

    /// <summary>A list of labels and values.</summary>
    public AdaptiveCardBuilder Facts(params CardFact[] facts) => Facts((IEnumerable<CardFact>)facts);

    /// <summary>An image stretched to the card's width.</summary>
    public AdaptiveCardBuilder Image(string url, string altText)
        => Add(new JObject { ["type"] = "Image", ["url"] = url, ["altText"] = altText, ["size"] = "Stretch" });

    /// <summary>A text input whose value is submitted as field <paramref name="id"/> (see <see cref="CardSubmit.Field{T}"/>).</summary>
    public AdaptiveCardBuilder TextInput(string id, string label, string? value = null, string? placeholder = null,
        bool multiline = false, int? maxLength = null, string? requiredMessage = null)
    {
        var input = Input("Input.Text", id, label, requiredMessage);
        Set(input, "value", value);
        Set(input, "placeholder", placeholder);
        if (multiline)
        {
            input["isMultiline"] = true;
        }

        if (maxLength is { } max)
        {
            input["maxLength"] = max;
        }

        return Add(input);
    }

    /// <summary>A drop-down (or, with <paramref name="expanded"/>, radio buttons) submitted as field <paramref name="id"/>.</summary>
    public AdaptiveCardBuilder ChoiceInput(string id, string label, IEnumerable<CardChoice> choices, string? value = null,
        bool expanded = false, string? requiredMessage = null)
    {
        var input = Input("Input.ChoiceSet", id, label, requiredMessage);
        input["choices"] = new JArray(choices.Select(c => new JObject { ["title"] = c.Title, ["value"] = c.Value }));
        input["style"] = expanded ? "expanded" : "compact";
        Set(input, "value", value);
        return Add(input);
    }

    /// <summary>
    /// A Teams people picker: members are searched in the tenant's directory as the user types, and the submit carries
    /// their Entra object ids, comma-separated. Other clients show an empty list.
    /// </summary>
    public AdaptiveCardBuilder PeoplePicker(string id, string label)
    {
        var input = Input("Input.ChoiceSet", id, label, null);
        input["isMultiSelect"] = true;
        input["choices"] = new JArray();
        input["choices.data"] = new JObject { ["type"] = "Data.Query", ["dataset"] = "graph.microsoft.com/users" };
        return Add(input);
    }

    /// <summary>A check box submitted as <c>"true"</c> / <c>"false"</c>.</summary>
    public AdaptiveCardBuilder Toggle(string id, string title, bool on = false)
        => Add(new JObject
        {
            ["type"] = "Input.Toggle",
            ["id"] = id,
            ["title"] = title,
            ["value"] = on ? "true" : "false",
            ["valueOn"] = "true",
            ["valueOff"] = "false",
        });

    /// <summary>A button at the foot of the card that sends <paramref name="payload"/> (and the card's inputs).</summary>
    public AdaptiveCardBuilder Submit<T>(string title, T payload) where T : class, ICardSubmit<T>
    {
        _actions.Add(SubmitAction(title, payload));
        return this;
    }

    /// <summary>A button at the foot of the card that opens <paramref name="url"/>.</summary>
    public AdaptiveCardBuilder OpenUrl(string title, string url)
    {
        _actions.Add(new JObject { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = url });
        return this;
    }

    /// <summary>A button that unfolds <paramref name="card"/> (e.g. a form) inside this one.</summary>
    public AdaptiveCardBuilder ShowCard(string title, AdaptiveCardBuilder card)
    {
        _actions.Add(new JObject { ["type"] = "Action.ShowCard", ["title"] = title, ["card"] = card.Content() });
        return this;
    }

    /// <summary>A row of buttons inside the body, under what was added last (e.g. per answer of a list).</summary>
    public AdaptiveCardBuilder ButtonRow(IEnumerable<CardButton> buttons)
    {
        var row = new JArray(buttons.Select(b => b.ToJson()));
        return row.Count == 0 ? this : Add(new JObject { ["type"] = "ActionSet", ["actions"] = row });
    }

    /// <summary>True when nothing was added to the body.</summary>
    public bool IsEmpty => _body.Count == 0;

    /// <summary>The card as a message attachment.</summary>
    public Attachment Build() => new() { ContentType = ContentType, Content = Content() };

    private JObject Content()
    {
        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = _body.DeepClone(),
        };
        if (_actions.Count > 0)
        {
            card["actions"] = _actions.DeepClone();
        }

        return card;
    }

    private AdaptiveCardBuilder Add(JObject element)
    {
        _body.Add(element);
        return this;
    }

    internal static JObject SubmitAction<T>(string title, T payload) where T : class, ICardSubmit<T>
        => new() { ["type"] = "Action.Submit", ["title"] = title, ["data"] = CardSubmit.Data(payload) };

    private static JObject TextBlock(string text, bool large = false, bool subtle = false)
    {
        var block = new JObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (large)
        {
            block["size"] = "Large";
            block["weight"] = "Bolder";
        }

        if (subtle)
        {
            block["isSubtle"] = true;
        }

        return block;
    }

    private static JObject Input(string type, string id, string label, string? requiredMessage)
    {
        var input = new JObject { ["type"] = type, ["id"] = id, ["label"] = label };
        if (requiredMessage is not null)
        {
            input["isRequired"] = true;
            input["errorMessage"] = requiredMessage;
        }

        return input;
    }

    private static void Set(JObject element, string name, string? value)
    {
        if (value is not null)
        {
            element[name] = value;
        }
    }
}
