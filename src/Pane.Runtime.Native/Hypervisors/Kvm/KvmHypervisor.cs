using System.Runtime.InteropServices;
using Pane.Runtime.Native.Memory;

namespace Pane.Runtime.Native.Hypervisors.Kvm;

/// <summary>The KVM backend: <c>/dev/kvm</c>, opened once, creates VMs through its ioctls.</summary>
internal sealed class KvmHypervisor : IHypervisor, IDisposable
{
    /// <summary>The usual path of the device.</summary>
    public const string DefaultDevicePath = "/dev/kvm";

    private readonly int _fd;

    private KvmHypervisor(int fd)
    {
        _fd = fd;
    }

    /// <inheritdoc/>
    public string Name => "kvm";

    /// <summary>Opens KVM and checks its API version.</summary>
    /// <param name="devicePath">The device.</param>
    /// <returns>The hypervisor.</returns>
    /// <exception cref="HypervisorException">The device cannot be opened or speaks another API.</exception>
    public static KvmHypervisor Open(string devicePath = DefaultDevicePath)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new HypervisorException("open " + devicePath, 0, "KVM exists only on Linux");
        }

        var fd = KvmNative.Check(KvmNative.Open(devicePath, KvmNative.OpenReadWrite | KvmNative.OpenCloseOnExec), "open " + devicePath);
        var version = KvmNative.IoControl(fd, KvmNative.GetApiVersion, 0);
        if (version != KvmNative.ApiVersion)
        {
            _ = KvmNative.Close(fd);
            throw new HypervisorException("KVM_GET_API_VERSION", version, $"KVM speaks API {version}, not {KvmNative.ApiVersion}");
        }

        return new KvmHypervisor(fd);
    }

    /// <inheritdoc/>
    public IVm CreateVm(GuestMemory memory, bool withLocalApic) => new KvmVm(_fd, memory, withLocalApic);

    /// <summary>Tells whether KVM offers an extension.</summary>
    /// <param name="capability">The <c>KVM_CAP_*</c> number.</param>
    /// <returns><see langword="true"/> when offered.</returns>
    public bool Offers(int capability) => KvmNative.IoControl(_fd, KvmNative.CheckExtension, capability) > 0;

    /// <inheritdoc/>
    public void Dispose() => _ = KvmNative.Close(_fd);

    /// <summary>Reads the CPUID leaves KVM can offer a guest.</summary>
    /// <param name="kvmFd">The KVM device's descriptor.</param>
    /// <returns>The leaves.</returns>
    /// <exception cref="HypervisorException">KVM refused.</exception>
    internal static unsafe KvmCpuidEntry[] SupportedCpuid(int kvmFd)
    {
        for (var count = 64; count <= 4096; count *= 2)
        {
            var size = 8 + (count * sizeof(KvmCpuidEntry));
            var buffer = (byte*)NativeMemory.AllocZeroed((nuint)size);
            try
            {
                *(uint*)buffer = (uint)count;
                if (KvmNative.IoControl(kvmFd, KvmNative.GetSupportedCpuid, buffer) < 0)
                {
                    var error = Marshal.GetLastPInvokeError();
                    if (error == KvmNative.ErrorTooBig)
                    {
                        continue;
                    }

                    throw new HypervisorException("KVM_GET_SUPPORTED_CPUID", error, KvmNative.Describe(error));
                }

                var entries = new KvmCpuidEntry[*(uint*)buffer];
                new ReadOnlySpan<KvmCpuidEntry>(buffer + 8, entries.Length).CopyTo(entries);
                return entries;
            }
            finally
            {
                NativeMemory.Free(buffer);
            }
        }

        throw new HypervisorException("KVM_GET_SUPPORTED_CPUID", KvmNative.ErrorTooBig, "more than 4096 CPUID leaves");
    }
}
