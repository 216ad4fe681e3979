using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Pane.Host.Platform.Kvm;

/// <summary>
/// Runs <see cref="KvmSmokeGuest"/> through the KVM ioctls on a dedicated background thread, so that a
/// <c>KVM_RUN</c> that never returns cannot block the caller or keep the process alive. The thread checks its
/// budget of CPU time (which counts time in the guest, and not time spent waiting for a core) after every exit;
/// a watchdog kicks a run that has not ended after <see cref="WallClockLimit"/> (<c>kvm_run.immediate_exit</c>
/// plus a signal to the thread) and gives up on the thread if even that fails.
/// </summary>
internal sealed class KvmTrial
{
    /// <summary>How long a trial may take on the wall clock before its thread is kicked.</summary>
    public static readonly TimeSpan WallClockLimit = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan s_kickGrace = TimeSpan.FromMilliseconds(500);
    private static readonly Lock s_signalGate = new();
    private static PosixSignalRegistration? s_kickSignal;

    private readonly string _devicePath;
    private readonly TimeSpan _budget;
    private readonly byte[] _code;
    private readonly TaskCompletionSource<KvmTrialResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private nint _runArea;
    private int _threadId;
    private int _completedChunks;
    private volatile bool _kicked;

    private KvmTrial(string devicePath, TimeSpan budget, byte[] code)
    {
        _code = code;
        _devicePath = devicePath;
        _budget = budget;
    }

    /// <summary>Runs the trial.</summary>
    /// <param name="devicePath">The KVM device, normally <c>/dev/kvm</c>.</param>
    /// <param name="budget">How much CPU time the guest may take to finish its work.</param>
    /// <returns>What the trial found; it completes within about <see cref="WallClockLimit"/> whatever KVM does.</returns>
    public static Task<KvmTrialResult> RunAsync(string devicePath, TimeSpan budget) =>
        RunAsync(devicePath, budget, KvmSmokeGuest.Code.ToArray());

    /// <summary>Runs the trial with other guest code, loaded and started like <see cref="KvmSmokeGuest.Code"/>.</summary>
    /// <param name="devicePath">The KVM device, normally <c>/dev/kvm</c>.</param>
    /// <param name="budget">How much CPU time the guest may take to finish its work.</param>
    /// <param name="code">The guest's real-mode code.</param>
    /// <returns>What the trial found.</returns>
    public static Task<KvmTrialResult> RunAsync(string devicePath, TimeSpan budget, byte[] code)
    {
        EnsureKickSignalIsHandled();
        var trial = new KvmTrial(devicePath, budget, code);
        var thread = new Thread(trial.Run) { IsBackground = true, Name = "Pane KVM probe" };
        thread.Start();
        return trial.WatchAsync();
    }

    private static void EnsureKickSignalIsHandled()
    {
        // SIGUSR2 would end the process by default; while registered, the runtime takes it and nothing else.
        lock (s_signalGate)
        {
            s_kickSignal ??= PosixSignalRegistration.Create((PosixSignal)LinuxNative.KickSignal, context => context.Cancel = true);
        }
    }

    private async Task<KvmTrialResult> WatchAsync()
    {
        if (await WaitAsync(WallClockLimit).ConfigureAwait(false))
        {
            return await _result.Task.ConfigureAwait(false);
        }

        Kick();
        if (await WaitAsync(s_kickGrace).ConfigureAwait(false))
        {
            return await _result.Task.ConfigureAwait(false);
        }

        _result.TrySetResult(new KvmTrialResult(KvmTrialVerdict.Hung, CompletedChunks: Volatile.Read(ref _completedChunks)));
        return await _result.Task.ConfigureAwait(false);
    }

    private async Task<bool> WaitAsync(TimeSpan delay)
    {
        try
        {
            await _result.Task.WaitAsync(delay).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private void Kick()
    {
        lock (_gate)
        {
            if (_runArea == 0)
            {
                return;
            }

            _kicked = true;
            Marshal.WriteByte(_runArea, KvmIoctl.ImmediateExitOffset, 1);
            _ = LinuxNative.SignalThread(LinuxNative.GetProcessId(), _threadId, LinuxNative.KickSignal);
        }
    }

    private void Run()
    {
        KvmTrialResult result;
        try
        {
            result = RunGuest();
        }
        catch (Exception error)
        {
            // Nothing may escape this thread: an unhandled exception here would end the process.
            result = new KvmTrialResult(KvmTrialVerdict.SetupFailed, Operation: $"the probe ({error.GetType().Name}: {error.Message.TrimEnd('.')})");
        }

        _result.TrySetResult(result);
    }

    private KvmTrialResult RunGuest()
    {
        var kvm = LinuxNative.Open(_devicePath, LinuxNative.OpenReadWrite | LinuxNative.OpenCloseOnExec);
        if (kvm < 0)
        {
            return new KvmTrialResult(KvmTrialVerdict.CannotOpen, Error: Marshal.GetLastPInvokeError());
        }

        var vm = -1;
        var vcpu = -1;
        nint memory = 0;
        nint run = 0;
        nuint runSize = 0;
        try
        {
            var apiVersion = LinuxNative.IoControl(kvm, KvmIoctl.GetApiVersion, 0);
            if (apiVersion != KvmIoctl.ExpectedApiVersion)
            {
                return new KvmTrialResult(KvmTrialVerdict.WrongApiVersion, ApiVersion: apiVersion, Error: apiVersion < 0 ? Marshal.GetLastPInvokeError() : 0);
            }

            KvmTrialResult Failed(string operation) =>
                new(KvmTrialVerdict.SetupFailed, Operation: operation, Error: Marshal.GetLastPInvokeError(), ApiVersion: apiVersion);

            vm = LinuxNative.IoControl(kvm, KvmIoctl.CreateVm, 0);
            if (vm < 0)
            {
                return Failed("KVM_CREATE_VM");
            }

            memory = LinuxNative.MapMemory(0, KvmSmokeGuest.MemorySize, LinuxNative.ProtectionReadWrite, LinuxNative.MapShared | LinuxNative.MapAnonymous, -1, 0);
            if (memory == LinuxNative.MapFailed)
            {
                memory = 0;
                return Failed("mmap of guest memory");
            }

            Marshal.Copy(_code, 0, memory + KvmSmokeGuest.LoadAddress, Math.Min(_code.Length, KvmSmokeGuest.MemorySize - KvmSmokeGuest.LoadAddress));
            if (LinuxNative.IoControl(vm, KvmIoctl.SetUserMemoryRegion, MemoryRegion(memory)) < 0)
            {
                return Failed("KVM_SET_USER_MEMORY_REGION");
            }

            vcpu = LinuxNative.IoControl(vm, KvmIoctl.CreateVcpu, 0);
            if (vcpu < 0)
            {
                return Failed("KVM_CREATE_VCPU");
            }

            var size = LinuxNative.IoControl(kvm, KvmIoctl.GetVcpuMapSize, 0);
            if (size < KvmExit.MinimumAreaLength)
            {
                return Failed("KVM_GET_VCPU_MMAP_SIZE");
            }

            run = LinuxNative.MapMemory(0, (nuint)size, LinuxNative.ProtectionReadWrite, LinuxNative.MapShared, vcpu, 0);
            if (run == LinuxNative.MapFailed)
            {
                run = 0;
                return Failed("mmap of kvm_run");
            }

            runSize = (nuint)size;
            var specialRegisters = new byte[KvmIoctl.SpecialRegistersSize];
            if (LinuxNative.IoControl(vcpu, KvmIoctl.GetSpecialRegisters, specialRegisters) < 0)
            {
                return Failed("KVM_GET_SREGS");
            }

            // Real mode with CS = 0, so that IP is the guest-physical address of the code.
            BinaryPrimitives.WriteUInt64LittleEndian(specialRegisters, 0);
            BinaryPrimitives.WriteUInt16LittleEndian(specialRegisters.AsSpan(KvmIoctl.CodeSelectorOffset), 0);
            if (LinuxNative.IoControl(vcpu, KvmIoctl.SetSpecialRegisters, specialRegisters) < 0)
            {
                return Failed("KVM_SET_SREGS");
            }

            var registers = new byte[KvmIoctl.RegistersSize];
            BinaryPrimitives.WriteUInt64LittleEndian(registers.AsSpan(KvmIoctl.InstructionPointerOffset), KvmSmokeGuest.LoadAddress);
            BinaryPrimitives.WriteUInt64LittleEndian(registers.AsSpan(KvmIoctl.FlagsOffset), 0x2);
            if (LinuxNative.IoControl(vcpu, KvmIoctl.SetRegisters, registers) < 0)
            {
                return Failed("KVM_SET_REGS");
            }

            lock (_gate)
            {
                _runArea = run;
                _threadId = LinuxNative.GetThreadId();
            }

            return RunLoop(vcpu, run, size) with { ApiVersion = apiVersion };
        }
        finally
        {
            lock (_gate)
            {
                _runArea = 0;
            }

            if (run != 0)
            {
                _ = LinuxNative.UnmapMemory(run, runSize);
            }

            if (memory != 0)
            {
                _ = LinuxNative.UnmapMemory(memory, KvmSmokeGuest.MemorySize);
            }

            foreach (var fd in new[] { vcpu, vm, kvm })
            {
                if (fd >= 0)
                {
                    _ = LinuxNative.Close(fd);
                }
            }
        }
    }

    private KvmTrialResult RunLoop(int vcpu, nint run, int size)
    {
        var monitor = new KvmSmokeGuestMonitor();
        var area = new byte[size];
        var start = LinuxNative.ThreadCpuTime();
        TimeSpan Elapsed() => LinuxNative.ThreadCpuTime() - start;
        while (true)
        {
            if (Elapsed() > _budget || _kicked)
            {
                return new KvmTrialResult(KvmTrialVerdict.TooSlow, Elapsed(), monitor.CompletedChunks);
            }

            if (LinuxNative.IoControl(vcpu, KvmIoctl.Run, 0) < 0)
            {
                var error = Marshal.GetLastPInvokeError();
                if (error == LinuxNative.ErrorInterrupted)
                {
                    continue;
                }

                return new KvmTrialResult(KvmTrialVerdict.SetupFailed, Elapsed(), monitor.CompletedChunks, "KVM_RUN", error);
            }

            Marshal.Copy(run, area, 0, size);
            var step = monitor.Observe(KvmExit.Decode(area));
            Volatile.Write(ref _completedChunks, monitor.CompletedChunks);
            switch (step)
            {
                case KvmSmokeGuestStep.Passed:
                    return new KvmTrialResult(KvmTrialVerdict.Passed, Elapsed(), monitor.CompletedChunks);
                case KvmSmokeGuestStep.Failed:
                    return new KvmTrialResult(KvmTrialVerdict.GuestMisbehaved, Elapsed(), monitor.CompletedChunks, Failure: monitor.Failure);
                default:
                    break;
            }
        }
    }

    private static byte[] MemoryRegion(nint memory)
    {
        // struct kvm_userspace_memory_region { u32 slot; u32 flags; u64 guest_phys_addr; u64 memory_size; u64 userspace_addr; }
        var region = new byte[KvmIoctl.MemoryRegionSize];
        BinaryPrimitives.WriteUInt64LittleEndian(region.AsSpan(16), KvmSmokeGuest.MemorySize);
        BinaryPrimitives.WriteUInt64LittleEndian(region.AsSpan(24), (ulong)memory);
        return region;
    }
}
