namespace Cppcc.Bot.Roles;

/// <summary>Who has staff rights (contract key <c>Staff:UserIds</c>).</summary>
public sealed class StaffOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Staff";

    /// <summary>Teams <c>aadObjectId</c>s or channel <c>from.id</c>s of staff.</summary>
    public List<string> UserIds { get; set; } = new();
}
