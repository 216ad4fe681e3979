using System.Security.Cryptography;

namespace Pane.Host.Machines;

/// <summary>Makes the password of a machine's VNC display: new for each launch, from the system's CSPRNG.</summary>
internal static class DisplayPasswords
{
    /// <summary>VNC authentication reads at most 8 characters of a password.</summary>
    public const int Length = 8;

    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>Generates a password: 8 characters from 57 that cannot be mistaken for one another, about 46 bits.</summary>
    /// <returns>The password.</returns>
    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, Length);
}
