using Pane.ImageSources.Debian.Apt;

namespace Pane.ImageSources.Debian.Tests.Apt;

/// <summary>Compares sources by value, components included (records compare lists by reference).</summary>
internal sealed class SourceComparer : IEqualityComparer<AptSource>
{
    public static SourceComparer Instance { get; } = new();

    public bool Equals(AptSource? x, AptSource? y) =>
        x is not null && y is not null && x.Uri == y.Uri && x.Suite == y.Suite && x.SignedBy == y.SignedBy
        && x.Components.SequenceEqual(y.Components);

    public int GetHashCode(AptSource obj) => HashCode.Combine(obj.Uri, obj.Suite);
}
