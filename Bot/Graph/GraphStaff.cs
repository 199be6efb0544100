using Cppcc.Bot.Roles;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Graph;

/// <summary>
/// Staff ids read from Graph:StaffGroupId. They are added to <see cref="StaffOptions.UserIds"/> by post-configuration,
/// so the one role rule (CallerResolver) applies; replacing them drops the cached options so the change takes effect.
/// </summary>
public sealed class GraphStaff(IOptionsMonitorCache<StaffOptions> cache) : IPostConfigureOptions<StaffOptions>
{
    private volatile IReadOnlyList<string> _ids = [];

    public void Replace(IReadOnlyList<string> ids)
    {
        _ids = ids;
        cache.TryRemove(Options.DefaultName);
    }

    public void PostConfigure(string? name, StaffOptions options)
        => options.UserIds.AddRange(_ids.Where(id => !options.UserIds.Contains(id, StringComparer.OrdinalIgnoreCase)));
}
