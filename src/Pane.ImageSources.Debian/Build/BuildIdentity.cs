namespace Pane.ImageSources.Debian.Build;

/// <summary>
/// Who builds the image: root, or an ordinary user with the subordinate id ranges that let a user namespace own
/// every file of a Debian system.
/// </summary>
/// <param name="UserName">The user's name.</param>
/// <param name="UserId">The user's id.</param>
/// <param name="SubordinateUsers">The user's subordinate user ids; <see langword="null"/> for root.</param>
/// <param name="SubordinateGroups">The user's subordinate group ids; <see langword="null"/> for root.</param>
internal sealed record BuildIdentity(string UserName, uint UserId, SubordinateIdRange? SubordinateUsers, SubordinateIdRange? SubordinateGroups)
{
    /// <summary>Gets a value indicating whether the build runs as root, which needs no user namespace.</summary>
    public bool IsRoot => UserId == 0;
}
