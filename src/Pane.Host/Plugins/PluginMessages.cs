namespace Pane.Host.Plugins;

/// <summary>Turns exceptions thrown by plugin code into the end of a one-sentence reason.</summary>
internal static class PluginMessages
{
    /// <summary>Describes an exception as its type name and message, ending with a full stop.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>For example <c>InvalidOperationException: the disk is full.</c></returns>
    public static string Describe(Exception exception)
    {
        var inner = exception is System.Reflection.TargetInvocationException { InnerException: { } cause } ? cause : exception;
        return $"{inner.GetType().Name}: {inner.Message.Trim().TrimEnd('.')}.";
    }
}
