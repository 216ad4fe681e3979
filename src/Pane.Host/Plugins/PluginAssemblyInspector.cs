using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Pane.Plugins;

namespace Pane.Host.Plugins;

/// <summary>
/// Checks a plugin assembly through its metadata, without loading it: that it is a .NET assembly, that it was
/// built against the host's major version of Pane.Abstractions, and that it names its entry class, whose name it
/// reads from the attribute's blob, with the kinds of contribution the attribute declares.
/// </summary>
/// <remarks>
/// The version check cannot be left to the loader: sharing the contract assembly with the host unifies any
/// version of it silently, and a plugin built against another major version would fail later, far from the cause.
/// Reading the entry class's name here also spares the loader the reflection that builds the attribute object,
/// which is one of the larger costs of the first plugin's load.
/// </remarks>
internal static class PluginAssemblyInspector
{
    private const string AbstractionsAssemblyName = "Pane.Abstractions";
    private const string EntryAttributeNamespace = "Pane.Plugins";
    private const string EntryAttributeName = "PanePluginAttribute";
    private const string ContributesPropertyName = "Contributes";

    /// <summary>Inspects a plugin assembly.</summary>
    /// <param name="candidate">The plugin.</param>
    /// <param name="hostAbstractionsVersion">The version of the host's Pane.Abstractions assembly.</param>
    /// <param name="inspection">What the metadata says, or <see cref="PluginInspection.Empty"/> when the plugin may not be loaded.</param>
    /// <returns><see langword="null"/> when the plugin may be loaded; otherwise why not.</returns>
    public static PluginLoadError? Inspect(PluginCandidate candidate, Version hostAbstractionsVersion, out PluginInspection inspection)
    {
        inspection = PluginInspection.Empty;
        try
        {
            using var stream = File.OpenRead(candidate.Path);
            using var peReader = new PEReader(stream);
            if (!peReader.HasMetadata)
            {
                return NotAnAssembly(candidate);
            }

            var metadata = peReader.GetMetadataReader();
            if (!metadata.IsAssembly)
            {
                return NotAnAssembly(candidate);
            }

            return CheckAbstractionsVersion(candidate, metadata, hostAbstractionsVersion)
                ?? CheckEntryAttribute(candidate, metadata, out inspection);
        }
        catch (BadImageFormatException)
        {
            return NotAnAssembly(candidate);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new PluginLoadError(
                candidate.Name,
                candidate.Path,
                $"The file could not be read: {PluginMessages.Describe(exception)}",
                "Check that the file exists and that the current user may read it.");
        }
    }

    private static PluginLoadError NotAnAssembly(PluginCandidate candidate) =>
        new(
            candidate.Name,
            candidate.Path,
            $"{Path.GetFileName(candidate.Path)} is not a .NET assembly.",
            "Replace it with the plugin's build output, or remove the plugin's folder.");

    private static PluginLoadError? CheckAbstractionsVersion(
        PluginCandidate candidate,
        MetadataReader metadata,
        Version hostVersion)
    {
        foreach (var handle in metadata.AssemblyReferences)
        {
            var reference = metadata.GetAssemblyReference(handle);
            if (!metadata.StringComparer.Equals(reference.Name, AbstractionsAssemblyName))
            {
                continue;
            }

            if (reference.Version.Major != hostVersion.Major)
            {
                return new PluginLoadError(
                    candidate.Name,
                    candidate.Path,
                    $"It is built against Pane.Abstractions {reference.Version.ToString(3)} but this host has Pane.Abstractions {hostVersion.ToString(3)}, another major version.",
                    $"Install a build of the plugin made for Pane.Abstractions {hostVersion.Major}.x, or remove the plugin's folder.");
            }
        }

        return null;
    }

    private static PluginLoadError? CheckEntryAttribute(PluginCandidate candidate, MetadataReader metadata, out PluginInspection inspection)
    {
        inspection = PluginInspection.Empty;
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (IsEntryAttribute(metadata, attribute))
            {
                var (entryTypeName, contributions) = ReadArguments(metadata, attribute);
                inspection = new PluginInspection(entryTypeName, FindTypeDefinitionToken(metadata, entryTypeName), contributions);
                return null;
            }
        }

        return new PluginLoadError(
            candidate.Name,
            candidate.Path,
            "It has no [assembly: PanePlugin(typeof(...))] attribute naming its entry class.",
            "Add [assembly: PanePlugin(typeof(YourPlugin))] to the plugin, or remove the folder if it is not a Pane plugin.");
    }

    /// <summary>
    /// Finds the token of the top-level class the assembly defines under a namespace-qualified name; 0 for a name
    /// of another assembly's class (it holds a comma), of a nested class, or of no class defined here.
    /// </summary>
    private static int FindTypeDefinitionToken(MetadataReader metadata, string? typeName)
    {
        if (typeName is null || typeName.Contains(',', StringComparison.Ordinal) || typeName.Contains('+', StringComparison.Ordinal))
        {
            return 0;
        }

        var dot = typeName.LastIndexOf('.');
        var typeNamespace = dot < 0 ? string.Empty : typeName[..dot];
        var name = typeName[(dot + 1)..];
        foreach (var handle in metadata.TypeDefinitions)
        {
            var definition = metadata.GetTypeDefinition(handle);
            if (definition.GetDeclaringType().IsNil
                && metadata.StringComparer.Equals(definition.Name, name)
                && metadata.StringComparer.Equals(definition.Namespace, typeNamespace))
            {
                return MetadataTokens.GetToken(handle);
            }
        }

        return 0;
    }

    private static bool IsEntryAttribute(MetadataReader metadata, CustomAttribute attribute)
    {
        if (attribute.Constructor.Kind != HandleKind.MemberReference)
        {
            return false;
        }

        var constructor = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
        if (constructor.Parent.Kind != HandleKind.TypeReference)
        {
            return false;
        }

        var type = metadata.GetTypeReference((TypeReferenceHandle)constructor.Parent);
        return metadata.StringComparer.Equals(type.Namespace, EntryAttributeNamespace)
            && metadata.StringComparer.Equals(type.Name, EntryAttributeName);
    }

    /// <summary>
    /// Reads the attribute's blob (ECMA-335 II.23.3): the prolog, the one constructor argument, a <see cref="Type"/>
    /// kept as the type's name, then the named arguments, of which only an integer or enum <c>Contributes</c> property
    /// counts. A null type, or a blob of another shape, reads as no entry class and no declaration.
    /// </summary>
    private static (string? EntryTypeName, PluginContributions Contributions) ReadArguments(MetadataReader metadata, CustomAttribute attribute)
    {
        const ushort Prolog = 0x0001;
        const byte PropertyTag = 0x54;
        const byte Int32Type = 0x08;
        const byte EnumType = 0x55;
        var blob = metadata.GetBlobReader(attribute.Value);
        try
        {
            if (blob.Length <= sizeof(ushort) || blob.ReadUInt16() != Prolog)
            {
                return (null, PluginContributions.None);
            }

            var entryTypeName = blob.ReadSerializedString();
            var contributions = PluginContributions.None;
            for (var count = blob.ReadUInt16(); count > 0; count--)
            {
                var tag = blob.ReadByte();
                var type = blob.ReadByte();
                if (type == EnumType)
                {
                    blob.ReadSerializedString();
                }
                else if (type != Int32Type)
                {
                    break;
                }

                var name = blob.ReadSerializedString();
                var value = blob.ReadInt32();
                if (tag == PropertyTag && name == ContributesPropertyName)
                {
                    contributions = (PluginContributions)value;
                }
            }

            return (entryTypeName, contributions);
        }
        catch (BadImageFormatException)
        {
            return (null, PluginContributions.None);
        }
    }
}
