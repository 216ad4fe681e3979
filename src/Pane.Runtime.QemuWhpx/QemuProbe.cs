using Pane.Runtime.QemuWhpx.Discovery;
using Pane.Runtimes;

namespace Pane.Runtime.QemuWhpx;

/// <summary>A probe of the QEMU runtime with what it learned of the binary.</summary>
/// <param name="Result">The probe's result.</param>
/// <param name="Binary">The binary's version and accelerators; <see langword="null"/> when none was found or it did not run.</param>
internal sealed record QemuProbe(RuntimeProbeResult Result, QemuBinaryInfo? Binary);
