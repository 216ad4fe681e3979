namespace Pane.Host.Tests;

/// <summary>
/// The tests that boot a guest under QEMU run one at a time: under TCG on a 2-core machine, two boots side by side
/// (beside the other test assemblies' boots) can starve each other past their timeouts.
/// </summary>
[CollectionDefinition(Name)]
public sealed class GuestBoots
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Guest boots";
}
