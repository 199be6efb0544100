using Cppcc.Dialogs.Framework.Cards;

namespace Cppcc.Dialogs.Reports;

/// <summary>
/// Files a report or suggestion in one step (docs/contract.md, Conversation contract):
/// <c>{"action":"report.submit","kind":"report|suggestion","title","category","content","analysis","suggestion","location",
/// "anonymous":"true|false","contactName","contactPhone","coAuthors"}</c>; with <c>ref</c> (and a public submitter's access
/// code in <c>code</c>) it resubmits a returned report.
/// </summary>
public sealed record ReportSubmit(
    string? Kind,
    string? Category = null,
    string? Title = null,
    string? Content = null,
    string? Analysis = null,
    string? Suggestion = null,
    string? Location = null,
    string? Anonymous = null,
    string? ContactName = null,
    string? ContactPhone = null,
    string? CoAuthors = null,
    string? Ref = null,
    string? Code = null) : ICardSubmit<ReportSubmit>
{
    /// <inheritdoc />
    public static string ActionName => "report.submit";
}

/// <summary>
/// A co-author's answer to a joint report (联名): <c>{"action":"report.cosign","ref","response":"accept|decline"}</c>
/// (docs/contract.md, Conversation contract).
/// </summary>
public sealed record ReportCosign(string? Ref, string? Response) : ICardSubmit<ReportCosign>
{
    /// <summary>The <see cref="Response"/> that co-signs.</summary>
    public const string Accept = "accept";

    /// <summary>The <see cref="Response"/> that declines.</summary>
    public const string Decline = "decline";

    /// <inheritdoc />
    public static string ActionName => "report.cosign";
}

/// <summary>
/// Staff move a report (docs/contract.md, Conversation contract):
/// <c>{"action":"report.transition","ref","to":"accepted|returned|forwarded|replied|adopted|closed","note","department","level"}</c>.
/// </summary>
public sealed record ReportTransition(string? Ref, string? To, string? Note = null, string? Department = null, string? Level = null)
    : ICardSubmit<ReportTransition>
{
    /// <inheritdoc />
    public static string ActionName => "report.transition";
}
