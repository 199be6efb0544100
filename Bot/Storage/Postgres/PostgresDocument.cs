using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using NpgsqlTypes;

namespace Cppcc.Bot.Storage.Postgres;

/// <summary>
/// How PostgreSQL stores keep a record whole in a <c>jsonb</c> column beside the columns they query: the same class
/// as in LiteDB, so the two engines hold the same fields. Enums are written by name, readable in psql.
/// </summary>
public static class PostgresDocument
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>A <c>jsonb</c> parameter holding <paramref name="value"/>.</summary>
    public static NpgsqlParameter Parameter<T>(T value)
        => new() { Value = JsonSerializer.Serialize(value, Options), NpgsqlDbType = NpgsqlDbType.Jsonb };

    /// <summary>The record in column <paramref name="ordinal"/> of the current row.</summary>
    public static T Read<T>(NpgsqlDataReader reader, int ordinal)
        => JsonSerializer.Deserialize<T>(reader.GetString(ordinal), Options)
            ?? throw new InvalidOperationException("A stored document is null.");

    /// <summary>A <c>timestamptz</c> parameter: Npgsql takes only UTC instants there.</summary>
    public static NpgsqlParameter Instant(DateTimeOffset value)
        => new() { Value = value.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz };

    /// <summary>A <c>timestamptz</c> parameter from a UTC (or local) <see cref="DateTime"/>.</summary>
    public static NpgsqlParameter Instant(DateTime value)
        => new() { Value = value.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz };

    /// <summary>Runs <paramref name="sql"/> and reads every row's document from column 0.</summary>
    public static List<T> Query<T>(NpgsqlDataSource dataSource, string sql, params NpgsqlParameter[] parameters)
    {
        using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        using var reader = command.ExecuteReader();
        var list = new List<T>();
        while (reader.Read())
        {
            list.Add(Read<T>(reader, 0));
        }

        return list;
    }

    /// <summary>A plain parameter (the type inferred by Npgsql).</summary>
    public static NpgsqlParameter Value(object? value) => new() { Value = value ?? DBNull.Value };
}
