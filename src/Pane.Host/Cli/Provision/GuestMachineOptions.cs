using System.CommandLine;
using Pane.Host.Cli.Launch;
using Pane.Host.Guest;

namespace Pane.Host.Cli.Provision;

/// <summary>The options <c>pane provision</c> and <c>pane install-desktop</c> share: which machine, and how to boot it.</summary>
internal sealed class GuestMachineOptions
{
    private readonly Option<string> _name = LaunchCommandDefinition.NameOption("The machine to work on; it is booted when it does not run.");
    private readonly Option<string?> _image = new("--image")
    {
        Description = "The base image to boot (raw or qcow2; never modified); default: the one the machine's root overlay was made from.",
        HelpName = "IMAGE",
    };

    private readonly Option<string?> _accelerator = new("--accel") { Description = "The accelerator instead of the runtime's choice (kvm, whpx, tcg).", HelpName = "NAME" };
    private readonly Option<int?> _cpus = new("--cpus") { Description = "Virtual CPUs (default: the host's logical cores, 2 to 8).", HelpName = "N" };
    private readonly Option<int?> _memory = new("--memory") { Description = "Memory in MiB (default: half the host's, 2048 to 8192).", HelpName = "MIB" };
    private readonly Option<int> _bootTimeout = new("--boot-timeout") { Description = "Seconds the guest may take to boot to its shell.", DefaultValueFactory = _ => 300, HelpName = "S" };

    /// <summary>Adds the options to a command.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        command.Options.Add(_name);
        command.Options.Add(_image);
        command.Options.Add(_accelerator);
        command.Options.Add(_cpus);
        command.Options.Add(_memory);
        command.Options.Add(_bootTimeout);
        foreach (var option in new Option[] { _cpus, _memory, _bootTimeout })
        {
            option.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<object>() is int value && value <= 0)
                {
                    result.AddError($"{option.Name} must be a positive number.");
                }
            });
        }
    }

    /// <summary>Reads the machine request from a parsed command line.</summary>
    /// <param name="parseResult">The parsed command line.</param>
    /// <returns>The request.</returns>
    public GuestMachineRequest Read(ParseResult parseResult) => new()
    {
        Name = parseResult.GetValue(_name)!,
        Image = parseResult.GetValue(_image),
        Accelerator = parseResult.GetValue(_accelerator),
        VirtualCpus = parseResult.GetValue(_cpus),
        MemoryMiB = parseResult.GetValue(_memory),
        BootTimeout = TimeSpan.FromSeconds(parseResult.GetValue(_bootTimeout)),
    };
}
