namespace Pane.Host.Platform.Kvm;

/// <summary>What <see cref="KvmSmokeGuestMonitor.Observe"/> makes of an exit.</summary>
internal enum KvmSmokeGuestStep
{
    /// <summary>The guest is on track: run it again.</summary>
    Continue,

    /// <summary>The guest halted after writing its result.</summary>
    Passed,

    /// <summary>The guest did something it was not written to do.</summary>
    Failed,
}
