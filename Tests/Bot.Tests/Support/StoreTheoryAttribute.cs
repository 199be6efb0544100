using Cppcc.Bot.Storage;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Cppcc.Bot.Tests.Support;

/// <summary>
/// A store contract test: its body, which takes the <see cref="StorageProvider"/> as its one parameter, runs once on
/// LiteDB and once on PostgreSQL, so the two implementations of a store cannot drift apart. The PostgreSQL run is
/// skipped, saying why, where there is no test server. A fact to xUnit's analyzers (a theory would need a data
/// attribute): its discoverer makes the two runs as a theory's.
/// </summary>
[XunitTestCaseDiscoverer("Cppcc.Bot.Tests.Support.StoreTheoryDiscoverer", "Cppcc.Bot.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreTheoryAttribute : FactAttribute;

/// <summary>
/// Makes the two runs of a <see cref="StoreTheoryAttribute"/> test. A data attribute cannot do it: xUnit skips all the
/// rows of a data attribute or none.
/// </summary>
public sealed class StoreTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute)
    {
        var onLiteDb = CreateTestCasesForDataRow(discoveryOptions, testMethod, theoryAttribute, [StorageProvider.LiteDb]);
        var onPostgres = TestPostgres.SkipReason is { } reason
            ? CreateTestCasesForSkippedDataRow(discoveryOptions, testMethod, theoryAttribute, [StorageProvider.PostgreSql], reason)
            : CreateTestCasesForDataRow(discoveryOptions, testMethod, theoryAttribute, [StorageProvider.PostgreSql]);
        return [.. onLiteDb, .. onPostgres];
    }
}
