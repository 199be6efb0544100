using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Root;

/// <summary>
/// An Adaptive Card submit whose <c>value.action</c> names it. Features derive from
/// <see cref="Framework.Cards.CardAction{TSubmit}"/>, which reads the submit into its typed record.
/// </summary>
public interface ICardAction
{
    /// <summary>The action name, e.g. <c>report.submit</c>.</summary>
    string Name { get; }

    /// <summary>The least role allowed to use it.</summary>
    Role MinimumRole { get; }

    /// <summary>Runs the action with the submitted values.</summary>
    Task ExecuteAsync(RouteContext context, JObject value, CancellationToken cancellationToken);
}
