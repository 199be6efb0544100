namespace Cppcc.Bot.Graph;

/// <summary>Optional Microsoft Graph (contract keys Graph:*). Off unless TenantId, ClientId and ClientSecret are set.</summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    public string TenantId { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>Graph endpoint (a sovereign cloud, or a loopback stub in tests).</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>Entra group whose members are the committee members.</summary>
    public string MembersGroupId { get; set; } = "";

    /// <summary>Entra group whose members get staff rights (in addition to Staff:UserIds).</summary>
    public string StaffGroupId { get; set; } = "";

    /// <summary>The Teams app's id in the tenant's app catalog: installed for members who have no conversation with the bot.</summary>
    public string TeamsAppId { get; set; } = "";

    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromHours(1);

    public bool Enabled => TenantId.Length > 0 && ClientId.Length > 0 && ClientSecret.Length > 0;

    public string EffectiveBaseUrl => BaseUrl.Length > 0 ? BaseUrl.TrimEnd('/') : "https://graph.microsoft.com/v1.0";
}
