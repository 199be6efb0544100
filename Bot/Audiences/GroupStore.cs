using Cppcc.Bot.Storage;
using LiteDB;

namespace Cppcc.Bot.Audiences;

/// <summary><see cref="IGroupStore"/> on LiteDB. Owns the "member_groups" collection.</summary>
public sealed class GroupStore(ILiteDatabase database) : IGroupStore
{
    private readonly ILiteCollection<MemberGroup> _groups = LiteDbCollections.Open<MemberGroup>(database, "member_groups");

    /// <inheritdoc />
    public IReadOnlyList<MemberGroup> All() => _groups.FindAll().OrderBy(g => g.Kind).ThenBy(g => g.Id, StringComparer.Ordinal).ToList();

    /// <inheritdoc />
    public MemberGroup? Find(string name) => _groups.FindById(name);

    /// <inheritdoc />
    public void Save(MemberGroup group) => _groups.Upsert(group);
}
