using System.Security.Cryptography;

namespace Pane.Host.Guest.Provisioning;

/// <summary>
/// Generates passwords with the operating system's CSPRNG: 24 characters (about 143 bits), easy to copy. The first
/// character is a letter or digit, so a pasted password is never taken for a command-line option.
/// </summary>
internal static class PasswordGenerator
{
    /// <summary>The length of a generated password.</summary>
    public const int Length = 24;

    private const string LettersAndDigits = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private const string Alphabet = LettersAndDigits + "-_.+=@%";

    /// <summary>Generates a password.</summary>
    /// <returns>The password.</returns>
    public static string Generate() =>
        RandomNumberGenerator.GetString(LettersAndDigits, 1) + RandomNumberGenerator.GetString(Alphabet, Length - 1);
}
