namespace Cppcc.Bot.Knowledge;

/// <summary>
/// Per staff member, the newest waiting ticket they were told about, so the "questions are waiting" line comes once
/// per batch and again only when a newer question arrives.
/// </summary>
public interface IWaitingNoticeStore
{
    /// <summary>True, and remembered, when <paramref name="newestTicketId"/> is newer than what <paramref name="staffKey"/> was last told.</summary>
    bool TryTell(string staffKey, int newestTicketId);
}
