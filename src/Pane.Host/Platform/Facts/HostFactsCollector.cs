using System.Globalization;
using System.Runtime.InteropServices;
using Pane.Platform;

namespace Pane.Host.Platform.Facts;

/// <summary>Gathers the host facts of <c>pane doctor</c> from the running host.</summary>
internal sealed class HostFactsCollector : IHostFactsCollector
{
    /// <summary>Less physical memory than this is a problem: a desktop guest wants 2 GiB and the host needs some too.</summary>
    public const long MinimumMemoryBytes = 4L << 30;

    /// <summary>Less free disk than this at <c>PANE_HOME</c> is a problem: a base image and a desktop take about that.</summary>
    public const long MinimumFreeDiskBytes = 10L << 30;

    private const string TcgFallBack = "or let Pane use QEMU's TCG, which works but is much slower.";

    private readonly IHostPlatform _platform;
    private readonly string _cpuInfoPath;

    /// <summary>Initializes a new instance of the <see cref="HostFactsCollector"/> class.</summary>
    /// <param name="platform">The host platform.</param>
    public HostFactsCollector(IHostPlatform platform)
        : this(platform, "/proc/cpuinfo")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="HostFactsCollector"/> class.</summary>
    /// <param name="platform">The host platform.</param>
    /// <param name="cpuInfoPath">Where Linux's CPU description is, normally <c>/proc/cpuinfo</c>.</param>
    public HostFactsCollector(IHostPlatform platform, string cpuInfoPath)
    {
        ArgumentNullException.ThrowIfNull(platform);
        _platform = platform;
        _cpuInfoPath = cpuInfoPath;
    }

    /// <inheritdoc/>
    public HostFacts Collect(string paneHome)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paneHome);
        var home = Path.GetFullPath(paneHome);
        var problems = new List<HostProblem>();

        var virtualization = ReadVirtualization();
        if (virtualization.IsAvailable == false)
        {
            problems.Add(VirtualizationProblem(virtualization));
        }

        var memory = _platform.PhysicalMemoryBytes;
        if (memory is { } bytes && bytes < MinimumMemoryBytes)
        {
            problems.Add(new HostProblem(
                "memory",
                $"The host has {FormatBytes(bytes)} of memory; a desktop guest needs 2 GiB and the host needs some of its own.",
                "Run Pane on a host with at least 4 GiB of memory, or close other programs before you start a VM."));
        }

        var writeError = TryWrite(home);
        if (writeError is not null)
        {
            problems.Add(new HostProblem(
                "pane-home",
                $"PANE_HOME ({home}) is not writable: {writeError.TrimEnd('.')}.",
                "Point PANE_HOME (or --home) at a folder you can write to, or fix the permissions of this one."));
        }

        var freeDisk = FreeDiskBytes(home);
        if (freeDisk is { } free && free < MinimumFreeDiskBytes)
        {
            problems.Add(new HostProblem(
                "disk",
                $"Only {FormatBytes(free)} is free on the disk of PANE_HOME ({home}); a base image and a desktop need about 10 GiB.",
                "Free some space, or point PANE_HOME (or --home) at a larger disk."));
        }

        return new HostFacts
        {
            OperatingSystem = RuntimeInformation.OSDescription,
            Architecture = RuntimeInformation.OSArchitecture,
            LogicalProcessors = _platform.LogicalProcessorCount,
            PhysicalMemoryBytes = memory,
            Virtualization = virtualization,
            PaneHome = home,
            PaneHomeWritable = writeError is null,
            FreeDiskBytes = freeDisk,
            Problems = problems,
        };
    }

    /// <summary>Formats a byte count for people, in GiB or MiB.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>Text such as <c>3.8 GiB</c>.</returns>
    public static string FormatBytes(long bytes) => bytes >= 1L << 30
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0} MiB");

    private static HostProblem VirtualizationProblem(HardwareVirtualization virtualization) =>
        virtualization.RunsUnderHypervisor == true
            ? new HostProblem(
                "virtualization",
                $"This host is itself a virtual machine whose CPU offers no hardware virtualization ({virtualization.Detail}).",
                "Enable nested virtualization for this VM on the machine that runs it, " + TcgFallBack)
            : new HostProblem(
                "virtualization",
                $"The CPU offers no hardware virtualization ({virtualization.Detail}).",
                "Enable Intel VT-x or AMD-V (SVM) in the UEFI/BIOS settings, " + TcgFallBack);

    private static string? TryWrite(string home)
    {
        try
        {
            Directory.CreateDirectory(home);
            var probe = Path.Combine(home, $".pane-write-test-{Guid.NewGuid():N}");
            using (var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
                stream.WriteByte(0);
                stream.Flush(flushToDisk: true);
            }

            return File.Exists(probe) ? $"the test file {probe} could not be deleted" : null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return error.Message;
        }
    }

    private static long? FreeDiskBytes(string home)
    {
        var folder = home;
        while (!Directory.Exists(folder))
        {
            folder = Path.GetDirectoryName(folder);
            if (folder is null)
            {
                return null;
            }
        }

        try
        {
            return new DriveInfo(folder).AvailableFreeSpace;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private HardwareVirtualization ReadVirtualization()
    {
        if (_platform.OperatingSystem == HostOperatingSystem.Windows && OperatingSystem.IsWindows())
        {
            return WindowsNative.IsProcessorFeaturePresent(WindowsNative.ProcessorFeatureVirtualizationFirmwareEnabled)
                ? new HardwareVirtualization(true, null, "enabled in the firmware")
                : new HardwareVirtualization(false, null, "Windows reports it disabled in the firmware");
        }

        if (_platform.OperatingSystem != HostOperatingSystem.Linux)
        {
            return new HardwareVirtualization(null, null, "not checked on this operating system");
        }

        CpuInfo cpu;
        try
        {
            cpu = CpuInfo.Parse(File.ReadAllText(_cpuInfoPath));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return new HardwareVirtualization(null, null, $"{_cpuInfoPath} could not be read");
        }

        var detail = cpu.HasVmx ? $"vmx flag in {_cpuInfoPath}"
            : cpu.HasSvm ? $"svm flag in {_cpuInfoPath}"
            : $"no vmx or svm flag in {_cpuInfoPath}";
        return new HardwareVirtualization(cpu.HasHardwareVirtualization, cpu.RunsUnderHypervisor, detail);
    }
}
