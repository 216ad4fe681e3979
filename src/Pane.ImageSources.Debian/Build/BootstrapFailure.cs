using System.Text.RegularExpressions;
using Pane.ImageSources.Debian.Apt;
using Pane.Platform;

namespace Pane.ImageSources.Debian.Build;

/// <summary>Turns a failed mmdebstrap run into one sentence on what went wrong and what to do.</summary>
internal static partial class BootstrapFailure
{
    /// <summary>Explains a failed run.</summary>
    /// <param name="result">What mmdebstrap did.</param>
    /// <param name="mirror">The mirror it built from.</param>
    /// <returns>The exception to throw.</returns>
    public static PaneException Explain(ProcessResult result, DebianMirror mirror)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(mirror);
        var error = result.StandardError;
        if (Unreachable().IsMatch(error))
        {
            return new PaneException(
                $"The apt source {mirror.PrimaryUri} could not be reached to build the Debian {mirror.Suite} image.",
                "Check the network connection and the Debian mirror in /etc/apt/sources.list(.d) ('sudo apt-get update' shows the same failure), then try again.");
        }

        if (MissingPackage().Match(error) is { Success: true } missing)
        {
            return new PaneException(
                $"The apt source {mirror.PrimaryUri} has no package '{missing.Groups["package"].Value}' for Debian {mirror.Suite}.",
                "Check that the suite exists on that mirror and carries the main component for amd64.");
        }

        if (NoNamespace().IsMatch(error))
        {
            return new PaneException(
                "mmdebstrap could not create the user namespace the Debian image is built in.",
                "Allow user namespaces ('sudo sysctl -w kernel.unprivileged_userns_clone=1') and give the user subordinate ids in /etc/subuid and /etc/subgid.");
        }

        var lastError = error.Split('\n').Select(line => line.Trim()).LastOrDefault(line => line.StartsWith("E: ", StringComparison.Ordinal))?[3..]
            ?? $"it exited with code {result.ExitCode}";
        return new PaneException(
            $"mmdebstrap could not build the Debian {mirror.Suite} system: {lastError.TrimEnd('.')}.",
            "Run 'mmdebstrap --mode=unshare " + mirror.Suite + " /tmp/debian.tar' by hand to see all of its output.");
    }

    [GeneratedRegex(@"Failed to fetch|Could not resolve|Temporary failure resolving|Could not connect|Unable to connect|Connection timed out|Connection failed|Network is unreachable")]
    private static partial Regex Unreachable();

    [GeneratedRegex(@"Unable to locate package (?<package>\S+)|Package '?(?<package>[^' ]+)'? has no installation candidate")]
    private static partial Regex MissingPackage();

    [GeneratedRegex(@"newuidmap|newgidmap|unshare.*(failed|Operation not permitted)|cannot (create|unshare) .*namespace", RegexOptions.IgnoreCase)]
    private static partial Regex NoNamespace();
}
