using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Pane.Host.Cli.Output;

/// <summary>Writes a <c>--json</c> result: camelCase, indented, with text as readable as JSON allows.</summary>
internal static class JsonOutput
{
    private static readonly CliJsonContext s_context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Gets the serializer context whose options every result is written with.</summary>
    public static CliJsonContext Context => s_context;

    /// <summary>Writes one value and a line break.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="writer">Where to write.</param>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">Its generated metadata, from <see cref="Context"/>.</param>
    public static void Write<T>(TextWriter writer, T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(JsonSerializer.Serialize(value, typeInfo));
    }
}
