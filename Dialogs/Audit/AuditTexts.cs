using Cppcc.Dialogs.Framework;

namespace Cppcc.Dialogs.Audit;

/// <summary>User-facing texts of the audit trail, zh-CN first.</summary>
internal static class AuditTexts
{
    internal static readonly Localized Menu = new("操作记录", "Audit trail");
    internal static readonly Localized Title = new("操作记录（最近 {0} 条）", "Audit trail (latest {0})");
    internal static readonly Localized Intact = new("校验通过：共 {0} 条记录，哈希链完整。", "Verified: {0} records, the hash chain is intact.");
    internal static readonly Localized Broken = new("⚠ 校验失败：哈希链在第 {0} 条记录处断开，该条记录（或其前一条）已在本助手之外被改动或删除。",
        "⚠ Verification failed: the hash chain breaks at record {0}; it (or the one before) was changed or deleted outside the assistant.");
    internal static readonly Localized Empty = new("暂无操作记录。", "No records yet.");
    internal static readonly Localized BadCount = new("请写要看的条数（1–100），例如“操作记录 20”。", "Please give a count from 1 to 100, e.g. \"audit 20\".");
    internal static readonly Localized Line = new("#{0} {1} {2}：{3} {4}（{5} → {6}）", "#{0} {1} {2}: {3} {4} ({5} → {6})");
}
