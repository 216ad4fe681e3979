using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using Pane.Runtimes;

namespace Pane.Host.Tests.Guest;

/// <summary>
/// A real shell on a real terminal, seen as a serial console: <c>sh</c> under <c>script</c>, which gives it a
/// pseudo-terminal with its line discipline (echo, Ctrl+U, Ctrl+C, canonical input), as a guest's ttyS0 has. A folder
/// of stand-in commands comes first on its PATH, so nothing a step runs reaches the host's own configuration
/// (<c>dmesg</c> is always a stand-in: the shell's preparation would otherwise quieten the host's kernel console).
/// </summary>
internal sealed class PtyShellConsole : ISerialConsole, IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly Task _pump;

    private PtyShellConsole(Process process)
    {
        _process = process;
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Gets the folder of stand-in commands.</summary>
    public required string Tools { get; init; }

    /// <summary>Starts a shell.</summary>
    /// <param name="tools">The folder of stand-in commands; stand-ins are written into it with <see cref="AddTool"/>.</param>
    /// <returns>The console.</returns>
    public static PtyShellConsole Start(string tools)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The test shell needs a Unix pseudo-terminal.");
        }

        File.WriteAllText(Path.Combine(tools, "dmesg"), "#!/bin/sh\nexit 0\n");
        File.SetUnixFileMode(Path.Combine(tools, "dmesg"), (UnixFileMode)0b111_101_101);
        var start = new ProcessStartInfo("script") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-qfec", "sh -i", "/dev/null" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = $"{tools}:/usr/sbin:/usr/bin:/sbin:/bin";
        start.Environment["HOME"] = tools;
        start.Environment["PS1"] = "# ";
        start.Environment.Remove("ENV");
        return new PtyShellConsole(Process.Start(start)!) { Tools = tools };
    }

    /// <summary>Writes a stand-in command.</summary>
    /// <param name="name">The command's name.</param>
    /// <param name="script">Its shell script, without the #! line.</param>
    public void AddTool(string name, string script)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The test shell needs a Unix pseudo-terminal.");
        }

        var path = Path.Combine(Tools, name);
        File.WriteAllText(path, "#!/bin/sh\n" + script + "\n");
        File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
    }

    public Task<Stream> OpenAsync(CancellationToken cancellationToken) => throw new NotSupportedException("The test console has no raw stream.");

    public async IAsyncEnumerable<string> ReadLinesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var line in _lines.Reader.ReadAllAsync(cancellationToken))
        {
            yield return line;
        }
    }

    public async Task WriteLineAsync(string line, CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteAsync((line + "\r").AsMemory(), cancellationToken);
        await _process.StandardInput.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        await _pump;
        _process.Dispose();
    }

    private async Task PumpAsync()
    {
        var pending = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = await _process.StandardOutput.ReadAsync(buffer)) > 0)
        {
            foreach (var character in buffer.AsSpan(0, read))
            {
                if (character == '\n')
                {
                    _lines.Writer.TryWrite(pending.ToString());
                    pending.Clear();
                }
                else if (character != '\r')
                {
                    pending.Append(character);
                }
            }
        }

        _lines.Writer.TryComplete();
    }
}
