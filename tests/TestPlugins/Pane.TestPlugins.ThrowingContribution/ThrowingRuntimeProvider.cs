namespace Pane.TestPlugins.ThrowingContribution;

/// <summary>A runtime provider that cannot be created.</summary>
public sealed class ThrowingRuntimeProvider : TestRuntimeProvider
{
    /// <summary>Initializes a new instance of the <see cref="ThrowingRuntimeProvider"/> class, or rather fails to.</summary>
    /// <exception cref="InvalidOperationException">Always.</exception>
    public ThrowingRuntimeProvider()
        : base("throwing-runtime") => throw new InvalidOperationException("The provider cannot start");
}
