namespace ParHub.Web.Data;

/// <summary>An in-app notification for one user (reminders, returned reports…).</summary>
public class Notification
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public DateTime At { get; set; }
    public string Title { get; set; } = "";
    public string? Body { get; set; }
    public string? Link { get; set; }
    public DateTime? ReadAt { get; set; }
    /// <summary>What the notice is about ("report:12:return:3"): a user is told of one event once (unique with the user).</summary>
    public string? Key { get; set; }
    /// <summary>Its e-mail waits for the user's daily digest (the user chose the digest over immediate mail).</summary>
    public bool MailPending { get; set; }
}

/// <summary>What a daily digest told a user, so that the next one never repeats it.</summary>
public class DigestEntry
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public DateOnly Day { get; set; }
    /// <summary>"task:42:due-soon", "task:42:overdue".</summary>
    public string ItemKey { get; set; } = "";
    public DateTime SentAt { get; set; }
}
