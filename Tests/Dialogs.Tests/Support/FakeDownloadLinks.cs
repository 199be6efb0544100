using Cppcc.Dialogs.Exports;
using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Tests.Support;

/// <summary>Links that name what they were made for, so a test can read them back.</summary>
public sealed class FakeDownloadLinks : IDownloadLinks
{
    public DownloadLink Create(Caller staff, string kind, string subject)
        => new($"http://x/exports/{kind}/{subject}/{staff.UserKey}", DateTimeOffset.UnixEpoch.AddDays(1));
}
