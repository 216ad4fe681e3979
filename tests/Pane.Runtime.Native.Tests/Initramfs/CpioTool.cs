using System.Diagnostics;

namespace Pane.Runtime.Native.Tests.Initramfs;

/// <summary>Runs the system's GNU cpio over an archive, to check Pane's archives with an independent reader.</summary>
internal static class CpioTool
{
    public static string Run(byte[] archive, string arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo("cpio")
        {
            Arguments = arguments,
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.BaseStream.Write(archive);
        process.StandardInput.Close();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"cpio {arguments} failed: {error.Result}");
        return output.Result;
    }
}
