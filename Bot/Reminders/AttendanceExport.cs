using Cppcc.Bot.Exports;
using Cppcc.Dialogs.Exports;
using Cppcc.Dialogs.Sessions;

namespace Cppcc.Bot.Reminders;

/// <summary>The attendance CSV of a session behind <c>/exports/{token}</c> (link from <c>出席情况</c>).</summary>
public sealed class AttendanceExport(ISessions sessions) : IExportSource
{
    /// <inheritdoc />
    public string Kind => ExportKinds.Attendance;

    /// <inheritdoc />
    public ExportFile? Create(string subject)
        => sessions.Attendance(subject) is { } a ? new ExportFile(a.Csv, "text/csv; charset=utf-8", $"{a.Session.Id}-出席.csv") : null;
}
