namespace Pane.Host.Platform.Kvm;

/// <summary>How a <see cref="KvmTrial"/> ended.</summary>
internal enum KvmTrialVerdict
{
    /// <summary>The test guest ran as written within the time budget.</summary>
    Passed,

    /// <summary>The device could not be opened read-write.</summary>
    CannotOpen,

    /// <summary><c>KVM_GET_API_VERSION</c> did not return 12.</summary>
    WrongApiVersion,

    /// <summary>An ioctl or mapping the guest needs failed.</summary>
    SetupFailed,

    /// <summary>The guest exited in a way it was not written to.</summary>
    GuestMisbehaved,

    /// <summary>The guest did not finish its work within the time budget.</summary>
    TooSlow,

    /// <summary>The trial's thread did not finish, even after it was kicked out of <c>KVM_RUN</c>.</summary>
    Hung,
}
