namespace Pane.Host.Guest.Provisioning;

/// <summary>What <c>pane provision</c> was asked to do.</summary>
internal sealed record ProvisionRequest
{
    /// <summary>Gets the machine to provision.</summary>
    public required GuestMachineRequest Machine { get; init; }

    /// <summary>Gets the root password, or <see langword="null"/> to generate one.</summary>
    public string? RootPassword { get; init; }

    /// <summary>Gets the sudo user to create or update, or <see langword="null"/> for none.</summary>
    public string? Username { get; init; }

    /// <summary>Gets the user's password, or <see langword="null"/> to generate one.</summary>
    public string? Password { get; init; }
}
