namespace Pane.Host.Guest.Provisioning;

/// <summary>
/// The guest steps of <c>pane provision</c>. Passwords are never part of a script: each step that sets one starts
/// with <c>read</c>, and the shell types the password as that step's input, with the terminal's echo off.
/// </summary>
internal static class ProvisionScript
{
    /// <summary>The sudoers drop-in that grants the admin groups.</summary>
    public const string SudoersDropIn = "/etc/sudoers.d/10-pane-admins";

    /// <summary>The prefix of the verification's lines.</summary>
    public const string CheckPrefix = "pane-check ";

    private const string UserScript = """
        set -e
        IFS= read -r pane_secret
        user='@USER@'
        if grep -q "^$user:" /etc/passwd; then
          echo "pane-user updated $user"
        else
          shell=/bin/sh
          if [ -x /bin/bash ]; then shell=/bin/bash; fi
          useradd -m -s "$shell" "$user"
          echo "pane-user created $user"
        fi
        groups=
        for group in wheel sudo; do
          if grep -q "^$group:" /etc/group; then groups="$groups $group"; fi
        done
        if [ -z "$groups" ]; then groupadd -r wheel; groups=' wheel'; fi
        for group in $groups; do
          if ! awk -F: -v user="$user" -v group="$group" '$1 == group { n = split($4, m, ","); for (i = 1; i <= n; i++) if (m[i] == user) found = 1 } END { exit !found }' /etc/group; then
            usermod -aG "$group" "$user"
          fi
        done
        printf '%s:%s\n' "$user" "$pane_secret" | chpasswd
        mkdir -p /etc/sudoers.d
        dropin=@DROPIN@
        : > "$dropin.new"
        for group in $groups; do printf '%%%s ALL=(ALL:ALL) ALL\n' "$group" >> "$dropin.new"; done
        chmod 0440 "$dropin.new"
        if command -v visudo >/dev/null 2>&1; then
          if ! visudo -c -f "$dropin.new"; then rm -f "$dropin.new"; echo "pane: visudo rejected the sudoers drop-in" >&2; exit 1; fi
        else
          echo "pane: the guest has no visudo; the drop-in was not checked"
        fi
        mv "$dropin.new" "$dropin"
        echo "pane-admin-groups$groups"
        """;

    private const string VerifyScript = """
        for user in @ACCOUNTS@; do
          hash=$(awk -F: -v user="$user" '$1 == user { print $2 }' /etc/shadow)
          case "$hash" in
            '$'*'$'*)
              scheme=$(printf '%s' "$hash" | cut -d'$' -f2)
              digest=$(printf '%s' "$hash" | awk -F'$' '{ print $NF }')
              echo "pane-check shadow $user $scheme ${#digest}" ;;
            *) echo "pane-check shadow $user none 0" ;;
          esac
        done
        user='@USER@'
        if [ -n "$user" ]; then
          echo "pane-check passwd-entries $user $(grep -c "^$user:" /etc/passwd)"
          echo "pane-check groups $user $(awk -F: -v user="$user" '{ n = split($4, m, ","); for (i = 1; i <= n; i++) if (m[i] == user) printf "%s ", $1 }' /etc/group)"
          echo "pane-check sudoers $(tr '\n' ';' < @DROPIN@ 2>/dev/null)"
        fi
        """;

    /// <summary>Sets root's password to the step's input.</summary>
    /// <param name="password">The password, typed as input.</param>
    /// <returns>The step.</returns>
    public static GuestStep SetRootPassword(string password) => new()
    {
        Title = "Set the root password",
        Script = "set -e\nIFS= read -r pane_secret\nprintf 'root:%s\\n' \"$pane_secret\" | chpasswd",
        Input = [password],
    };

    /// <summary>Creates the user, or updates it when it exists: admin groups, password, sudoers drop-in.</summary>
    /// <param name="username">A validated user name.</param>
    /// <param name="password">The password, typed as input.</param>
    /// <returns>The step.</returns>
    public static GuestStep CreateOrUpdateUser(string username, string password) => new()
    {
        Title = $"Create or update the sudo user '{username}'",
        Script = UserScript.Replace("@USER@", username, StringComparison.Ordinal).Replace("@DROPIN@", SudoersDropIn, StringComparison.Ordinal),
        Input = [password],
    };

    /// <summary>Prints what the guest holds: the hash scheme of each account, the user's entries, groups and sudoers drop-in.</summary>
    /// <param name="username">The user, or <see langword="null"/>.</param>
    /// <returns>The step.</returns>
    public static GuestStep Verify(string? username) => new()
    {
        Title = "Verify the accounts",
        Script = VerifyScript
            .Replace("@ACCOUNTS@", username is null ? "root" : $"root {username}", StringComparison.Ordinal)
            .Replace("@USER@", username ?? string.Empty, StringComparison.Ordinal)
            .Replace("@DROPIN@", SudoersDropIn, StringComparison.Ordinal),
    };
}
