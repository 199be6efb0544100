namespace Cppcc.Dialogs.Exports;

/// <summary>Kinds of download link the conversations hand out (the host registers a file source for each).</summary>
public static class ExportKinds
{
    /// <summary>Who attends a session (subject: the session id).</summary>
    public const string Attendance = "attendance.csv";

    /// <summary>Per-recipient results of a broadcast (subject: the broadcast id).</summary>
    public const string BroadcastResults = "broadcast.csv";
}
