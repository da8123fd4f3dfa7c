namespace ParHub.Web.Data;

/// <summary>
/// A signed-in browser session, kept on the server: the auth cookie carries its id, and every request checks that it
/// has not ended and that the user's security stamp is the one it was issued with. Logout ends it; lock, password
/// change or reset, and a change of role or agency change the stamp, which ends every session of that user.
/// </summary>
public class UserSession
{
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    /// <summary>The client address at sign-in, for the user's and the admin's list of sessions.</summary>
    public string? Client { get; set; }
}
