namespace Pane.Host.Tests.Plugins;

/// <summary>The test plugins under tests/TestPlugins, one per loader behaviour.</summary>
internal static class TestPluginNames
{
    public const string Good = "Pane.TestPlugins.Good";
    public const string NoEntry = "Pane.TestPlugins.NoEntry";
    public const string AbstractionsV2 = "Pane.TestPlugins.AbstractionsV2";
    public const string ThrowsOnRegistration = "Pane.TestPlugins.ThrowsOnRegistration";
    public const string DuplicateId = "Pane.TestPlugins.DuplicateId";
    public const string ThrowingContribution = "Pane.TestPlugins.ThrowingContribution";
    public const string EntryNotAPlugin = "Pane.TestPlugins.EntryNotAPlugin";
    public const string EntryWithoutConstructor = "Pane.TestPlugins.EntryWithoutConstructor";
}
