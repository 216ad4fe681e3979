namespace Pane.Host.Hosting;

/// <summary>Registered by <c>AddPane</c> so that a second call finds the engine already there.</summary>
internal sealed class PaneEngineMarker;
