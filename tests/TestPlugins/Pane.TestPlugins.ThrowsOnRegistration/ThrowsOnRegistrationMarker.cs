namespace Pane.TestPlugins.ThrowsOnRegistration;

/// <summary>A service registered before the failure, which must not reach the host.</summary>
public sealed class ThrowsOnRegistrationMarker;
