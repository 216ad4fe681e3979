using System.Security.Cryptography;

namespace Pane.Host.Guest.Provisioning;

/// <summary>Generates passwords with the operating system's CSPRNG: 24 characters of 64 (144 bits), easy to copy.</summary>
internal static class PasswordGenerator
{
    /// <summary>The length of a generated password.</summary>
    public const int Length = 24;

    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.+=@%";

    /// <summary>Generates a password.</summary>
    /// <returns>The password.</returns>
    public static string Generate() => new(RandomNumberGenerator.GetItems<char>(Alphabet, Length));
}
