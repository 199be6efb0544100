using LiteDB;

namespace Cppcc.Bot.Storage.Migration;

/// <summary>
/// How one LiteDB collection becomes rows of one PostgreSQL table: the insert (positional parameters) and, per
/// document, its values. <paramref name="After"/> runs once the rows are in (e.g. moving an identity past copied ids);
/// documents <paramref name="Include"/> turns down have no row (kept in LiteDB by another means than this table).
/// </summary>
public sealed record CollectionCopy(
    string Collection,
    string Table,
    string Insert,
    Func<BsonDocument, ILiteDatabase, object?[]> Row,
    string? After = null,
    Func<BsonDocument, bool>? Include = null);

/// <summary>Reading LiteDB documents as the stores wrote them (field names are the stored classes' property names).</summary>
public static class Bson
{
    /// <summary>A text field, or null (LiteDB reads empty strings back as null).</summary>
    public static string? Text(BsonDocument d, string field) => d.TryGetValue(field, out var v) && !v.IsNull ? v.AsString : null;

    /// <summary>A text field that must not be null in PostgreSQL.</summary>
    public static string TextOrEmpty(BsonDocument d, string field) => Text(d, field) ?? "";

    /// <summary>A time field as UTC (LiteDB reads times back as local), or null.</summary>
    public static DateTime? Utc(BsonDocument d, string field) => d.TryGetValue(field, out var v) && !v.IsNull ? v.AsDateTime.ToUniversalTime() : null;

    /// <summary>A date kept as midnight of the day (a <c>DateOnly</c> stored as a DateTime), or null.</summary>
    public static DateOnly? Date(BsonDocument d, string field) => d.TryGetValue(field, out var v) && !v.IsNull ? DateOnly.FromDateTime(v.AsDateTime) : null;

    /// <summary>A whole-number field (0 when missing).</summary>
    public static int Int(BsonDocument d, string field) => d.TryGetValue(field, out var v) && !v.IsNull ? v.AsInt32 : 0;

    /// <summary>A long field (0 when missing).</summary>
    public static long Long(BsonDocument d, string field) => d.TryGetValue(field, out var v) && !v.IsNull ? v.AsInt64 : 0;

    /// <summary>A true/false field (false when missing).</summary>
    public static bool Bool(BsonDocument d, string field) => d.TryGetValue(field, out var v) && !v.IsNull && v.AsBoolean;

    /// <summary>A byte field (empty when missing).</summary>
    public static byte[] Bytes(BsonDocument d, string field) => d.TryGetValue(field, out var v) && !v.IsNull ? v.AsBinary : [];

    /// <summary>A list of texts (empty when missing).</summary>
    public static string[] Texts(BsonDocument d, string field)
        => d.TryGetValue(field, out var v) && v.IsArray ? v.AsArray.Select(i => i.IsNull ? "" : i.AsString).ToArray() : [];
}
