namespace Pane.Machines;

/// <summary>The guest's network.</summary>
public enum NetworkMode
{
    /// <summary>No network device.</summary>
    None,

    /// <summary>User-mode networking: the guest reaches what the host reaches, through NAT, without privileges.</summary>
    User,
}
