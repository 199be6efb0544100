namespace Cppcc.Dialogs.Framework.Cards;

/// <summary>One option of a choice input: what the user reads and what the submit carries.</summary>
public sealed record CardChoice(string Title, string Value);

/// <summary>One row of a fact list.</summary>
public sealed record CardFact(string Title, string Value);
