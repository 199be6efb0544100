namespace Cppcc.Bot.Storage.Postgres;

/// <summary>
/// One step of the PostgreSQL schema, applied once per database at start-up and recorded in <c>schema_migrations</c>.
/// A feature registers its tables as steps of its own (<see cref="PostgresSchemaRegistration.AddPostgresSchema"/>);
/// a step already applied is never changed: a later change is a new step with a new id.
/// </summary>
/// <param name="Id">Unique and stable, ordered within a feature, e.g. <c>reports-001</c>.</param>
/// <param name="Sql">Statements run in one transaction.</param>
public sealed record PostgresSchema(string Id, string Sql);

/// <summary>How a feature contributes its tables.</summary>
public static class PostgresSchemaRegistration
{
    /// <summary>Adds a schema step; steps run in registration order, each once.</summary>
    public static IServiceCollection AddPostgresSchema(this IServiceCollection services, string id, string sql)
        => services.AddSingleton(new PostgresSchema(id, sql));

    /// <summary>Adds a schema step a store declares beside its SQL.</summary>
    public static IServiceCollection AddPostgresSchema(this IServiceCollection services, PostgresSchema schema)
        => services.AddSingleton(schema);
}
