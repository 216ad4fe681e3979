namespace Pane.Runtime.Native.Hypervisors.Kvm;

/// <summary>
/// Turns the CPUID leaves KVM can offer (<c>KVM_GET_SUPPORTED_CPUID</c>) into one vCPU's leaves, as a guest expects
/// them on a virtual machine. KVM leaves to the VMM: the hypervisor bit (without it Linux never looks at the KVM leaves
/// at 0x40000000, so it gets no kvmclock, cannot learn the TSC's frequency and waits forever for a timer tick to
/// calibrate its delay loop), the TSC-deadline timer bit (KVM emulates that timer but does not report it), and the
/// processor's identity: its APIC ID in leaf 1, the x2APIC topology of leaf 0xB and AMD's extended APIC ID.
/// </summary>
internal static class KvmCpuid
{
    /// <summary>Leaf 1 ECX: the TSC-deadline mode of the local APIC timer.</summary>
    public const uint TscDeadlineBit = 1u << 24;

    /// <summary>Leaf 1 ECX: running under a hypervisor.</summary>
    public const uint HypervisorBit = 1u << 31;

    /// <summary>Leaf 1 EDX: EBX[23:16] counts the logical processors of the package.</summary>
    public const uint HyperThreadingBit = 1u << 28;

    /// <summary><c>KVM_CPUID_FLAG_SIGNIFCANT_INDEX</c>: the entry depends on ECX's subleaf.</summary>
    public const uint SignificantIndex = 1;

    private const uint TopologyLeaf = 0xB;
    private const uint TopologyLeafV2 = 0x1F;
    private const uint AmdExtendedApicIdLeaf = 0x8000_001E;
    private const uint LogicalProcessorLevel = 1;
    private const uint CoreLevel = 2;

    /// <summary>Builds the leaves of one vCPU.</summary>
    /// <param name="supported">What KVM offers.</param>
    /// <param name="index">The vCPU's index, which is also its APIC ID.</param>
    /// <param name="count">How many vCPUs the machine has.</param>
    /// <param name="tscDeadline">Whether KVM offers <c>KVM_CAP_TSC_DEADLINE_TIMER</c>.</param>
    /// <returns>The leaves to give <c>KVM_SET_CPUID2</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <paramref name="count"/>, or <paramref name="count"/> exceeds 255.</exception>
    public static KvmCpuidEntry[] ForVcpu(ReadOnlySpan<KvmCpuidEntry> supported, int index, int count, bool tscDeadline)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 255);
        var entries = new List<KvmCpuidEntry>(supported.Length + 1);
        var hasTopology = false;
        var hasTopologyCore = false;
        foreach (var supportedEntry in supported)
        {
            var entry = supportedEntry;
            switch (entry.Function)
            {
                case 1:
                    entry.Ebx = (entry.Ebx & 0x0000_FFFF) | ((uint)count << 16) | ((uint)index << 24);
                    entry.Ecx |= HypervisorBit | (tscDeadline ? TscDeadlineBit : 0);
                    entry.Edx = count > 1 ? entry.Edx | HyperThreadingBit : entry.Edx & ~HyperThreadingBit;
                    break;
                case TopologyLeaf:
                    hasTopology = true;
                    hasTopologyCore |= entry.Index == 1;
                    entry = TopologyLevel(entry, index, count);
                    break;
                case TopologyLeafV2:
                    entry.Edx = (uint)index;
                    break;
                case AmdExtendedApicIdLeaf:
                    entry.Eax = (uint)index;
                    break;
                default:
                    break;
            }

            entries.Add(entry);
        }

        if (hasTopology && !hasTopologyCore)
        {
            entries.Add(TopologyLevel(new KvmCpuidEntry { Function = TopologyLeaf, Index = 1 }, index, count));
        }

        return [.. entries];
    }

    /// <summary>
    /// One subleaf of leaf 0xB: subleaf 0 is the thread level (one thread a core), subleaf 1 the core level (every
    /// vCPU a core of one package), any other the end of the list. EDX is the vCPU's x2APIC ID at every level.
    /// </summary>
    private static KvmCpuidEntry TopologyLevel(KvmCpuidEntry entry, int index, int count)
    {
        entry.Flags |= SignificantIndex;
        entry.Edx = (uint)index;
        (entry.Eax, entry.Ebx, entry.Ecx) = entry.Index switch
        {
            0 => (0u, 1u, LogicalProcessorLevel << 8),
            1 => ((uint)ShiftFor(count), (uint)count, (CoreLevel << 8) | 1),
            _ => (0u, 0u, entry.Index & 0xFF),
        };
        return entry;
    }

    /// <summary>The bits an x2APIC ID is shifted right by to reach the package: enough for <paramref name="count"/> IDs.</summary>
    private static int ShiftFor(int count)
    {
        var shift = 0;
        while ((1 << shift) < count)
        {
            shift++;
        }

        return shift;
    }
}
