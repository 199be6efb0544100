using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Cppcc.Bot.Tests.Support;
using Microsoft.IdentityModel.Tokens;

namespace Cppcc.Bot.Tests.Hosting;

/// <summary>With MicrosoftAppId set, only requests with a valid Bot Framework token get through.</summary>
public class AuthenticationTests : IDisposable
{
    private readonly TempDatabase _db = new();

    private BotFactory AuthOn() => new(_db, new Dictionary<string, string?>
    {
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppId"] = "11111111-2222-3333-4444-555555555555",
        ["MicrosoftAppPassword"] = "not-a-real-secret",
    });

    [Fact]
    public async Task A_request_without_a_token_gets_401()
    {
        using var factory = AuthOn();
        var response = await factory.CreateClient().PostAsync("/api/messages", Body());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("https://sts.example.invalid/")]
    [InlineData("https://api.botframework.com")]
    public async Task A_forged_token_gets_401(string issuer)
    {
        using var factory = AuthOn();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ForgedToken(issuer));

        var response = await client.PostAsync("/api/messages", Body());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Without_an_app_id_auth_is_off()
    {
        using var factory = new BotFactory(_db);
        var response = await factory.CreateClient().PostAsync("/api/messages", Body());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static StringContent Body()
    {
        var activity = BotFactory.TeamsMessage("菜单");
        activity["deliveryMode"] = "expectReplies";
        return new StringContent(activity.ToString(), Encoding.UTF8, "application/json");
    }

    private static string ForgedToken(string issuer)
    {
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a-key-the-attacker-made-up-32-bytes!!"));
        var token = new JwtSecurityToken(issuer, "11111111-2222-3333-4444-555555555555",
            new[] { new Claim("serviceurl", "http://127.0.0.1:9/") },
            DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(30), new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    public void Dispose() => _db.Dispose();
}
