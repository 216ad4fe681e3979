using Pane.Host.Guest;
using Pane.Host.Tests.DiskImages;
using Pane.Host.Tests.Guest;

namespace Pane.Host.Tests.DesktopInstall;

/// <summary>
/// Runs one generated step on a real shell and terminal (<see cref="PtyShellConsole"/>) with stand-in commands, after
/// pointing the guest paths it names (such as <c>/proc/net/route</c>) at files of the test's own.
/// </summary>
internal sealed class ScriptedGuest : IDisposable
{
    private readonly ScratchDirectory _scratch = new();
    private readonly Dictionary<string, string> _tools = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _paths = new(StringComparer.Ordinal);

    /// <summary>Gets the folder that stands for the guest's files.</summary>
    public string Root => _scratch.Path;

    /// <summary>Maps a guest path to a file or folder under <see cref="Root"/>.</summary>
    /// <param name="guestPath">The path as the script names it.</param>
    /// <returns>The path the script uses instead.</returns>
    public string Redirect(string guestPath)
    {
        var local = Path.Join(Root, "guest", guestPath);
        _paths[guestPath] = local;
        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        return local;
    }

    /// <summary>Adds a stand-in command.</summary>
    /// <param name="name">The command's name.</param>
    /// <param name="script">Its shell script, without the #! line.</param>
    public void Tool(string name, string script) => _tools[name] = script;

    /// <summary>Runs a step with the paths redirected.</summary>
    /// <param name="step">The step.</param>
    /// <returns>The step's exit status and output.</returns>
    public async Task<GuestStepResult> RunAsync(GuestStep step)
    {
        var tools = Directory.CreateDirectory(Path.Join(Root, "tools")).FullName;
        await using var console = PtyShellConsole.Start(tools);
        foreach (var (name, script) in _tools)
        {
            console.AddTool(name, script);
        }

        var text = _paths.OrderByDescending(pair => pair.Key.Length).Aggregate(step.Script, (script, pair) => script.Replace(pair.Key, pair.Value, StringComparison.Ordinal));
        using var transcript = GuestTranscript.InMemory(SecretRedactor.None);
        await using var shell = await GuestShell.OpenAsync(console, transcript, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        return await shell.RunAsync(step with { Script = text, Timeout = TimeSpan.FromMinutes(1) }, null, TestContext.Current.CancellationToken);
    }

    public void Dispose() => _scratch.Dispose();
}
