namespace Pane.TestPlugins.DuplicateId;

/// <summary>A runtime provider with the good plugin's id.</summary>
public sealed class DuplicateRuntimeProvider() : TestRuntimeProvider("test-runtime");
