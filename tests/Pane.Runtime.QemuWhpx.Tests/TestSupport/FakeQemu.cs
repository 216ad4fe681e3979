namespace Pane.Runtime.QemuWhpx.Tests.TestSupport;

/// <summary>Writes small shell scripts that answer like <c>qemu-system-x86_64</c> does.</summary>
internal static class FakeQemu
{
    public const string WindowsVersionOutput =
        "QEMU emulator version 9.1.0 (v9.1.0-12064-gc658f5d9f2)\r\nCopyright (c) 2003-2024 Fabrice Bellard and the QEMU Project developers\r\n";

    public const string WindowsAcceleratorOutput = "Accelerators supported in QEMU binary:\r\ntcg\r\nwhpx\r\n";

    public const string WindowsDisplayOutput = "Available display backend types:\r\nnone\r\ngtk\r\nsdl\r\negl-headless\r\n";

    /// <summary>Writes an executable script at <paramref name="path"/>, creating its folder.</summary>
    public static string Write(string path, string versionOutput = WindowsVersionOutput, string acceleratorOutput = WindowsAcceleratorOutput, int exitCode = 0, string? logFile = null, string displayOutput = WindowsDisplayOutput)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var log = logFile is null ? string.Empty : $"echo \"$*\" >> '{logFile}'\n";
        var script = "#!/bin/sh\n" + log
            + "case \"$1\" in\n"
            + $"  --version) printf '%s' '{versionOutput}' ;;\n"
            + $"  -accel) printf '%s' '{acceleratorOutput}' ;;\n"
            + $"  -display) printf '%s' '{displayOutput}' ;;\n"
            + "esac\n"
            + $"exit {exitCode}\n";
        File.WriteAllText(path, script);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    /// <summary>Writes a file that exists but may not be executed.</summary>
    public static string WriteNotExecutable(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "not a program");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }

    /// <summary>The installed <c>qemu-system-x86_64</c>, or <see langword="null"/> when this machine has none.</summary>
    public static string? Installed() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "qemu-system-x86_64"))
            .FirstOrDefault(File.Exists);
}
