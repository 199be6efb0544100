using Cppcc.Dialogs.Framework;

namespace Cppcc.Dialogs.Audit;

/// <summary>User-facing texts of the audit trail, zh-CN first.</summary>
internal static class AuditTexts
{
    internal static readonly Localized Menu = new("操作记录", "Audit trail");
    internal static readonly Localized Title = new("操作记录（最近 {0} 条）", "Audit trail (latest {0})");
    internal static readonly Localized FilteredTitle = new("操作记录（{0}：{1} 条）", "Audit trail ({0}: {1})");
    internal static readonly Localized Intact = new("校验通过：共 {0} 条记录，哈希链完整。", "Verified: {0} records, the hash chain is intact.");
    internal static readonly Localized Broken = new("⚠ 校验失败：哈希链在第 {0} 条记录处断开，该条记录（或其前一条）已在本助手之外被改动或删除。",
        "⚠ Verification failed: the hash chain breaks at record {0}; it (or the one before) was changed or deleted outside the assistant.");
    internal static readonly Localized TailMissing = new("⚠ 校验失败：从第 {0} 条起的最新记录已缺失（现存 {1} 条），记录已在本助手之外被删除。",
        "⚠ Verification failed: the newest records from number {0} on are missing ({1} left); they were deleted outside the assistant.");
    internal static readonly Localized Empty = new("暂无操作记录。", "No records yet.");
    internal static readonly Localized NoMatch = new("没有符合条件的记录。", "No record matches.");
    internal static readonly Localized BadFilter = new(
        "没看懂筛选条件。可以这样写：“操作记录 20”（条数 1–100）、“操作记录 张三”（操作人、操作或对象中的词）、“操作记录 2026-06” 或 “操作记录 2026-06-01..2026-06-30”（日期），可组合；“操作记录 导出 …” 下载。",
        "Could not read the filter. Try \"audit 20\" (1–100 records), \"audit Zhang\" (a word of the actor, action or target), \"audit 2026-06\" or \"audit 2026-06-01..2026-06-30\" (dates), combined as you like; \"audit export …\" to download.");
    internal static readonly Localized Usage = new(
        "筛选：操作记录 <人名/操作/对象> <2026-06 或 2026-06-01..2026-06-30> <条数>；导出：操作记录 导出 <同样的条件>",
        "Filter: audit <name/action/target> <2026-06 or 2026-06-01..2026-06-30> <count>; download: audit export <same filter>");
    internal static readonly Localized Line = new("#{0} {1} {2}：{3} {4}（{5} → {6}）", "#{0} {1} {2}: {3} {4} ({5} → {6})");
    internal static readonly Localized ExportAll = new("操作记录导出（全部）", "Audit trail download (all)");
    internal static readonly Localized ExportFiltered = new("操作记录导出（{0}）", "Audit trail download ({0})");
    internal static readonly Localized DownloadCsv = new("下载 CSV", "Download CSV");
    internal static readonly Localized DownloadExcel = new("下载 Excel", "Download Excel");
    internal static readonly Localized LinksExpire = new("下载链接仅限工作人员使用，{0} 前有效。", "The links work for staff only, until {0}.");
}
