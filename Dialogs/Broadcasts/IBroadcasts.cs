using Cppcc.Dialogs.Root;
using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Broadcasts;

/// <summary>A notice staff send to all members or a group.</summary>
/// <param name="Text">The notice (plain text / Markdown).</param>
/// <param name="Audience">"all" or a group name (界别 / 专委会).</param>
/// <param name="Link">Optional http(s) link shown as a button.</param>
/// <param name="LinkTitle">The button's title (default "查看详情").</param>
public sealed record BroadcastRequest(string Text, string Audience, string? Link = null, string? LinkTitle = null)
{
    /// <summary>The <see cref="Audience"/> that means every member.</summary>
    public const string Everyone = "all";
}

/// <summary>The outcome of starting a broadcast.</summary>
/// <param name="Id">The broadcast id, e.g. TZ-2026-0001.</param>
/// <param name="Recipients">Members queued.</param>
/// <param name="Unreachable">Members of the audience with no stored conversation (they never wrote to or installed the bot).</param>
public sealed record BroadcastStarted(string Id, int Recipients, int Unreachable)
{
    /// <summary>
    /// True when the sender started the same notice moments ago (a double click, 发送 twice): <see cref="Id"/> is that
    /// one, and nothing was queued again.
    /// </summary>
    public bool Repeated { get; init; }
}

/// <summary>Per-recipient results of a broadcast.</summary>
/// <param name="Id">The broadcast id.</param>
/// <param name="Sent">Delivered.</param>
/// <param name="Failed">Failed, blocked or dead-lettered.</param>
/// <param name="Pending">Not finished yet.</param>
/// <param name="Csv">Per-recipient CSV (UTF-8 with BOM, for Excel).</param>
public sealed record BroadcastReport(string Id, int Sent, int Failed, int Pending, byte[] Csv);

/// <summary>What the broadcast conversations need from the bot (implemented in Bot/Broadcasts).</summary>
public interface IBroadcasts
{
    /// <summary>Known audiences: "all" first, then the group names.</summary>
    IReadOnlyList<string> Audiences();

    /// <summary>Queues the broadcast; its progress card goes to <paramref name="staffConversation"/> with <see cref="ShowProgressAsync"/>.</summary>
    Task<BroadcastStarted> StartAsync(BroadcastRequest request, Caller sender, ConversationReference staffConversation, CancellationToken cancellationToken);

    /// <summary>Sends the progress card of a started broadcast to its sender's conversation (once).</summary>
    Task ShowProgressAsync(string broadcastId, CancellationToken cancellationToken);

    /// <summary>The results of a broadcast, or null when there is none with that id.</summary>
    BroadcastReport? Report(string id);
}
