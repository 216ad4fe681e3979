namespace Pane.Host.Platform.Kvm;

/// <summary>What a <see cref="KvmTrial"/> found.</summary>
/// <param name="Verdict">How it ended.</param>
/// <param name="Elapsed">The CPU time the vCPU thread spent from its first <c>KVM_RUN</c>, in the guest or in KVM.</param>
/// <param name="CompletedChunks">How many chunks of <see cref="KvmSmokeGuest"/> work finished.</param>
/// <param name="Operation">For <see cref="KvmTrialVerdict.SetupFailed"/>: the failed call, such as <c>KVM_CREATE_VM</c>.</param>
/// <param name="Error">For failed calls: the errno value.</param>
/// <param name="Failure">For <see cref="KvmTrialVerdict.GuestMisbehaved"/>: what the guest did.</param>
/// <param name="ApiVersion">The KVM API version, once read.</param>
internal sealed record KvmTrialResult(
    KvmTrialVerdict Verdict,
    TimeSpan Elapsed = default,
    int CompletedChunks = 0,
    string? Operation = null,
    int Error = 0,
    string? Failure = null,
    int ApiVersion = 0);
