using System.Text.Json;

namespace Pane.Runtime.Native.Tests.EndToEnd;

/// <summary>
/// What tests/fixtures/nested/payload/run.sh printed inside the outer guest: its <c>RESULT NAME key=value...</c>
/// lines (a <c>reason=</c> takes the rest of its line) and the <c>pane runtimes --json</c> document.
/// </summary>
internal sealed class NestedPayloadReport
{
    private const string ResultPrefix = "RESULT ";
    private const string RuntimesBegin = "RUNTIMES-JSON-BEGIN";
    private const string RuntimesEnd = "RUNTIMES-JSON-END";

    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _results = new(StringComparer.Ordinal);

    private NestedPayloadReport(string output)
    {
        Output = output;
    }

    /// <summary>Gets everything the payload printed.</summary>
    public string Output { get; }

    /// <summary>Gets the text between the runtimes markers, or null when the payload ran no Pane.</summary>
    public string? RuntimesJson { get; private set; }

    /// <summary>Reads a payload's output.</summary>
    /// <param name="output">The payload's output.</param>
    /// <returns>The report.</returns>
    public static NestedPayloadReport Parse(string output)
    {
        var report = new NestedPayloadReport(output);
        var lines = output.Split('\n');
        var runtimes = new List<string>();
        var inRuntimes = false;
        foreach (var line in lines)
        {
            if (line.StartsWith(RuntimesBegin, StringComparison.Ordinal))
            {
                inRuntimes = true;
            }
            else if (line.StartsWith(RuntimesEnd, StringComparison.Ordinal))
            {
                inRuntimes = false;
                report.RuntimesJson = string.Join('\n', runtimes);
            }
            else if (inRuntimes)
            {
                runtimes.Add(line);
            }
            else if (line.StartsWith(ResultPrefix, StringComparison.Ordinal))
            {
                report.AddResult(line[ResultPrefix.Length..]);
            }
        }

        return report;
    }

    /// <summary>Gets the values of the result line <paramref name="name"/>, or null when the payload printed none.</summary>
    /// <param name="name">The result's name, such as <c>kvm</c> or <c>native-1</c>.</param>
    /// <returns>Its values by key.</returns>
    public IReadOnlyDictionary<string, string>? Result(string name) => _results.GetValueOrDefault(name);

    /// <summary>Gets the <c>pane runtimes --json</c> entry of runtime <paramref name="id"/>.</summary>
    /// <param name="id">The runtime id.</param>
    /// <returns>The entry, or null when there is none.</returns>
    public JsonElement? Runtime(string id)
    {
        if (RuntimesJson is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(RuntimesJson);
        foreach (var runtime in document.RootElement.GetProperty("runtimes").EnumerateArray())
        {
            if (runtime.GetProperty("id").GetString() == id)
            {
                return runtime.Clone();
            }
        }

        return null;
    }

    private void AddResult(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var name = space < 0 ? text : text[..space];
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = space < 0 ? string.Empty : text[(space + 1)..];
        while (rest.Length > 0)
        {
            var equals = rest.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                break;
            }

            var key = rest[..equals];
            var end = key == "reason" ? -1 : rest.IndexOf(' ', equals);
            values[key] = end < 0 ? rest[(equals + 1)..].Trim() : rest[(equals + 1)..end];
            rest = end < 0 ? string.Empty : rest[(end + 1)..];
        }

        _results[name] = values;
    }
}
