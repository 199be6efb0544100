using Cppcc.Dialogs.Root;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Roles;

/// <summary>
/// Roles as in docs/contract.md, Conversation contract: staff = listed in Staff:UserIds; member = a Teams user (of the configured tenant,
/// when one is set); public = everyone else. The public web chat never grants more than public, whatever ids it claims.
/// </summary>
public sealed class CallerResolver(IOptionsMonitor<StaffOptions> staff, IConfiguration configuration) : ICallerResolver
{
    /// <summary>
    /// Channels whose users are the public whatever ids they carry: the public web chat (embedded Direct Line and
    /// Azure's Web Chat / Direct Line) and the WeChat official account (an openid is never a member or staff).
    /// </summary>
    public static readonly IReadOnlySet<string> PublicChannels = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        Channels.Webchat, Channels.Directline, "wechat",
    };

    /// <summary>
    /// The only channels on which a listed id makes staff: Teams, and the Bot Framework Emulator a developer runs (with
    /// auth on it needs the app's password). On any other channel the client may pick its own <c>from</c>, so a listed
    /// id proves nothing. Channel ids are compared exactly, as the services send them: "MSTEAMS" is no Teams.
    /// </summary>
    public static readonly IReadOnlySet<string> StaffChannels = new HashSet<string>(StringComparer.Ordinal) { Channels.Msteams, Channels.Emulator };

    private readonly string? _tenantId = configuration["MicrosoftAppTenantId"] is { Length: > 0 } tenant ? tenant : null;

    /// <inheritdoc />
    public Caller Resolve(IActivity activity)
    {
        var channel = activity.ChannelId ?? "";
        var from = activity.From;
        var id = from?.AadObjectId is { Length: > 0 } aad ? aad : from?.Id ?? "";
        var key = UserKey.For(channel, id);
        var name = from?.Name ?? "";
        if (PublicChannels.Contains(channel))
        {
            return new Caller(key, name, Role.Public);
        }

        var staffIds = staff.CurrentValue.UserIds;
        if (StaffChannels.Contains(channel) && staffIds.Contains(from?.AadObjectId ?? "\0", StringComparer.OrdinalIgnoreCase)
            || staffIds.Contains(from?.Id ?? "\0", StringComparer.OrdinalIgnoreCase))
        {
            return new Caller(key, name, Role.Staff);
        }

        var isTenantUser = _tenantId is null || string.Equals(activity.Conversation?.TenantId, _tenantId, StringComparison.OrdinalIgnoreCase);
        return new Caller(key, name, channel == Channels.Msteams && isTenantUser ? Role.Member : Role.Public);
    }
}
