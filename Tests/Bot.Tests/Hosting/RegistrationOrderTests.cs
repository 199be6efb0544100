using Cppcc.Bot.Audit;
using Cppcc.Bot.Hosting;
using Cppcc.Bot.Roles;
using Cppcc.Bot.WebChat;
using Cppcc.Bot.WeChat;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace Cppcc.Bot.Tests.Hosting;

/// <summary>A wrapper registered before what it wraps stops the start with one message naming the call to move.</summary>
public class RegistrationOrderTests
{
    [Fact]
    public void Web_chat_before_bot_hosting_names_the_call_to_move()
    {
        var services = new ServiceCollection().AddRoles();

        var refused = Assert.Throws<InvalidOperationException>(() => services.AddWebChat());

        Assert.Equal("AddWebChat must be called after AddBotHosting: it wraps the BotFrameworkAuthentication that AddBotHosting "
            + "registers. Move AddWebChat() below AddBotHosting() in Program.cs.", refused.Message);
    }

    [Fact]
    public void Web_chat_after_bot_hosting_wraps_its_authentication()
    {
        var services = new ServiceCollection().AddRoles().AddBotHosting();

        services.AddWebChat();

        Assert.Single(services, d => d.ServiceType == typeof(BotFrameworkAuthentication));
    }

    [Fact]
    public void WeChat_before_delivery_names_the_call_to_move()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddWeChat());

        Assert.StartsWith("AddWeChat must be called after AddDelivery: it wraps the IDeliveryChannel", refused.Message);
    }

    [Fact]
    public void Audit_before_the_features_it_records_names_the_first_one_missing()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddAudit());

        Assert.StartsWith("AddAudit must be called after AddReports: it wraps the IReportReview", refused.Message);
    }
}
