namespace Pane.Runtimes;

/// <summary>The path that ended a machine.</summary>
public enum ShutdownMethod
{
    /// <summary>The machine had already exited.</summary>
    AlreadyStopped,

    /// <summary>The guest powered off after an ACPI power-button press.</summary>
    AcpiPowerdown,

    /// <summary>The guest powered off after a <c>poweroff</c> command on its console.</summary>
    ConsolePoweroff,

    /// <summary>The guest did not power off within the grace period and its process was killed.</summary>
    Killed,
}
