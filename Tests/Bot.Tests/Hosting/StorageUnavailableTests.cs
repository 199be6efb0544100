using System.Net;
using Cppcc.Bot.Hosting;
using LiteDB;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Npgsql;

namespace Cppcc.Bot.Tests.Hosting;

/// <summary>A request failing because the database does not answer is a 503 to retry, never a 500.</summary>
public sealed class StorageUnavailableTests
{
    [Theory]
    [InlineData("npgsql")]
    [InlineData("litedb")]
    [InlineData("wrapped")]
    public async Task A_database_error_is_a_503_with_a_chinese_message(string kind)
    {
        await using var app = await StartAsync(() => throw (kind switch
        {
            "npgsql" => new NpgsqlException("Failed to connect to 127.0.0.1:5432"),
            "litedb" => new LiteException(0, "engine stopped"),
            _ => new InvalidOperationException("building a service", new NpgsqlException("Failed to connect")),
        }));

        using var response = await app.GetTestClient().PostAsync("/tokens", null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("数据库没有响应", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Any_other_error_is_left_alone()
    {
        await using var app = await StartAsync(() => throw new InvalidOperationException("a bug"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.GetTestClient().PostAsync("/tokens", null));
    }

    private static async Task<WebApplication> StartAsync(Action fail)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        var app = builder.Build();
        app.UseStorageUnavailable();
        app.MapPost("/tokens", () =>
        {
            fail();
            return "never";
        });
        await app.StartAsync();
        return app;
    }
}
