namespace Cppcc.Dialogs.Audit;

/// <summary>Download kinds of the audit trail (subject: the filter's words); the host registers a file source for each.</summary>
public static class AuditExportKinds
{
    /// <summary>The matching records as CSV.</summary>
    public const string Csv = "audit.csv";

    /// <summary>The matching records as an Excel workbook.</summary>
    public const string Excel = "audit.xlsx";
}
