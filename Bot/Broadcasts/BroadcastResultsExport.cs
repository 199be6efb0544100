using Cppcc.Bot.Exports;
using Cppcc.Dialogs.Broadcasts;
using Cppcc.Dialogs.Exports;

namespace Cppcc.Bot.Broadcasts;

/// <summary>The per-recipient results CSV of a broadcast behind <c>/exports/{token}</c> (link from <c>通知结果</c>).</summary>
public sealed class BroadcastResultsExport(IBroadcasts broadcasts) : IExportSource
{
    /// <inheritdoc />
    public string Kind => ExportKinds.BroadcastResults;

    /// <inheritdoc />
    public ExportFile? Create(string subject)
        => broadcasts.Report(subject) is { } r ? new ExportFile(r.Csv, "text/csv; charset=utf-8", $"{r.Id}.csv") : null;
}
