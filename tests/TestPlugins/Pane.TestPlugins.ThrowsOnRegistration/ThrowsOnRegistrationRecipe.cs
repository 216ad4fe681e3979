namespace Pane.TestPlugins.ThrowsOnRegistration;

/// <summary>A recipe registered before the failure, which must not reach the host.</summary>
public sealed class ThrowsOnRegistrationRecipe() : TestDesktopRecipe("half-registered");
