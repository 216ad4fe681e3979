using Pane.Host.Platform;
using Pane.Platform;

namespace Pane.Runtime.QemuWhpx.Tests.TestSupport;

/// <summary>Makes and inspects real qcow2 images with the installed <c>qemu-img</c> and <c>qemu-io</c>.</summary>
internal static class QemuImages
{
    public static bool Installed => FakeQemu.Installed() is not null && OnPath("qemu-img") && OnPath("qemu-io");

    public static Task<ProcessResult> ImgAsync(params string[] arguments) => RunAsync("qemu-img", arguments);

    /// <summary>Runs <c>qemu-io</c> commands (<c>write -P 0xab 0 64M</c>, ...) on a qcow2 image.</summary>
    public static async Task IoAsync(string image, params string[] commands)
    {
        string[] arguments = [.. commands.SelectMany(command => new[] { "-c", command }), "-f", "qcow2", image];
        (await RunAsync("qemu-io", arguments)).EnsureSuccess();
    }

    private static Task<ProcessResult> RunAsync(string tool, string[] arguments) =>
        new ProcessRunner().RunAsync(new ProcessCommand(tool, arguments) { Timeout = TimeSpan.FromMinutes(5) }, TestContext.Current.CancellationToken);

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries).Any(folder => File.Exists(Path.Combine(folder, tool)));
}
