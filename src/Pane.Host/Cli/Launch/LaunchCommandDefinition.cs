using System.CommandLine;
using Pane.Host.Cli.Workspace;
using Pane.Host.Machines;
using Pane.Machines;

namespace Pane.Host.Cli.Launch;

/// <summary>
/// Defines <c>pane launch [IMAGE] [--name N] [--runtime R] [--accel A] [--cpus N] [--memory MIB] [--append ARGS]
/// [--persist-root] [--display none|gtk|sdl|vnc] [--timeout S] [--headless [--keep] | --detach] [--grace S]
/// [--reset | --purge | --compact] [--yes] [--json]</c>.
/// </summary>
internal static class LaunchCommandDefinition
{
    public static Command Create(CliHost host)
    {
        var image = new Argument<string?>("IMAGE")
        {
            Description = "The base image, never modified: a raw or qcow2 file, an image in the store, or a reference to pull (arch, https://URL#sha256=HEX); default: 'pane config get default-image'.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var name = NameOption("The machine's name; several named machines may run side by side.");
        var runtime = new Option<string?>("--runtime") { Description = "The runtime to use (qemu, native, wsl), or auto for the best available.", HelpName = "ID" };
        var accelerator = new Option<string?>("--accel") { Description = "The accelerator instead of the runtime's choice (kvm, whpx, tcg).", HelpName = "NAME" };
        var cpus = new Option<int?>("--cpus") { Description = "Virtual CPUs (default: the host's logical cores, 2 to 8).", HelpName = "N" };
        var memory = new Option<int?>("--memory") { Description = "Memory in MiB (default: half the host's, 2048 to 8192).", HelpName = "MIB" };
        var append = new Option<string?>("--append") { Description = "Arguments added to the kernel command line.", HelpName = "ARGS" };
        var persistRoot = new Option<bool>("--persist-root") { Description = "Keep changes to the root filesystem in an overlay across boots (the image itself is never written)." };
        var display = DisplayOption();
        var timeout = new Option<int>("--timeout") { Description = "Seconds the guest may take to reach its login.", DefaultValueFactory = _ => 300, HelpName = "S" };
        var headless = new Option<bool>("--headless") { Description = "Boot to the login, print the timeline, then power off (unless --keep)." };
        var keep = new Option<bool>("--keep") { Description = "With --headless: leave the machine running." };
        var detach = new Option<bool>("--detach") { Description = "Return once the guest reached its login and leave it running." };
        var grace = GraceOption();
        var workspace = WorkspaceCommandDefinition.ActionFlags();
        var yes = WorkspaceCommandDefinition.YesOption();
        var json = GlobalOptions.CreateJson();
        var command = new Command("launch", "Boot a machine from an image; attach the terminal to its console unless --headless or --detach.")
        {
            image, name, runtime, accelerator, cpus, memory, append, persistRoot, display, timeout, headless, keep, detach, grace,
            workspace[WorkspaceAction.Reset], workspace[WorkspaceAction.Purge], workspace[WorkspaceAction.Compact], yes, json,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(headless) && result.GetValue(detach))
            {
                result.AddError("--headless and --detach exclude each other.");
            }

            if (result.GetValue(keep) && !result.GetValue(headless))
            {
                result.AddError("--keep goes with --headless.");
            }

            if (workspace.Values.Count(flag => result.GetValue(flag)) > 1)
            {
                result.AddError("--reset, --purge and --compact exclude each other.");
            }
        });
        RequirePositive(timeout);
        RequirePositive(cpus);
        RequirePositive(memory);
        command.SetAction((parseResult, cancellationToken) => host.RunAsync<LaunchCommand>(
            parseResult,
            (launch, token) => launch.ExecuteAsync(
                new LaunchRequest
                {
                    Image = parseResult.GetValue(image),
                    Name = parseResult.GetValue(name)!,
                    Runtime = parseResult.GetValue(runtime),
                    Accelerator = parseResult.GetValue(accelerator),
                    VirtualCpus = parseResult.GetValue(cpus),
                    MemoryMiB = parseResult.GetValue(memory),
                    Append = parseResult.GetValue(append),
                    PersistRoot = parseResult.GetValue(persistRoot),
                    Display = parseResult.GetValue(display),
                    Timeout = TimeSpan.FromSeconds(parseResult.GetValue(timeout)),
                },
                parseResult.GetValue(headless) ? LaunchMode.Headless : parseResult.GetValue(detach) ? LaunchMode.Detach : LaunchMode.Foreground,
                WorkspaceCommandDefinition.SelectedAction(parseResult, workspace),
                parseResult.GetValue(yes),
                parseResult.GetValue(keep),
                TimeSpan.FromSeconds(parseResult.GetValue(grace)),
                parseResult.GetValue(json),
                token),
            cancellationToken));
        return command;
    }

    /// <summary>
    /// The <c>--display</c> option: exactly <c>none</c>, <c>gtk</c>, <c>sdl</c> or <c>vnc</c> (an enum option alone
    /// would also take numbers and any letter case).
    /// </summary>
    private static Option<DisplayMode> DisplayOption()
    {
        string[] names = ["none", "gtk", "sdl", "vnc"];
        var option = new Option<DisplayMode>("--display")
        {
            Description = "Where the screen goes: none, a gtk or sdl window, or vnc (loopback only, password shown once, with a websocket port for a browser client).",
            DefaultValueFactory = _ => DisplayMode.None,
            HelpName = "none|gtk|sdl|vnc",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                var index = Array.IndexOf(names, text);
                if (index < 0)
                {
                    result.AddError($"--display takes none, gtk, sdl or vnc, not '{text}'.");
                    return DisplayMode.None;
                }

                return (DisplayMode)index;
            },
        };
        option.CompletionSources.Add(names);
        return option;
    }

    private static void RequirePositive<T>(Option<T> option) => option.Validators.Add(result =>
    {
        if (result.GetValueOrDefault<T>() is int value && value <= 0)
        {
            result.AddError($"{option.Name} must be a positive number.");
        }
    });

    /// <summary>Creates the <c>--name</c> option shared by the machine commands.</summary>
    /// <param name="description">What the name selects.</param>
    /// <returns>The option, defaulting to <c>default</c>.</returns>
    public static Option<string> NameOption(string description) => new("--name")
    {
        Description = description,
        DefaultValueFactory = _ => "default",
        HelpName = "NAME",
    };

    /// <summary>Creates the <c>--grace</c> option shared by launch and stop.</summary>
    /// <returns>The option, defaulting to 15 seconds.</returns>
    public static Option<int> GraceOption() => new("--grace")
    {
        Description = "Seconds the guest may take to power off after the ACPI power button before it is killed.",
        DefaultValueFactory = _ => 15,
        HelpName = "S",
    };
}
