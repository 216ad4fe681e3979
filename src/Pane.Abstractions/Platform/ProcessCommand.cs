namespace Pane.Platform;

/// <summary>A program to run and its arguments.</summary>
/// <param name="FileName">The program's path, or its name to look up on <c>PATH</c>.</param>
/// <param name="Arguments">The arguments, each passed as one argument without shell quoting.</param>
public sealed record ProcessCommand(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>Gets how long the program may run before it is killed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets environment variables to set for the program.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <inheritdoc/>
    public override string ToString() =>
        Arguments.Count == 0 ? FileName : $"{FileName} {string.Join(' ', Arguments)}";
}
