using System.Globalization;

namespace Pane.Host.Guest.Provisioning;

/// <summary>Judges the verification step's report: what the guest really holds, not what the steps said they did.</summary>
internal static class ProvisionVerifier
{
    /// <summary>The shortest crypt digest taken as a real hash (MD5-crypt's is 22 characters, yescrypt's 43, SHA-512's 86).</summary>
    private const int MinimumDigestLength = 22;

    /// <summary>Checks the report.</summary>
    /// <param name="output">The verification step's output.</param>
    /// <param name="username">The user, or <see langword="null"/>.</param>
    /// <param name="adminGroups">The groups the user step granted sudo to.</param>
    /// <param name="schemes">The hash scheme of each account that has a real hash.</param>
    /// <returns>One sentence per problem; empty when everything holds.</returns>
    public static IReadOnlyList<string> Check(IReadOnlyList<string> output, string? username, IReadOnlyList<string> adminGroups, out IReadOnlyDictionary<string, string> schemes)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(adminGroups);
        var checks = output
            .Where(line => line.StartsWith(ProvisionScript.CheckPrefix, StringComparison.Ordinal))
            .Select(line => line[ProvisionScript.CheckPrefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 1)
            .ToList();
        var problems = new List<string>();
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var account in username is null ? ["root"] : new[] { "root", username })
        {
            var shadow = checks.FirstOrDefault(fields => fields is ["shadow", _, _, _] && fields[1] == account);
            if (shadow is null)
            {
                problems.Add($"The guest did not report the /etc/shadow entry of '{account}'.");
            }
            else if (shadow[2] == "none" || !int.TryParse(shadow[3], NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length < MinimumDigestLength)
            {
                problems.Add($"'{account}' has no real password hash in /etc/shadow.");
            }
            else
            {
                found[account] = shadow[2];
            }
        }

        schemes = found;
        if (username is null)
        {
            return problems;
        }

        var entries = checks.FirstOrDefault(fields => fields is ["passwd-entries", _, _] && fields[1] == username);
        if (entries is null || entries[2] != "1")
        {
            problems.Add($"/etc/passwd holds {(entries is null ? "an unknown number of" : entries[2])} entries for '{username}', not exactly one.");
        }

        var groups = checks.FirstOrDefault(fields => fields.Length >= 2 && fields[0] == "groups" && fields[1] == username)?.Skip(2).ToHashSet(StringComparer.Ordinal) ?? [];
        if (adminGroups.Count == 0)
        {
            problems.Add($"No admin group (wheel or sudo) was granted to '{username}'.");
        }

        foreach (var group in adminGroups.Where(group => !groups.Contains(group)))
        {
            problems.Add($"'{username}' is not a member of the group '{group}'.");
        }

        var sudoers = string.Join(' ', checks.FirstOrDefault(fields => fields.Length >= 1 && fields[0] == "sudoers")?.Skip(1) ?? []);
        foreach (var group in adminGroups.Where(group => !sudoers.Contains($"%{group} ALL=(ALL:ALL) ALL", StringComparison.Ordinal)))
        {
            problems.Add($"The sudoers drop-in {ProvisionScript.SudoersDropIn} does not grant the group '{group}'.");
        }

        return problems;
    }
}
