using System.Text;

namespace Pane.Runtime.WslBridge.Tests;

/// <summary>Outputs of real wsl.exe builds, as the bytes they write to a pipe.</summary>
internal static class WslSamples
{
    /// <summary><c>wsl --status</c> of WSL 1.1 and later from the Microsoft Store.</summary>
    public const string StoreStatus = "Default Distribution: Ubuntu\r\nDefault Version: 2\r\n";

    /// <summary><c>wsl --version</c> of WSL 2.0.9 on Windows 11.</summary>
    public const string StoreVersion =
        "WSL version: 2.0.9.0\r\nKernel version: 5.15.133.1-1\r\nWSLg version: 1.0.59\r\nMSRDC version: 1.2.4677\r\n"
        + "Direct3D version: 1.611.1-81528511\r\nDXCore version: 10.0.25131.1002-220531-1700.rs-onecore-base2-hyp\r\n"
        + "Windows version: 10.0.22631.2715\r\n";

    /// <summary><c>wsl --status</c> of the WSL built into Windows 10 21H2 (before the Store package).</summary>
    public const string InboxStatus =
        "Default Distribution: Ubuntu-22.04\r\nDefault Version: 2\r\n\r\nWindows Subsystem for Linux was last updated on 27-Mar-22\r\n"
        + "WSL automatic updates are on.\r\n\r\nKernel version: 5.10.102.1\r\n";

    /// <summary><c>wsl --version</c> of the built-in WSL, which does not know the option.</summary>
    public const string InboxVersion =
        "Invalid command line option: --version\r\nCopyright (c) Microsoft Corporation. All rights reserved.\r\n\r\n"
        + "Usage: wsl.exe [Argument] [Options...] [CommandLine]\r\n";

    /// <summary>What the wsl.exe stub of a Windows without WSL prints.</summary>
    public const string NotInstalled =
        "Windows Subsystem for Linux is not installed. You can install by running 'wsl.exe --install'.\r\n"
        + "For more information please visit https://aka.ms/wslinstall\r\n";

    /// <summary><c>wsl --status</c> when the Virtual Machine Platform is off.</summary>
    public const string VirtualizationOff =
        "Default Version: 2\r\n\r\nWSL2 is unable to start since virtualization is not enabled on this machine.\r\n"
        + "Please ensure the \"Virtual Machine Platform\" optional component is enabled and virtualization is turned on in your computer's firmware settings.\r\n\r\n"
        + "Enable \"Virtual Machine Platform\" by running: wsl.exe --install --no-distribution\r\n\r\n"
        + "For information please visit https://aka.ms/enablevirtualization\r\n";

    /// <summary>The same message in German: only the address and the command are not translated.</summary>
    public const string VirtualizationOffGerman =
        "Standardversion: 2\r\n\r\nWSL2 kann nicht gestartet werden, da die Virtualisierung auf diesem Computer nicht aktiviert ist.\r\n"
        + "Aktivieren Sie die optionale Komponente mit: wsl.exe --install --no-distribution\r\n\r\n"
        + "Weitere Informationen finden Sie unter https://aka.ms/enablevirtualization\r\n";

    /// <summary><c>wsl --status</c> with WSL 1 as the default.</summary>
    public const string DefaultVersionOne = "Default Distribution: Legacy\r\nDefault Version: 1\r\n";

    /// <summary><c>wsl --version</c> in German.</summary>
    public const string GermanVersion =
        "WSL-Version: 2.3.26.0\r\nKernelversion: 5.15.167.4-1\r\nWSLg-Version: 1.0.65\r\nMSRDC-Version: 1.2.5620\r\n"
        + "Direct3D-Version: 1.611.1-81528511\r\nDXCore-Version: 10.0.26100.1-240331-1435.ge-release\r\nWindows-Version: 10.0.26100.2605\r\n";

    /// <summary>UTF-16LE without a byte-order mark, as wsl.exe writes to a pipe.</summary>
    public static byte[] Utf16(string text) => Encoding.Unicode.GetBytes(text);

    /// <summary>UTF-16LE with a byte-order mark.</summary>
    public static byte[] Utf16WithBom(string text) => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)];

    /// <summary>UTF-8, as builds that honour <c>WSL_UTF8=1</c> write.</summary>
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
