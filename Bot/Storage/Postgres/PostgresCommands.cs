using Npgsql;

namespace Cppcc.Bot.Storage.Postgres;

/// <summary>
/// The few shapes every PostgreSQL store needs: a statement with positional parameters (<c>$1</c>, <c>$2</c> …), run
/// for its row count, one value, or rows read by the caller. Values are always parameters, never text in the SQL.
/// </summary>
public static class PostgresCommands
{
    /// <summary>A command on a pooled connection of <paramref name="dataSource"/>.</summary>
    public static NpgsqlCommand Command(this NpgsqlDataSource dataSource, string sql, params object?[] values)
        => WithParameters(dataSource.CreateCommand(sql), values);

    /// <summary>A command inside <paramref name="transaction"/>.</summary>
    public static NpgsqlCommand Command(this NpgsqlTransaction transaction, string sql, params object?[] values)
        => WithParameters(new NpgsqlCommand(sql, transaction.Connection, transaction), values);

    /// <summary>Runs a statement; the number of rows it changed.</summary>
    public static int Execute(this NpgsqlDataSource dataSource, string sql, params object?[] values)
    {
        using var command = dataSource.Command(sql, values);
        return command.ExecuteNonQuery();
    }

    /// <summary>Runs a statement inside <paramref name="transaction"/>; the number of rows it changed.</summary>
    public static int Execute(this NpgsqlTransaction transaction, string sql, params object?[] values)
    {
        using var command = transaction.Command(sql, values);
        return command.ExecuteNonQuery();
    }

    /// <summary>The rows of a query, each read by <paramref name="read"/>.</summary>
    public static List<T> Query<T>(this NpgsqlDataSource dataSource, string sql, Func<NpgsqlDataReader, T> read, params object?[] values)
    {
        using var command = dataSource.Command(sql, values);
        return ReadAll(command, read);
    }

    /// <summary>The rows of a query inside <paramref name="transaction"/>, each read by <paramref name="read"/>.</summary>
    public static List<T> Query<T>(this NpgsqlTransaction transaction, string sql, Func<NpgsqlDataReader, T> read, params object?[] values)
    {
        using var command = transaction.Command(sql, values);
        return ReadAll(command, read);
    }

    /// <summary>The first row of a query read by <paramref name="read"/>, or the default when there is none.</summary>
    public static T? QuerySingle<T>(this NpgsqlDataSource dataSource, string sql, Func<NpgsqlDataReader, T> read, params object?[] values)
    {
        using var command = dataSource.Command(sql, values);
        using var reader = command.ExecuteReader();
        return reader.Read() ? read(reader) : default;
    }

    /// <summary>
    /// An array as one parameter (for <c>= ANY($1)</c>): passed bare, a <c>string[]</c> would itself become the
    /// <c>params</c> array, one parameter per element.
    /// </summary>
    public static NpgsqlParameter Array<T>(T[] values) => new() { Value = values };

    /// <summary>A nullable text column.</summary>
    public static string? NullableString(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>A nullable timestamptz column as UTC.</summary>
    public static DateTime? NullableUtc(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDateTime(ordinal);

    /// <summary>
    /// A time for a <c>timestamptz</c> column: Npgsql takes only UTC there, and LiteDB-era code hands over local or
    /// unspecified kinds (an unspecified kind is UTC by this codebase's convention).
    /// </summary>
    public static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private static List<T> ReadAll<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> read)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static NpgsqlCommand WithParameters(NpgsqlCommand command, object?[] values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(value is NpgsqlParameter parameter ? parameter : new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }
}
