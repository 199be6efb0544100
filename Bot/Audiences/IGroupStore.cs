namespace Cppcc.Bot.Audiences;

/// <summary>The groups of members staff keep (sectors, special committees).</summary>
public interface IGroupStore
{
    /// <summary>Every group, by kind and then name.</summary>
    IReadOnlyList<MemberGroup> All();

    /// <summary>The group named <paramref name="name"/>, or null.</summary>
    MemberGroup? Find(string name);

    /// <summary>Adds or replaces a group.</summary>
    void Save(MemberGroup group);
}
