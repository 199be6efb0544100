using Microsoft.Bot.Schema;

namespace Cppcc.Bot.Delivery;

/// <summary>One message for one recipient of a job.</summary>
public sealed record DeliveryRequest(string RecipientKey, ConversationReference Reference, IActivity Activity);
