using System.Globalization;
using Cppcc.Bot.Delivery;
using CsvHelper;

namespace Cppcc.Bot.Broadcasts;

/// <summary>Per-recipient delivery results as CSV (UTF-8 with BOM so Excel reads the Chinese headers).</summary>
public static class DeliveryCsv
{
    private static readonly string[] Header = ["接收人", "用户", "状态", "尝试次数", "最后状态码", "送达时间(UTC)"];

    public static byte[] Write(IEnumerable<DeliveryItem> items, Func<string, string> nameOf)
    {
        using var buffer = new MemoryStream();
        // Names come from Teams profiles: formula injection is escaped (CsvHelper's default, OWASP).
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true))
        {
            csv.WriteRecord(Header);
            foreach (var i in items)
            {
                csv.WriteRecord([
                    nameOf(i.RecipientKey), i.RecipientKey, Label(i.State), i.Attempts.ToString(CultureInfo.InvariantCulture),
                    i.LastStatus?.ToString(CultureInfo.InvariantCulture) ?? "",
                    i.SentAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "",
                ]);
            }
        }
        return buffer.ToArray();
    }

    public static string Label(DeliveryState state) => state switch
    {
        DeliveryState.Sent => "已送达",
        DeliveryState.Pending => "待发送",
        DeliveryState.Sending => "发送中",
        DeliveryState.Blocked => "已屏蔽助手",
        DeliveryState.Failed => "失败",
        DeliveryState.Cancelled => "已撤回",
        _ => "多次重试失败",
    };
}
