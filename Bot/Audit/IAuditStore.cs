using Cppcc.Dialogs.Audit;

namespace Cppcc.Bot.Audit;

/// <summary>
/// The staff audit trail as stored: append-only, each record holding SHA-256 of the previous record's hash and its
/// own canonical content (<see cref="AuditStore.HashOf"/>, the same on every engine), so that a record changed,
/// inserted or removed outside the store breaks the chain there.
/// </summary>
public interface IAuditStore : IAuditTrail
{
}
