using Cppcc.Bot.Storage;
using LiteDB;

namespace Cppcc.Bot.Audiences;

/// <summary>Owns the "member_groups" collection.</summary>
public sealed class GroupStore(ILiteDatabase database)
{
    private readonly ILiteCollection<MemberGroup> _groups = LiteDbCollections.Open<MemberGroup>(database, "member_groups");

    public IReadOnlyList<MemberGroup> All() => _groups.FindAll().OrderBy(g => g.Kind).ThenBy(g => g.Id, StringComparer.Ordinal).ToList();

    public MemberGroup? Find(string name) => _groups.FindById(name);

    public void Save(MemberGroup group) => _groups.Upsert(group);
}
