using System.Globalization;
using Cppcc.Bot.Exports;
using Cppcc.Dialogs.Audit;
using Cppcc.Dialogs.Framework;

namespace Cppcc.Bot.Audit;

/// <summary>
/// The records an <c>操作记录 导出</c> filter matches, oldest first, as CSV or Excel behind <c>/exports/{token}</c>
/// (subject: the filter's words). The last row says whether the chain verified when the file was made.
/// </summary>
public sealed class AuditExportSource(IAuditTrail trail, OfficeTime office, bool excel) : IExportSource
{
    private static readonly string[] Columns = ["序号", "时间", "操作人", "操作人标识", "操作", "对象", "之前", "之后"];

    /// <inheritdoc />
    public string Kind => excel ? AuditExportKinds.Excel : AuditExportKinds.Csv;

    /// <inheritdoc />
    public ExportFile? Create(string subject)
    {
        if (!AuditFilter.TryParse(subject, office, out var filter))
        {
            return null;
        }

        var check = trail.Verify();
        var rows = new List<object?[]> { Columns };
        rows.AddRange(trail.Find(filter, int.MaxValue).Reverse().Select(e => new object?[]
        {
            e.Sequence, office.Local(e.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.ActorName, e.ActorKey,
            e.Action, e.Target, e.Before ?? "", e.After ?? "",
        }));
        var verdict = check.Intact
            ? $"校验通过：共 {check.Checked} 条记录，哈希链完整"
            : $"校验失败：{(check.BrokenAt is { } b ? $"哈希链在第 {b} 条记录处断开" : $"从第 {check.MissingFrom} 条起的最新记录缺失")}";
        rows.Add(["", "", "", "", "校验", verdict, "", ""]);
        var name = "操作记录_" + (filter.Narrows ? SafeName(filter.ToText()) : "全部");
        return TableFile.Create(rows, name, "操作记录", excel, sheet =>
        {
            sheet.Column(2).Width = 20;
            sheet.Column(4).Width = 24;
            sheet.Column(5).Width = 18;
            sheet.Column(6).Width = 28;
            sheet.Column(7).Width = 40;
            sheet.Column(8).Width = 40;
        });
    }

    /// <summary>The filter in a file name: letters, digits, CJK, dots and dashes; the rest becomes '_'.</summary>
    private static string SafeName(string text)
    {
        var chars = text.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_').Take(60).ToArray();
        return new string(chars);
    }
}
