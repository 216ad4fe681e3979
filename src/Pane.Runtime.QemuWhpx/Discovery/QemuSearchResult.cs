namespace Pane.Runtime.QemuWhpx.Discovery;

/// <summary>What a search for <c>qemu-system-x86_64</c> found.</summary>
/// <param name="Location">The executable, or <see langword="null"/> when none was found.</param>
/// <param name="Searched">Every path that was tried, in order.</param>
/// <param name="Problem">One sentence on a misconfiguration that stopped the search, such as a <c>PANE_QEMU</c> naming no file.</param>
internal sealed record QemuSearchResult(QemuLocation? Location, IReadOnlyList<string> Searched, string? Problem = null);
