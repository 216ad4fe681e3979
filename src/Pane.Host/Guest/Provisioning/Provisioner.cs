using System.Text.RegularExpressions;

namespace Pane.Host.Guest.Provisioning;

/// <summary>
/// <c>pane provision</c>'s engine: sets root's password and creates (or updates) a sudo user through the guest's
/// serial root shell, verifies the result in the guest, and powers off cleanly so the root overlay keeps it.
/// </summary>
internal sealed partial class Provisioner
{
    /// <summary>The shortest password Pane accepts from the user.</summary>
    public const int MinimumPasswordLength = 8;

    private readonly GuestSessionOpener _sessions;

    public Provisioner(GuestSessionOpener sessions)
    {
        _sessions = sessions;
    }

    /// <summary>Checks a request before any machine is touched.</summary>
    /// <param name="request">The request.</param>
    /// <exception cref="PaneException">A user name or password cannot be used.</exception>
    public static void Validate(ProvisionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Username is { } username && (!UserName().IsMatch(username) || username == "root"))
        {
            throw new PaneException(
                $"'{username}' cannot be the sudo user's name.",
                "Use up to 32 lower-case letters, digits, '_' or '-', starting with a letter or '_', and not 'root'.");
        }

        if (request.Password is not null && request.Username is null)
        {
            throw new PaneException("--password was given without --username.", "Name the user the password is for with --username.");
        }

        ValidatePassword("--root-password", request.RootPassword);
        ValidatePassword("--password", request.Password);
    }

    /// <summary>Provisions the machine.</summary>
    /// <param name="request">What to set.</param>
    /// <param name="output">Where progress, and each generated password (once), are written.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>What the guest holds now.</returns>
    /// <exception cref="PaneException">The request is invalid or the machine cannot be used.</exception>
    /// <exception cref="GuestStepFailedException">A step failed or the guest does not hold what was set.</exception>
    public async Task<ProvisionResult> ProvisionAsync(ProvisionRequest request, TextWriter output, CancellationToken cancellationToken)
    {
        Validate(request);
        ArgumentNullException.ThrowIfNull(output);
        var rootPassword = request.RootPassword ?? PasswordGenerator.Generate();
        var userPassword = request.Username is null ? null : request.Password ?? PasswordGenerator.Generate();
        var redactor = new SecretRedactor(userPassword is null ? [rootPassword] : [rootPassword, userPassword]);
        var session = await _sessions.OpenAsync(request.Machine, "provision", redactor, output, cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var shell = session.Shell;
            await output.WriteLineAsync("Setting the root password").ConfigureAwait(false);
            await shell.RunCheckedAsync(ProvisionScript.SetRootPassword(rootPassword), null, cancellationToken).ConfigureAwait(false);
            if (request.RootPassword is null)
            {
                await output.WriteLineAsync($"  root password (generated, shown only now): {rootPassword}").ConfigureAwait(false);
            }

            var created = false;
            IReadOnlyList<string> adminGroups = [];
            if (request.Username is { } username)
            {
                await output.WriteLineAsync($"Creating or updating the sudo user '{username}'").ConfigureAwait(false);
                var user = await shell.RunCheckedAsync(ProvisionScript.CreateOrUpdateUser(username, userPassword!), null, cancellationToken).ConfigureAwait(false);
                created = user.Output.Contains($"pane-user created {username}");
                adminGroups = user.Output.LastOrDefault(line => line.StartsWith("pane-admin-groups", StringComparison.Ordinal))?
                    ["pane-admin-groups".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
                await output.WriteLineAsync($"  {(created ? "created" : "updated the existing user")} '{username}', admin groups: {string.Join(", ", adminGroups)}").ConfigureAwait(false);
                if (request.Password is null)
                {
                    await output.WriteLineAsync($"  {username}'s password (generated, shown only now): {userPassword}").ConfigureAwait(false);
                }
            }

            await output.WriteLineAsync("Verifying in the guest").ConfigureAwait(false);
            var verification = await shell.RunCheckedAsync(ProvisionScript.Verify(request.Username), null, cancellationToken).ConfigureAwait(false);
            var problems = ProvisionVerifier.Check(verification.Output, request.Username, adminGroups, out var schemes);
            if (problems.Count > 0)
            {
                throw new GuestStepFailedException(
                    $"The guest does not hold what provisioning set: {string.Join(" ", problems)}",
                    $"Read the guest's report below; the whole session is in {session.Transcript.Path}.",
                    GuestShell.Tail(verification.Output));
            }

            var shutdown = await session.PowerOffAsync(cancellationToken).ConfigureAwait(false);
            var accounts = schemes.Select(pair => new ProvisionedAccount(pair.Key, pair.Value, pair.Key == "root" ? request.RootPassword is null : request.Password is null)).ToList();
            return new ProvisionResult(accounts, created, adminGroups, shutdown);
        }
    }

    private static void ValidatePassword(string option, string? password)
    {
        if (password is null)
        {
            return;
        }

        if (password.Length < MinimumPasswordLength || password.Any(char.IsControl))
        {
            throw new PaneException(
                $"The password given with {option} is shorter than {MinimumPasswordLength} characters or holds control characters.",
                $"Give at least {MinimumPasswordLength} printable characters, or leave {option} out to have Pane generate a strong one.");
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_-]{0,31}$")]
    private static partial Regex UserName();
}
